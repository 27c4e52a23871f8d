import { useEffect, useMemo, useState } from 'react';
import type { Agent } from '@cc/shared/agents/model';
import { EmptyState } from '../../components/empty-state.tsx';
import { AlertIcon, ChatIcon, InboxIcon, KeyboardIcon, UsersIcon } from '../../components/icons.tsx';
import { useNow } from '../../components/use-now.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useMyAgent } from '../agent-status/my-agent.tsx';
import { useQueues } from '../queues/use-queues.ts';
import { useRealtime } from '../shell/realtime-context.tsx';
import { ContactList } from './contact-list.tsx';
import { ContactPane } from './contact-pane.tsx';
import { CustomersProvider } from './customers.tsx';
import { MyStatusCard } from './my-status-card.tsx';
import { RankCard } from '../motivation/rank-card.tsx';
import { OfferCard } from './offer-card.tsx';
import { useMyContacts } from './use-my-contacts.ts';
import { useAttentionSettings } from './attention/attention-settings.ts';
import { useAttention } from './attention/use-attention.ts';
import { stepContact } from './shortcuts/keymap.ts';
import { ShortcutsHelp } from './shortcuts/shortcuts-help.tsx';
import { useWorkspaceShortcuts } from './shortcuts/use-shortcuts.ts';

/** The agent's workspace: status, incoming offers, their contacts, and the open one with its customer. */
export function WorkspacePage() {
  const { t } = useI18n();
  const { agent } = useMyAgent();
  if (!agent) {
    return (
      <section className="card">
        <EmptyState icon={<UsersIcon size={28} />} title={t('workspace.noAgent')} hint={t('workspace.noAgentHint')} />
      </section>
    );
  }
  return (
    <CustomersProvider>
      <Desk agent={agent} />
    </CustomersProvider>
  );
}

