import { useState } from 'react';
import type { UserAdminView } from '@cc/shared/users/model';
import { useI18n } from '../../../i18n/provider.tsx';
import { Modal } from './modal.tsx';

/** After creating a user: the one-time password, shown this once with a copy button (in AWS, Cognito e-mailed an invitation instead). */
export function CreatedDialog({ user, temporaryPassword, onClose }: { user: UserAdminView; temporaryPassword?: string; onClose(): void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!temporaryPassword) return;
    await navigator.clipboard.writeText(temporaryPassword).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <Modal titleId="user-created-title" title={t('admin.users.created.title')} onClose={onClose}>
      <p>
        <strong>{user.name}</strong> · <span className="mono">{user.login}</span>
      </p>
      {temporaryPassword ? (
        <>
          <div className="one-time-password">
            <span className="field__label" id="one-time-password-label">
              {t('admin.users.created.password')}
            </span>
            <div className="one-time-password__row">
              <code className="one-time-password__value" aria-labelledby="one-time-password-label" data-testid="one-time-password">
                {temporaryPassword}
              </code>
              <button type="button" className="button button--subtle" onClick={() => void copy()}>
                {t(copied ? 'admin.users.created.copied' : 'admin.users.created.copy')}
              </button>
            </div>
          </div>
          <p className="muted">{t('admin.users.created.hint')}</p>
        </>
      ) : (
        <p className="muted">{t('admin.users.created.invited', { login: user.login })}</p>
      )}
      <div className="modal__footer">
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('admin.users.created.done')}
        </button>
      </div>
    </Modal>
  );
}
