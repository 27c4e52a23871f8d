import { useState, type FormEvent, type ReactNode } from 'react';
import { CHANNEL_KINDS } from '@cc/shared/channels/catalog';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { ProblemError } from '../../../api/errors.ts';
import { CloseIcon } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { Modal } from '../../../components/modal.tsx';
import { useFieldErrors } from './field-errors.tsx';
import { HoursFieldset } from './hours-fieldset.tsx';
import { createBody, serverErrors, toDraft, updateBody, type QueueDraft, type QueueFieldErrors } from './queue-draft.ts';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Creates a queue or edits one. The server checks the body with the queue schema routing reads and answers
 * refused fields by path; the form shows each next to its field.
 */
export function QueueForm({ queues, queue, onSaved, onClose }: { queues: TenantQueue[]; queue?: TenantQueue; onSaved(saved: TenantQueue): void; onClose(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const [draft, setDraft] = useState<QueueDraft>(() => toDraft(queue, browserZone()));
  const [errors, setErrors] = useState<QueueFieldErrors>({});
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<QueueDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const others = queues.filter((q) => q.queueId !== queue?.queueId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setBusy(true);
    try {
      onSaved(queue ? await api.updateQueue(queue.queueId, updateBody(draft, queue)) : await api.createQueue(createBody(draft)));
    } catch (error) {
      setErrors(error instanceof ProblemError ? serverErrors(error, draft) : { form: 'admin.queues.error.save' });
      setBusy(false);
    }
  }

  const { message, invalid } = useFieldErrors(errors);
  const number = (field: keyof QueueDraft & string, label: ReactNode, errorField: string = field, props: { min?: number; max?: number } = {}) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="input" name={field} type="number" inputMode="numeric" {...props} value={String(draft[field])} onChange={(e) => change({ [field]: e.target.value })} {...invalid(errorField)} />
    </label>
  );
  /** A number field with its own error below it. */
  const numberWithError = (field: keyof QueueDraft & string, label: ReactNode, props: { min?: number; max?: number } = {}) => (
    <div className="field">
      {number(field, label, field, props)}
      {message(field)}
    </div>
  );

  return (
    <Modal wide titleId="queue-form-title" title={queue ? t('admin.queues.form.edit', { name: queue.name }) : t('admin.queues.form.create')} onClose={onClose}>
      <form className="user-form queue-form" onSubmit={submit} noValidate>
        {errors.form && (
          <p className="alert alert--error" role="alert">
            {t(errors.form)}
          </p>
        )}
        <div className="user-form__pair">
          <label className="field">
            <span className="field__label">{t('admin.queues.form.name')}</span>
            <input className="input" name="name" autoComplete="off" maxLength={100} value={draft.name} onChange={(e) => change({ name: e.target.value })} {...invalid('name')} autoFocus />
            {message('name')}
          </label>
          {numberWithError('priority', t('admin.queues.form.priority'))}
        </div>
        <p className="muted">{t('admin.queues.form.priorityHint')}</p>

        <fieldset>
          <legend>{t('admin.queues.form.serviceLevel')}</legend>
          <div className="user-form__pair">
            {number('slPercent', t('admin.queues.form.slPercent'), 'serviceLevel', { min: 0, max: 100 })}
            {number('slSeconds', t('admin.queues.form.slSeconds'), 'serviceLevel', { min: 1 })}
          </div>
          {message('serviceLevel')}
        </fieldset>

        <fieldset>
          <legend>{t('admin.queues.form.overflow')}</legend>
          <div className="user-form__pair">
            {numberWithError('maxWaitSeconds', t('admin.queues.form.maxWait'), { min: 1 })}
            <label className="field">
              <span className="field__label">{t('admin.queues.form.overflowQueue')}</span>
              <select className="input" name="overflowQueueId" value={draft.overflowQueueId} onChange={(e) => change({ overflowQueueId: e.target.value })} {...invalid('overflowQueueId')}>
                <option value="">{t('admin.queues.form.overflowNone')}</option>
                {others.map((q) => (
                  <option key={q.queueId} value={q.queueId}>
                    {q.name}
                  </option>
                ))}
              </select>
              {message('overflowQueueId')}
            </label>
          </div>
        </fieldset>

        <div className="user-form__pair">
          {numberWithError('offerTimeoutSeconds', t('admin.queues.form.offerTimeout'), { min: 1 })}
          {numberWithError('afterContactWorkSeconds', t('admin.queues.form.wrapUpSeconds'), { min: 0 })}
        </div>
        <label className="user-form__check">
          <input type="checkbox" name="topicsRequired" checked={draft.topicsRequired} onChange={(e) => change({ topicsRequired: e.target.checked })} />
          {t('admin.queues.form.topicsRequired')}
        </label>

        <fieldset>
          <legend>{t('admin.queues.form.skills')}</legend>
          {draft.skills.length === 0 && <p className="muted">{t('admin.queues.form.noSkills')}</p>}
          {draft.skills.map((skill, i) => {
            const set = (patch: Partial<typeof skill>) => change({ skills: draft.skills.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
            return (
              <div key={i} className="queue-skill">
                <label className="field">
                  <span className="field__label">{t('admin.queues.form.channel')}</span>
                  <select className="input" name={`skill-channel-${i}`} value={skill.channel} onChange={(e) => set({ channel: e.target.value as typeof skill.channel })}>
                    {CHANNEL_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`channel.${kind}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span className="field__label">{t('admin.queues.form.skill')}</span>
                  <input className="input" name={`skill-${i}`} maxLength={64} value={skill.skill} onChange={(e) => set({ skill: e.target.value })} {...invalid(`skills.${i}`)} />
                </label>
                <label className="field">
                  <span className="field__label">{t('admin.queues.form.level')}</span>
                  <input className="input" name={`skill-level-${i}`} type="number" inputMode="numeric" min={1} max={10} value={skill.level} onChange={(e) => set({ level: e.target.value })} {...invalid(`skills.${i}`)} />
                </label>
                <button type="button" className="icon-button" aria-label={t('admin.queues.form.removeSkill', { name: skill.skill || String(i + 1) })} onClick={() => change({ skills: draft.skills.filter((_, j) => j !== i) })}>
                  <CloseIcon size={18} />
                </button>
                {message(`skills.${i}`)}
              </div>
            );
          })}
          <div>
            <button type="button" className="button button--subtle" onClick={() => change({ skills: [...draft.skills, { channel: 'voice', skill: '', level: '5' }] })}>
              {t('admin.queues.form.addSkill')}
            </button>
          </div>
        </fieldset>

        <HoursFieldset draft={draft} errors={errors} change={change} />

        <div className="modal__footer">
          <button type="button" className="button button--subtle" onClick={onClose}>
            {t('admin.queues.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {t(busy ? 'admin.queues.form.saving' : queue ? 'admin.queues.form.save' : 'admin.queues.form.create.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