function Desk({ agent }: { agent: Agent }) {
  const { t, locale } = useI18n();
  const now = useNow(1000);
  const { on } = useRealtime();
  const { queues: queueList } = useQueues();
  const queues = useMemo(() => new Map((queueList ?? []).map((q) => [q.queueId, q])), [queueList]);
  const queueNames = useMemo(() => new Map([...queues.values()].map((q) => [q.queueId, q.name])), [queues]);
  const contacts = useMyContacts(agent.agentId);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  /** On phones the list and the open contact take turns; this says which one shows. */
  const [view, setView] = useState<'list' | 'contact'>('list');
  const [unread, setUnread] = useState<ReadonlyMap<string, number>>(new Map());

  // The contact the agent chose while it lasts; on a desktop the first one stands in, on a phone the list shows.
  const chosen = contacts.active.find((c) => c.contactId === selectedId);
  const selected = chosen ?? contacts.active[0];
  const openId = selected?.contactId;

  // Count the customer's new messages on contacts that are not open.
  useEffect(
    () =>
      on('message.created', ({ message }) => {
        if (message.direction !== 'inbound' || !message.contactId || message.contactId === openId) return;
        const contactId = message.contactId;
        setUnread((current) => new Map(current).set(contactId, (current.get(contactId) ?? 0) + 1));
      }),
    [on, openId],
  );

  const open = (contactId: string) => {
    setSelectedId(contactId);
    setView('contact');
    setUnread((current) => {
      if (!current.has(contactId)) return current;
      const next = new Map(current);
      next.delete(contactId);
      return next;
    });
  };

  const offerCount = contacts.offers.length;
  const attention = useAttentionSettings();
  useAttention(contacts.offers, unread, attention, `${t('nav.workspace')} · ${t('app.name')}`);
  const [helpOpen, setHelpOpen] = useState(false);

  const acceptOffer = async (contactId: string) => {
    const accepted = await contacts.accept(contactId);
    if (accepted?.status === 'connected') open(accepted.contactId);
  };
  const activeIds = contacts.active.map((c) => c.contactId);
  const oldestOffer = contacts.offers[0]?.contact.contactId;
  useWorkspaceShortcuts({
    next: () => (activeIds.length > 0 ? open(stepContact(activeIds, openId, 1)!) : false),
    previous: () => (activeIds.length > 0 ? open(stepContact(activeIds, openId, -1)!) : false),
    accept: () => (oldestOffer ? void acceptOffer(oldestOffer) : false),
    reject: () => (oldestOffer ? void contacts.reject(oldestOffer) : false),
    focusReply: () => {
      const reply = document.querySelector<HTMLTextAreaElement>('.composer__input:not(:disabled)');
      reply?.focus();
      return Boolean(reply);
    },
    help: () => setHelpOpen(true),
  });

  // Routing puts the agent in busy or wrap-up while they hold contacts; they still take more up to capacity.
  const takingContacts = agent.status === 'available' || agent.status === 'busy' || agent.status === 'after-contact-work';
  const emptyHint = takingContacts ? t('workspace.contacts.emptyHint') : t('workspace.contacts.offHint');

  return (
    <div className="desk" data-view={chosen ? view : 'list'}>
      {helpOpen && <ShortcutsHelp settings={attention} onClose={() => setHelpOpen(false)} />}
      <div className="desk__side">
        <MyStatusCard agent={agent} now={now} queueNames={queueNames} />
        <RankCard agentId={agent.agentId} />
        {contacts.offers.length > 0 && (
          <div className="offers" aria-live="assertive">
            {contacts.offers.map((offer) => (
              <OfferCard
                key={offer.contact.contactId}
                offer={offer}
                queue={queues.get(offer.contact.queueId)}
                now={now}
                onAccept={() => acceptOffer(offer.contact.contactId)}
                onReject={() => contacts.reject(offer.contact.contactId)}
              />
            ))}
          </div>
        )}
        <section className="card card--flush contacts-card" aria-labelledby="contacts-title">
          <div className="card__header card__header--padded">
            <h2 id="contacts-title" className="card__title">
              {t('workspace.contacts')}
            </h2>
            <span className="contacts-card__tools">
              <button type="button" className="icon-button icon-button--small" aria-label={t('shortcuts.open')} title={t('shortcuts.open')} onClick={() => setHelpOpen(true)}>
                <KeyboardIcon size={18} />
              </button>
              <span className="count-badge" data-testid="contacts-count">
                {formatNumber(contacts.active.length, locale)}
              </span>
            </span>
          </div>
          {contacts.state === 'failed' ? (
            <EmptyState
              icon={<AlertIcon size={28} />}
              title={t('workspace.loadError')}
              action={
                <button type="button" className="button button--primary" onClick={contacts.reload}>
                  {t('common.retry')}
                </button>
              }
            />
          ) : contacts.active.length === 0 ? (
            <EmptyState icon={<InboxIcon size={28} />} title={t('workspace.contacts.empty')} hint={emptyHint} />
          ) : (
            <ContactList contacts={contacts.active} selectedId={selected?.contactId} queues={queues} unread={unread} now={now} onSelect={open} />
          )}
        </section>
      </div>

      <div className="desk__main">
        {selected ? (
          <ContactPane
            key={selected.contactId}
            contact={selected}
            queues={queues}
            selfId={agent.agentId}
            now={now}
            onBack={() => setView('list')}
            onEnd={() => contacts.end(selected.contactId)}
            onComplete={(wrapUp) => contacts.complete(selected.contactId, wrapUp)}
            onTransfer={(target) => contacts.transfer(selected.contactId, target)}
            onHold={(onHold) => contacts.hold(selected.contactId, onHold)}
          />
        ) : (
          <section className="card desk__placeholder">
            {contacts.active.length > 0 ? (
              <EmptyState icon={<ChatIcon size={28} />} title={t('workspace.select')} hint={t('workspace.selectHint')} />
            ) : offerCount > 0 ? (
              <EmptyState icon={<InboxIcon size={28} />} title={t('workspace.offerPending')} hint={t('workspace.offerPendingHint')} />
            ) : takingContacts ? (
              <EmptyState icon={<ChatIcon size={28} />} title={t('workspace.waiting')} hint={t('workspace.waitingHint')} />
            ) : (
              <EmptyState icon={<ChatIcon size={28} />} title={t('workspace.notReady')} hint={t('workspace.contacts.offHint')} />
            )}
          </section>
        )}
      </div>
    </div>
  );
}
