import { useEffect, useState } from 'react';
import { hasRole } from '@cc/shared/auth/values';
import { isVoiceKind } from '@cc/shared/channels/catalog';
import type { Contact } from '@cc/shared/contacts/model';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { ProblemError } from '../../api/errors.ts';
import { ChannelIcon } from '../../components/channel-icon.tsx';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { AlertIcon } from '../../components/icons.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useQueueNames } from '../queues/use-queues.ts';
import { hashFor } from '../shell/routes.ts';
import { MessageBubble } from '../workspace/message-bubble.tsx';
import { TranscriptPanel } from '../workspace/transcript-panel.tsx';
import { useTeamChat } from './team-chat-context.tsx';

type LoadState = 'loading' | 'ready' | 'failed' | 'forbidden' | 'missing';

/**
 * `#/team/contact/<id>`: a contact shared into a chat, as whoever opens the link may see it. The contact and its
 * conversation are read through the same API as everywhere else, so the server's rule decides: supervisors and the
 * agents who handled it see it, anyone else gets the 403 (and an unknown contact the 404) and is told so.
 */
export function SharedContactPage({ contactId }: { contactId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { self, names } = useTeamChat();
  const queueNames = useQueueNames();
  const [contact, setContact] = useState<Contact | undefined>();
  const [customer, setCustomer] = useState<string | undefined>();
  const [messages, setMessages] = useState<StoredMessage[]>([]);
  const [state, setState] = useState<LoadState>('loading');

  const load = () => {
    let live = true;
    setState('loading');
    api.getContact(contactId).then(
      async (loaded) => {
        const [conversation, profile] = await Promise.all([
          isVoiceKind(loaded.channel) ? Promise.resolve([]) : api.listMessages(contactId).catch(() => []),
          loaded.customerId ? api.getCustomer(loaded.customerId).catch(() => undefined) : Promise.resolve(undefined),
        ]);
        if (!live) return;
        setContact(loaded);
        setMessages(conversation);
        setCustomer(profile?.customer.name);
        setState('ready');
      },
      (error: unknown) => live && setState(error instanceof ProblemError && error.status === 403 ? 'forbidden' : error instanceof ProblemError && error.status === 404 ? 'missing' : 'failed'),
    );
    return () => { live = false; };
  };
  useEffect(load, [api, contactId]);

  return (
    <div className="team-contact" data-contact-id={contactId} data-state={state}>
      <p><a href={hashFor('team')}>{t('team.back')}</a></p>
      {state === 'loading' && <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />}
      {state === 'failed' && <LoadFailed onRetry={load} />}
      {(state === 'forbidden' || state === 'missing') && (
        <section className="card" data-testid="shared-contact-refused">
          <EmptyState icon={<AlertIcon size={28} />} title={t(state === 'forbidden' ? 'team.contactPage.forbidden' : 'team.contactPage.notFound')} />
        </section>
      )}
      {state === 'ready' && contact && (
        <>
          <header className="card team-contact__head">
            <ChannelIcon channel={contact.channel} size={40} />
            <div>
              <h2 className="team-contact__title">{customer ?? t('team.contact.noName')}</h2>
              <p className="muted">{t('team.contactPage.title')} <code>{contact.contactId}</code></p>
            </div>
            {hasRole(self.roles, 'supervisor') && <a className="button button--subtle button--small" href={`${hashFor('qa')}/contact/${encodeURIComponent(contact.contactId)}`}>{t('team.contactPage.review')}</a>}
            <dl className="team-contact__meta">
              <div><dt>{t('team.contactPage.channel')}</dt><dd>{t(`channel.${contact.channel}`)}</dd></div>
              <div><dt>{t('team.contactPage.queue')}</dt><dd>{queueNames.get(contact.queueId) ?? contact.queueId}</dd></div>
              <div><dt>{t('team.contactPage.status')}</dt><dd>{t(`contactStatus.${contact.status}`)}</dd></div>
              <div><dt>{t('team.contactPage.agent')}</dt><dd>{contact.agentId ? names.get(contact.agentId) ?? contact.agentId : t('common.none')}</dd></div>
              <div><dt>{t('team.contactPage.created')}</dt><dd>{formatDateTime(contact.createdAt, locale)}</dd></div>
            </dl>
          </header>
          <section className="card card--flush team-contact__conversation" aria-labelledby="team-contact-messages">
            <h3 id="team-contact-messages" className="card__header card__header--padded card__title">{t('team.contactPage.messages')}</h3>
            {contact.channel === 'voice' ? <TranscriptPanel contactId={contact.contactId} /> : messages.length === 0 ? (
              <p className="team-contact__none">{t('team.contactPage.noMessages')}</p>
            ) : (
              <div className="conversation__messages team-contact__messages">
                {messages.map((message) => <MessageBubble key={message.messageId} message={message} />)}
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
