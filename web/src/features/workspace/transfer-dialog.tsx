import { useEffect, useMemo, useRef, useState } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import type { Transfer } from '@cc/shared/contacts/requests';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { DirectoryAgent } from '../../api/types.ts';
import { Avatar } from '../../components/avatar.tsx';
import { CloseIcon, SearchIcon } from '../../components/icons.tsx';
import { StatusPill } from '../../components/status-pill.tsx';
import { INTL_LOCALE } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';

type Mode = 'queue' | 'agent';

/**
 * Transfers a contact to another queue or to a named colleague (in the same queue). A modal
 * `<dialog>`: focus stays inside, Escape closes it.
 */
export function TransferDialog({
  contact,
  queues,
  selfId,
  onTransfer,
  onClose,
}: {
  contact: Contact;
  queues: TenantQueue[];
  selfId: string;
  onTransfer(target: Transfer, label: string): Promise<boolean>;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<Mode>('queue');
  const [queueId, setQueueId] = useState<string | undefined>(() => queues.find((q) => q.queueId !== contact.queueId)?.queueId);
  const [agentId, setAgentId] = useState<string | undefined>();
  const [agents, setAgents] = useState<DirectoryAgent[] | undefined>();
  const [agentsFailed, setAgentsFailed] = useState(false);
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  useEffect(() => {
    if (mode !== 'agent' || agents) return;
    api.agentDirectory().then(setAgents, () => setAgentsFailed(true));
  }, [mode, agents, api]);

  const collator = useMemo(() => new Intl.Collator(INTL_LOCALE[locale]), [locale]);
  const colleagues = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    const rank = (a: DirectoryAgent) => (a.status === 'available' ? 0 : a.status === 'offline' ? 2 : 1);
    return (agents ?? [])
      .filter((a) => a.agentId !== selfId && (!needle || a.name.toLocaleLowerCase().includes(needle)))
      .sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name));
  }, [agents, search, selfId, collator]);
  const sortedQueues = useMemo(() => [...queues].sort((a, b) => b.priority - a.priority || collator.compare(a.name, b.name)), [queues, collator]);

  const target: { target: Transfer; label: string } | undefined =
    mode === 'queue'
      ? queueId && queueId !== contact.queueId
        ? { target: { queueId }, label: t('transfer.done.queue', { name: queues.find((q) => q.queueId === queueId)?.name ?? queueId }) }
        : undefined
      : agentId
        ? { target: { agentId }, label: t('transfer.done.agent', { name: agents?.find((a) => a.agentId === agentId)?.name ?? agentId }) }
        : undefined;

  const submit = async () => {
    if (!target) return;
    setBusy(true);
    const done = await onTransfer(target.target, target.label);
    setBusy(false);
    if (done) onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="modal"
      aria-labelledby="transfer-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => event.target === dialog.current && onClose()}
    >
      <form
        className="modal__body"
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <header className="modal__header">
          <h2 id="transfer-title" className="modal__title">
            {t('transfer.title')}
          </h2>
          <button type="button" className="icon-button icon-button--small" onClick={onClose} aria-label={t('common.close')}>
            <CloseIcon size={18} />
          </button>
        </header>

        <div className="segmented segmented--tabs" role="tablist" aria-label={t('transfer.title')}>
          {(['queue', 'agent'] as const).map((option) => (
            <button key={option} type="button" role="tab" className="segmented__option" aria-selected={mode === option} aria-pressed={mode === option} onClick={() => setMode(option)}>
              {t(option === 'queue' ? 'transfer.toQueue' : 'transfer.toAgent')}
            </button>
          ))}
        </div>

        {mode === 'queue' ? (
          <fieldset className="choice-list" aria-label={t('transfer.toQueue')}>
            {sortedQueues.map((queue) => {
              const current = queue.queueId === contact.queueId;
              return (
                <label key={queue.queueId} className="choice" data-disabled={current || undefined}>
                  <input type="radio" name="queue" value={queue.queueId} disabled={current} checked={queueId === queue.queueId} onChange={() => setQueueId(queue.queueId)} />
                  <span className="choice__text">{queue.name}</span>
                  {current && <span className="muted choice__note">{t('transfer.current')}</span>}
                </label>
              );
            })}
          </fieldset>
        ) : (
          <div className="choice-list">
            <label className="search search--full">
              <SearchIcon size={18} />
              <input className="search__input" type="search" placeholder={t('transfer.search')} aria-label={t('transfer.search')} value={search} onChange={(event) => setSearch(event.target.value)} />
            </label>
            {agentsFailed && <p className="alert alert--error">{t('common.loadError')}</p>}
            {!agents && !agentsFailed && <div className="skeleton skeleton--small" aria-busy="true" />}
            {agents && colleagues.length === 0 && <p className="muted">{t('transfer.noAgents')}</p>}
            <fieldset className="choice-list__scroll" aria-label={t('transfer.toAgent')}>
              {colleagues.map((agent) => (
                <label key={agent.agentId} className="choice">
                  <input type="radio" name="agent" value={agent.agentId} checked={agentId === agent.agentId} onChange={() => setAgentId(agent.agentId)} />
                  <Avatar name={agent.name} seed={agent.agentId} size={28} />
                  <span className="choice__text">{agent.name}</span>
                  <StatusPill status={agent.status} reason={agent.breakReason} />
                </label>
              ))}
            </fieldset>
          </div>
        )}

        <footer className="modal__footer">
          <button type="button" className="button button--subtle" onClick={onClose}>
            {t('transfer.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!target || busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {t('transfer.submit')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
