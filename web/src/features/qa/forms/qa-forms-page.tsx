import { useEffect, useState } from 'react';
import type { QaForm } from '@cc/shared/qa/values';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { LoadFailed } from '../../../components/empty-state.tsx';
import { useToast } from '../../../components/toast.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { hashFor } from '../../shell/routes.ts';
import { draftOfForm, newFormDraft, type FormDraft } from './form-draft.ts';
import { QaFormEditor } from './qa-form-editor.tsx';
import './qa-forms.css';

/** «Формы оценки» (`#/qa/forms`): the tenant's evaluation forms, each for its queues; supervisors write them. */
export function QaFormsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const notify = useToast();
  const [forms, setForms] = useState<QaForm[]>();
  const [queues, setQueues] = useState<TenantQueue[]>([]);
  const [editing, setEditing] = useState<FormDraft>();
  const [failed, setFailed] = useState(false);
  const load = () => {
    setFailed(false);
    Promise.all([api.qaForms(), api.listQueues()]).then(([all, queueList]) => { setForms(all); setQueues(queueList); }, () => setFailed(true));
  };
  useEffect(load, [api]);
  const queueName = (queueId: string) => queues.find((q) => q.queueId === queueId)?.name ?? queueId;

  const remove = (form: QaForm) => {
    if (!window.confirm(t('qa.forms.deleteConfirm', { name: form.name }))) return;
    api.deleteQaForm(form.formId).then(() => { notify(t('qa.forms.deleted'), 'info'); load(); }, () => notify(t('qa.forms.failed')));
  };

  return (
    <div className="qa-page" data-testid="qa-forms">
      <section className="card" aria-labelledby="qa-forms-title">
        <div className="card__header card__header--padded">
          <h1 id="qa-forms-title" className="card__title">{t('qa.forms.title')}</h1>
          <a className="button button--subtle button--small" href={hashFor('qa')}>{t('qa.forms.back')}</a>
        </div>
        <p className="card__hint">{t('qa.forms.hint')}</p>
        {failed && <LoadFailed onRetry={load} />}
        {forms && forms.length === 0 && <p>{t('qa.forms.empty')}</p>}
        {forms && forms.length > 0 && (
          <ul className="qa-forms-list">
            {forms.map((form) => (
              <li key={form.formId} className="qa-forms-list__item" data-form={form.formId}>
                <div>
                  <strong>{form.name}</strong>
                  <div className="muted">
                    {form.queueIds.map(queueName).join(', ')} · {t('qa.forms.parameterCount', { count: form.parameters.length })} · {t('qa.forms.version', { version: form.version, at: formatDateTime(form.updatedAt, locale) })}
                  </div>
                </div>
                <div className="admin-list__actions">
                  <button type="button" className="button button--small" onClick={() => setEditing(draftOfForm(form))} aria-label={t('qa.forms.editOf', { name: form.name })}>{t('qa.forms.editShort')}</button>
                  <button type="button" className="button button--subtle button--small" onClick={() => remove(form)} aria-label={t('qa.forms.deleteOf', { name: form.name })}>{t('qa.forms.deleteShort')}</button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {forms && !editing && (
          <button type="button" className="button button--primary" onClick={() => setEditing(newFormDraft(queues.map((q) => q.queueId)))}>{t('qa.forms.add')}</button>
        )}
      </section>
      {editing && (
        <QaFormEditor
          key={editing.formId ?? 'new'}
          initial={editing}
          queues={queues}
          onSaved={() => { setEditing(undefined); load(); }}
          onCancel={() => setEditing(undefined)}
          onStale={() => { setEditing(undefined); load(); }}
        />
      )}
    </div>
  );
}
