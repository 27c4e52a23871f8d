import { useCallback, useState } from 'react';
import { isVoiceKind } from '@cc/shared/channels/catalog';
import type { Contact } from '@cc/shared/contacts/model';
import type { Transfer } from '@cc/shared/contacts/requests';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { ChannelIcon } from '../../components/channel-icon.tsx';
import { ArrowLeftIcon, ShareIcon, TransferIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/toast.tsx';
import { formatClock, formatPhone } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { Conversation, type ComposerInsertion } from './conversation.tsx';
import { ScriptPanel } from '../scripts/script-panel.tsx';
import { ShareContactDialog } from '../team-chat/share-contact-dialog.tsx';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { secondsSince } from './countdown.ts';
import { CustomerPanel } from './customer-panel.tsx';
import { customerLabel, useCustomer } from './customers.tsx';
import { SupervisionNotice } from './supervision-notice.tsx';
import { TransferDialog } from './transfer-dialog.tsx';
import { VoicePanel } from './voice-panel.tsx';
import { TranscriptPanel } from './transcript-panel.tsx';
import { WrapUpForm } from './wrap-up/wrap-up-form.tsx';
import type { WrapUpInput } from '@cc/shared/wrap-up/values';

type Tab = 'chat' | 'script' | 'customer';

/**
 * One accepted contact: who and where from, the conversation (or the call card), the customer 360°
 * beside it (a tab on narrow screens), and its actions: transfer and end while connected, the
 * wrap-up countdown and "finish wrap-up" after.
 */
export function ContactPane({
  contact,
  queues,
  selfId,
  now,
  onBack,
  onEnd,
  onComplete,
  onTransfer,
  onHold,
}: {
  contact: Contact;
  queues: Map<string, TenantQueue>;
  selfId: string;
  now: number;
  onBack(): void;
  onEnd(): Promise<unknown>;
  onComplete(wrapUp: WrapUpInput): Promise<unknown>;
  onTransfer(target: Transfer): Promise<Contact | undefined>;
  onHold(onHold: boolean): Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const notify = useToast();
  const { entry } = useCustomer(contact.customerId);
  const profile = entry?.state === 'ready' ? entry.profile : undefined;
  const [tab, setTab] = useState<Tab>('chat');
  const [busy, setBusy] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [insertion, setInsertion] = useState<ComposerInsertion | undefined>();
  const [customerTexts, setCustomerTexts] = useState<readonly string[]>([]);
  const onMessages = useCallback((messages: readonly StoredMessage[]) => setCustomerTexts(messages.filter((m) => m.direction === 'inbound' && m.text).map((m) => m.text!)), []);
  const queue = queues.get(contact.queueId);
  const voice = isVoiceKind(contact.channel);
  const wrapping = contact.status === 'after-contact-work';
  const name = customerLabel(contact, profile, locale, t);
  const subtitle = [t(`channel.${contact.channel}`), queue?.name ?? contact.queueId, profile?.customer.username && `@${profile.customer.username.replace(/^@/, '')}`, !voice && profile?.customer.phone && formatPhone(profile.customer.phone, locale)]
    .filter(Boolean)
    .join(' · ');

  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    void action().finally(() => setBusy(false));
  };

  return (
    <article className="pane" data-tab={tab} data-contact-id={contact.contactId} data-status={contact.status} aria-labelledby="pane-title">
      <header className="pane__header">
        <button type="button" className="icon-button pane__back" onClick={onBack} aria-label={t('workspace.back')}>
          <ArrowLeftIcon />
        </button>
        <ChannelIcon channel={contact.channel} size={40} />
        <div className="pane__who">
          <h2 id="pane-title" className="pane__name">
            {name}
          </h2>
          <p className="pane__meta">{subtitle}</p>
        </div>
        <div className="pane__actions">
          <button type="button" className="icon-button" onClick={() => setSharing(true)} aria-label={t('team.share.buttonHint')} title={t('team.share.buttonHint')} data-testid="share-contact">
            <ShareIcon size={18} />
          </button>
          {!wrapping && !voice && (
            <span className="pane__timer tabular" title={t('contactStatus.connected')}>
              {formatClock(secondsSince(contact.connectedAt ?? contact.statusSince, now))}
            </span>
          )}
          {contact.status === 'connected' && !voice && (
            <>
              <button type="button" className="button button--subtle" disabled={busy} onClick={() => setTransferring(true)}>
                <TransferIcon size={18} />
                {t('conversation.transfer')}
              </button>
              <button type="button" className="button button--danger" disabled={busy} onClick={() => run(onEnd)}>
                {t('conversation.end')}
              </button>
            </>
          )}
        </div>
      </header>

      {voice && <SupervisionNotice contact={contact} />}
      {wrapping && <WrapUpForm key={contact.contactId} contact={contact} queue={queue} now={now} onComplete={onComplete} />}

      <div className="pane__tabs segmented segmented--tabs" role="tablist" aria-label={name}>
        {(['chat', 'script', 'customer'] as const).map((option) => (
          <button key={option} type="button" role="tab" className="segmented__option" aria-selected={tab === option} aria-pressed={tab === option} onClick={() => setTab(option)}>
            {t(option === 'customer' ? 'workspace.tab.customer' : option === 'script' ? 'workspace.tab.script' : voice ? 'workspace.tab.call' : 'workspace.tab.chat')}
          </button>
        ))}
      </div>

      <div className="pane__body">
        <div className="pane__main">
          {voice ? (
            <>
              <VoicePanel contact={contact} profile={profile} selfId={selfId} now={now} onHold={onHold} onTransfer={() => setTransferring(true)} onHangUp={onEnd} />
              {contact.channel === 'voice' && <TranscriptPanel key={contact.contactId} contactId={contact.contactId} />}
            </>
          ) : (
            <Conversation key={contact.contactId} contact={contact} canReply={contact.status === 'connected' || wrapping} onSendAndClose={contact.status === 'connected' ? onEnd : undefined} insertion={insertion} onMessages={onMessages} />
          )}
        </div>
        <aside className="pane__side" aria-label={t('customer.title')}>
          <div className="pane__script">
            <ScriptPanel
              key={contact.contactId}
              contact={contact}
              customerTexts={customerTexts}
              onInsert={!voice && (contact.status === 'connected' || wrapping) ? (text) => { setInsertion({ text, nonce: Date.now() }); setTab('chat'); } : undefined}
            />
          </div>
          <div className="pane__customer">
            <CustomerPanel contact={contact} queues={queues} />
          </div>
        </aside>
      </div>

      {sharing && <ShareContactDialog contact={contact} onClose={() => setSharing(false)} />}
      {transferring && (
        <TransferDialog
          contact={contact}
          queues={[...queues.values()]}
          selfId={selfId}
          onClose={() => setTransferring(false)}
          onTransfer={async (target, label) => {
            const moved = await onTransfer(target);
            if (moved) notify(label, 'info');
            return moved !== undefined;
          }}
        />
      )}
    </article>
  );
}
