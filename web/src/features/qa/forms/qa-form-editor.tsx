import { useState, type FormEvent } from 'react';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { QA_LIMITS, type QaForm } from '@cc/shared/qa/values';
import { saveFailureOf } from '../../../api/errors.ts';
import { useToast } from '../../../components/toast.tsx';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { emptyParameter, formBodyOf, weightShares, type FormDraft, type FormProblem } from './form-draft.ts';
import { ParameterRow } from './parameter-row.tsx';

interface Props {
  initial: FormDraft;
  queues: readonly TenantQueue[];
  onSaved(form: QaForm): void;
  onCancel(): void;
  /** The stored form changed under the editor: reload the list. */
  onStale(): void;
}

/** Writes one evaluation form: its name, the queues it serves and up to twelve weighted parameters. */
export function QaFormEditor({ initial, queues, onSaved, onCancel, onStale }: Props) {
  const { t } = useI18n();
  const api = useApi();
  const notify = useToast();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const shares = weightShares(draft.parameters);
  const bad = (parameterId: string, field: 'name' | 'weight') => problems.some((p) => typeof p === 'object' && p.parameterId === parameterId && p.field === field);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const checked = formBodyOf(draft);
    if ('problems' in checked) {
      setProblems(checked.problems);
      notify(t('qa.forms.fix'));
      return;
    }
    setBusy(true);
    const saving = draft.formId ? api.updateQaForm(draft.formId, checked.body) : api.createQaForm(checked.body);
    saving.then(
      (form) => { notify(t('qa.forms.saved'), 'info'); onSaved(form); },
      (error: unknown) => {
        const failure = saveFailureOf(error);
        if (failure.kind === 'stale') onStale();
        notify(failure.kind === 'stale' ? t('qa.forms.changed') : failure.kind === 'refused' ? t('qa.forms.invalid', { reason: failure.reason }) : t('qa.forms.failed'));
      },
    ).finally(() => setBusy(false));
  };

  const setParameter = (parameterId: string, patch: Partial<FormDraft['parameters'][number]>) =>
    setDraft({ ...draft, parameters: draft.parameters.map((p) => (p.parameterId === parameterId ? { ...p, ...patch } : p)) });

  return (
    <form className="card qa-form-editor" onSubmit={save} data-testid="qa-form-editor" aria-labelledby="qa-form-editor-title">
      <h2 id="qa-form-editor-title" className="card__title">{draft.formId ? t('qa.forms.edit') : t('qa.forms.new')}</h2>
      <label className="field">
        <span className="field__label">{t('qa.forms.name')}</span>
        <input className="input" value={draft.name} maxLength={QA_LIMITS.nameMaxLength} aria-invalid={problems.includes('name') || undefined} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      <fieldset className="qa-form-editor__queues" aria-invalid={problems.includes('queues') || undefined}>
        <legend>{t('qa.forms.queues')}</legend>
        {queues.map((queue) => (
          <label key={queue.queueId} className="flow-toggle">
            <input type="checkbox" checked={draft.queueIds.includes(queue.queueId)} onChange={(e) => setDraft({ ...draft, queueIds: e.target.checked ? [...draft.queueIds, queue.queueId] : draft.queueIds.filter((q) => q !== queue.queueId) })} />
            {queue.name}
          </label>
        ))}
        {problems.includes('queues') && <span className="field__error">{t('qa.forms.queues.none')}</span>}
      </fieldset>
      <fieldset className="qa-form-editor__parameters">
        <legend>{t('qa.forms.parameters', { count: draft.parameters.length, max: QA_LIMITS.parametersMax })}</legend>
        <p className="muted">{t('qa.forms.parameters.hint')}</p>
        <ol className="qa-form-parameters">
          {draft.parameters.map((parameter, index) => (
            <ParameterRow key={parameter.parameterId} index={index} parameter={parameter} share={shares[index] ?? 0} invalid={{ name: bad(parameter.parameterId, 'name'), weight: bad(parameter.parameterId, 'weight') }} onChange={(patch) => setParameter(parameter.parameterId, patch)} {...(draft.parameters.length > 1 && { onRemove: () => setDraft({ ...draft, parameters: draft.parameters.filter((p) => p.parameterId !== parameter.parameterId) }) })} />
          ))}
        </ol>
        <button type="button" className="button button--small" disabled={draft.parameters.length >= QA_LIMITS.parametersMax} onClick={() => setDraft({ ...draft, parameters: [...draft.parameters, emptyParameter(draft.parameters)] })}>
          {t('qa.forms.parameter.add')}
        </button>
      </fieldset>
      <div className="admin-list__actions">
        <button type="submit" className="button button--primary" disabled={busy}>{t('qa.forms.save')}</button>
        <button type="button" className="button button--subtle" onClick={onCancel}>{t('qa.forms.cancel')}</button>
      </div>
    </form>
  );
}
