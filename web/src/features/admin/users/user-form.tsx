import { useState, type FormEvent } from 'react';
import { ROLES } from '@cc/shared/auth/values';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { UserAdminView } from '@cc/shared/users/model';
import { USER_LIMITS } from '@cc/shared/users/values';
import { ProblemError } from '../../../api/errors.ts';
import { CloseIcon } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { Modal } from './modal.tsx';
import { checkDraft, createBody, draftOf, serverErrors, updateBody, type FieldErrors, type UserDraft } from './user-draft.ts';

/** Creates a user or edits one: login (new users only), name, roles and, for agents, skills, queues and capacity. */
export function UserForm({ queues, user, onSaved, onClose }: { queues: TenantQueue[]; user?: UserAdminView; onSaved(saved: UserAdminView & { temporaryPassword?: string }): void; onClose(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const mode = user ? 'edit' : 'create';
  const [draft, setDraft] = useState<UserDraft>(() => draftOf(queues, user));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<UserDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const isAgent = draft.roles.includes('agent');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkDraft(draft, mode);
    if (Object.keys(found).length > 0) return setErrors({ ...found, form: 'admin.users.form.fix' });
    setErrors({});
    setBusy(true);
    try {
      onSaved(user ? await api.updateUser(user.userId, updateBody(draft)) : await api.createUser(createBody(draft)));
    } catch (error) {
      setErrors(error instanceof ProblemError ? serverErrors(error) : { form: 'admin.users.error.save' });
      setBusy(false);
    }
  }

  const error = (field: string) => {
    const key = errors[field];
    return key ? (
      <span className="field__error" id={`user-error-${field.replace(/\./g, '-')}`}>
        {t(key)}
      </span>
    ) : null;
  };
  const described = (field: string) => ({ 'aria-describedby': errors[field] ? `user-error-${field.replace(/\./g, '-')}` : undefined });
  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `user-error-${field.replace(/\./g, '-')}` } : {});

  return (
    <Modal wide titleId="user-form-title" title={t(user ? 'admin.users.form.edit' : 'admin.users.form.create')} onClose={onClose}>
      <form className="user-form" onSubmit={submit} noValidate>
        {errors.form && (
          <p className="alert alert--error" role="alert">
            {t(errors.form)}
          </p>
        )}
        <label className="field">
          <span className="field__label">{t('admin.users.form.login')}</span>
          <input className="input" name="login" type="email" autoComplete="off" spellCheck={false} value={draft.login} readOnly={Boolean(user)} onChange={(e) => change({ login: e.target.value })} {...invalid('login')} autoFocus={!user} />
          {user && <span className="muted">{t('admin.users.form.loginFixed')}</span>}
          {error('login')}
        </label>
        <label className="field">
          <span className="field__label">{t('admin.users.form.name')}</span>
          <input className="input" name="name" autoComplete="off" maxLength={USER_LIMITS.nameMax} value={draft.name} onChange={(e) => change({ name: e.target.value })} {...invalid('name')} autoFocus={Boolean(user)} />
          {error('name')}
        </label>
        <fieldset {...described('roles')}>
          <legend>{t('admin.users.form.roles')}</legend>
          <div className="user-form__checks">
            {ROLES.map((role) => (
              <label key={role} className="user-form__check">
                <input type="checkbox" name="roles" value={role} checked={draft.roles.includes(role)} onChange={(e) => change({ roles: e.target.checked ? ROLES.filter((r) => r === role || draft.roles.includes(r)) : draft.roles.filter((r) => r !== role) })} />
                {t(`admin.users.role.${role}`)}
              </label>
            ))}
          </div>
          {error('roles')}
        </fieldset>

        {isAgent && (
          <>
            <fieldset {...described('agent.queues')}>
              <legend>{t('admin.users.form.queues')}</legend>
              {draft.queues.length === 0 && <p className="muted">{t('admin.users.form.noQueues')}</p>}
              {draft.queues.map((queue, i) => {
                const set = (patch: Partial<typeof queue>) => change({ queues: draft.queues.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
                return (
                  <div key={queue.queueId} className="user-form__queue">
                    <label className="user-form__check">
                      <input type="checkbox" name="queues" value={queue.queueId} checked={queue.selected} onChange={(e) => set({ selected: e.target.checked })} />
                      {queue.name}
                    </label>
                    <label className="field">
                      <span className="field__label">{t('admin.users.form.priority')}</span>
                      <input className="input" type="number" inputMode="numeric" min={USER_LIMITS.priorityMin} max={USER_LIMITS.priorityMax} disabled={!queue.selected} value={queue.priority} onChange={(e) => set({ priority: e.target.value })} />
                    </label>
                    <label className="field">
                      <span className="field__label">{t('admin.users.form.delay')}</span>
                      <input className="input" type="number" inputMode="numeric" min={0} max={USER_LIMITS.delayMaxSeconds} disabled={!queue.selected} value={queue.delaySeconds} onChange={(e) => set({ delaySeconds: e.target.value })} />
                    </label>
                  </div>
                );
              })}
              {error('agent.queues')}
            </fieldset>

            <fieldset>
              <legend>{t('admin.users.form.skills')}</legend>
              {draft.skills.length === 0 && <p className="muted">{t('admin.users.form.noSkills')}</p>}
              {draft.skills.map((skill, i) => {
                const set = (patch: Partial<typeof skill>) => change({ skills: draft.skills.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
                return (
                  <div key={i} className="user-form__row">
                    <label className="field">
                      <span className="field__label">{t('admin.users.form.skill')}</span>
                      <input className="input" name={`skill-${i}`} value={skill.skill} maxLength={64} onChange={(e) => set({ skill: e.target.value })} {...invalid(`agent.skills.${i}`)} />
                    </label>
                    <label className="field">
                      <span className="field__label">{t('admin.users.form.level')}</span>
                      <input className="input" name={`skill-level-${i}`} type="number" inputMode="numeric" min={USER_LIMITS.skillLevelMin} max={USER_LIMITS.skillLevelMax} value={skill.level} onChange={(e) => set({ level: e.target.value })} />
                    </label>
                    <button type="button" className="icon-button" aria-label={t('admin.users.form.removeSkill', { name: skill.skill || String(i + 1) })} onClick={() => change({ skills: draft.skills.filter((_, j) => j !== i) })}>
                      <CloseIcon size={18} />
                    </button>
                    {error(`agent.skills.${i}`)}
                  </div>
                );
              })}
              {draft.skills.length < USER_LIMITS.skillsMax && (
                <div>
                  <button type="button" className="button button--subtle" onClick={() => change({ skills: [...draft.skills, { skill: '', level: '5' }] })}>
                    {t('admin.users.form.addSkill')}
                  </button>
                </div>
              )}
            </fieldset>

            <fieldset {...described('agent.capacity')}>
              <legend>{t('admin.users.form.capacity')}</legend>
              <div className="user-form__pair">
                <label className="field">
                  <span className="field__label">{t('admin.users.form.voice')}</span>
                  <input className="input" name="capacity-voice" type="number" inputMode="numeric" min={0} max={USER_LIMITS.voiceCapacityMax} value={draft.voice} onChange={(e) => change({ voice: e.target.value })} />
                </label>
                <label className="field">
                  <span className="field__label">{t('admin.users.form.chat')}</span>
                  <input className="input" name="capacity-chat" type="number" inputMode="numeric" min={0} max={USER_LIMITS.chatCapacityMax} value={draft.chat} onChange={(e) => change({ chat: e.target.value })} />
                </label>
              </div>
              {error('agent.capacity')}
            </fieldset>
          </>
        )}

        <div className="modal__footer">
          <button type="button" className="button button--subtle" onClick={onClose}>
            {t('admin.users.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {t(busy ? 'admin.users.form.saving' : user ? 'admin.users.form.save' : 'admin.users.form.create.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
