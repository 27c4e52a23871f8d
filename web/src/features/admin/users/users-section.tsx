import { useCallback, useEffect, useMemo, useState } from 'react';
import type { UserAdminView } from '@cc/shared/users/model';
import { EmptyState, LoadFailed } from '../../../components/empty-state.tsx';
import { ListIcon } from '../../../components/icons.tsx';
import { useToast } from '../../../components/toast.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { INTL_LOCALE } from '../../../i18n/messages.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi, useSession } from '../../auth/session.tsx';
import { useQueues } from '../../queues/use-queues.ts';
import { CreatedDialog } from './created-dialog.tsx';
import { Modal } from './modal.tsx';
import { UserForm } from './user-form.tsx';
import './users.css';

type Open = { kind: 'create' } | { kind: 'edit'; user: UserAdminView } | { kind: 'created'; user: UserAdminView; temporaryPassword?: string } | { kind: 'disable'; user: UserAdminView };

/** Administration › Users: every console user with roles and status; create, edit, disable (after a confirmation). */
export function UsersSection() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { session } = useSession();
  const notify = useToast();
  const { queues } = useQueues();
  const [users, setUsers] = useState<UserAdminView[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<Open | undefined>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    setFailed(false);
    api.listUsers().then(setUsers, () => setFailed(true));
  }, [api]);
  useEffect(load, [load]);

  const queueNames = useMemo(() => new Map((queues ?? []).map((q) => [q.queueId, q.name])), [queues]);
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(INTL_LOCALE[locale]);
    const rank = (u: UserAdminView) => (u.status === 'disabled' ? 1 : 0);
    return [...(users ?? [])].sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name));
  }, [users, locale]);

  const saved = (user: UserAdminView & { temporaryPassword?: string }, created: boolean) => {
    const { temporaryPassword, ...view } = user;
    setUsers((list) => [...(list ?? []).filter((u) => u.userId !== view.userId), view]);
    if (created) setOpen({ kind: 'created', user: view, temporaryPassword });
    else {
      setOpen(undefined);
      notify(t('admin.users.saved.toast', { name: view.name }), 'info');
    }
  };

  const disable = async (user: UserAdminView) => {
    setBusy(true);
    try {
      const done = await api.disableUser(user.userId);
      setUsers((list) => (list ?? []).map((u) => (u.userId === done.userId ? done : u)));
      notify(t('admin.users.disabled.toast', { name: done.name }), 'info');
      setOpen(undefined);
    } catch {
      notify(t('admin.users.error.save'), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card--flush" aria-labelledby="users-title">
      <div className="card__header card__header--padded">
        <div>
          <h2 id="users-title" className="card__title">
            {t('admin.users.title')}
          </h2>
          <p className="card__hint">{t('admin.users.hint')}</p>
        </div>
        {users && <span className="count-badge">{formatNumber(users.length, locale)}</span>}
        <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'create' })} disabled={!queues}>
          {t('admin.users.add')}
        </button>
      </div>
      {failed ? (
        <LoadFailed onRetry={load} />
      ) : !users ? (
        <div className="skeleton-list" aria-busy="true" aria-label={t('app.loading')}>
          <div className="skeleton" />
          <div className="skeleton" />
        </div>
      ) : sorted.length === 0 ? (
        <EmptyState icon={<ListIcon size={28} />} title={t('admin.users.empty')} />
      ) : (
        <table className="data-table users-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.users.col.user')}</th>
              <th scope="col">{t('admin.users.col.roles')}</th>
              <th scope="col">{t('admin.users.col.status')}</th>
              <th scope="col" className="hide-narrow">
                {t('admin.users.col.queues')}
              </th>
              <th scope="col" className="num">
                <span className="visually-hidden">{t('admin.users.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((user) => {
              const self = user.userId === session?.user.userId;
              return (
                <tr key={user.userId} className="user-row" data-login={user.login}>
                  <th scope="row">
                    {user.name}
                    {self && <span className="muted"> ({t('admin.users.you')})</span>}
                    <span className="user-row__login">{user.login}</span>
                  </th>
                  <td>{user.roles.map((role) => t(`admin.users.role.${role}`)).join(', ')}</td>
                  <td>
                    <span className="user-status" data-status={user.status}>
                      {t(`admin.users.status.${user.status}`)}
                    </span>
                  </td>
                  <td className="hide-narrow">{user.agent ? user.agent.queueIds.map((id) => queueNames.get(id) ?? id).join(', ') : t('common.none')}</td>
                  <td>
                    {user.status !== 'disabled' && (
                      <div className="user-row__actions">
                        <button type="button" className="button button--subtle" onClick={() => setOpen({ kind: 'edit', user })} aria-label={`${t('admin.users.edit')}: ${user.name}`}>
                          {t('admin.users.edit')}
                        </button>
                        {!self && (
                          <button type="button" className="button button--danger" onClick={() => setOpen({ kind: 'disable', user })} aria-label={`${t('admin.users.disable')}: ${user.name}`}>
                            {t('admin.users.disable')}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {queues && (open?.kind === 'create' || open?.kind === 'edit') && (
        <UserForm queues={queues} user={open.kind === 'edit' ? open.user : undefined} onSaved={(user) => saved(user, open.kind === 'create')} onClose={() => setOpen(undefined)} />
      )}
      {open?.kind === 'created' && <CreatedDialog user={open.user} temporaryPassword={open.temporaryPassword} onClose={() => setOpen(undefined)} />}
      {open?.kind === 'disable' && (
        <Modal titleId="user-disable-title" title={t('admin.users.disable.title')} onClose={() => setOpen(undefined)}>
          <p>{t('admin.users.disable.text', { name: open.user.name })}</p>
          <div className="modal__footer">
            <button type="button" className="button button--subtle" onClick={() => setOpen(undefined)} autoFocus>
              {t('admin.users.cancel')}
            </button>
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void disable(open.user)}>
              {t('admin.users.disable.confirm')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
