import { useCallback, useEffect, useState } from 'react';
import { ProblemError } from '../../api/errors.ts';
import type { Contact } from '@cc/shared/contacts/model';
import type { StoredMessage } from '@cc/shared/conversations/model';
import type { CustomerHistoryPage } from '@cc/shared/customers/model';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { Avatar } from '../../components/avatar.tsx';
import { ChannelIcon } from '../../components/channel-icon.tsx';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { MergeIcon, PaperclipIcon, UserIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/toast.tsx';
import { formatDate, formatPhone, formatShortDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { CallOutcome } from './call-outcome.tsx';
import { customerLabel, useCustomer } from './customers.tsx';
import { HistoryTranscript } from './history-transcript.tsx';
import { CustomerNotes, HistoryWrapUp } from './wrap-up/customer-notes.tsx';

const PAGE_SIZE = 20;

/**
 * The customer 360°: who they are (name, username, phone, channels), who may be the same person (merge),
 * their contacts on every channel and their messages across channels, newest first, a page at a time.
 */
export function CustomerPanel({ contact, queues }: { contact: Contact; queues: Map<string, TenantQueue> }) {
  const { t } = useI18n();
  if (!contact.customerId) {
    return (
      <div className="customer-panel">
        <EmptyState icon={<UserIcon size={28} />} title={t('customer.none')} hint={t('customer.noneHint')} />
      </div>
    );
  }
  return <CustomerDetails key={contact.customerId} customerId={contact.customerId} contact={contact} queues={queues} />;
}

function CustomerDetails({ customerId, contact, queues }: { customerId: string; contact: Contact; queues: Map<string, TenantQueue> }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const notify = useToast();
  const { entry, reload, put } = useCustomer(customerId);
  const [merging, setMerging] = useState<string | undefined>();
  const profile = entry?.state === 'ready' ? entry.profile : undefined;

  if (entry?.state === 'failed') {
    return (
      <div className="customer-panel">
        <LoadFailed onRetry={reload} />
      </div>
    );
  }
  if (!profile) {
    return (
      <div className="customer-panel" aria-busy="true">
        <div className="skeleton" />
        <div className="skeleton" />
      </div>
    );
  }

  const { customer, linked, mergeSuggestions } = profile;
  const members = [customer, ...linked];
  /** The web chat's forms give an e-mail; a linked customer's counts too. */
  const emails = [...new Set(members.flatMap((m) => (m.email ? [m.email] : [])))];
  const name = customerLabel(contact, profile, locale, t);
  const merge = (otherId: string) => {
    setMerging(otherId);
    api.mergeCustomer(customerId, otherId).then(
      (merged) => {
        put(merged);
        notify(t('customer.merge.done'), 'info');
      },
      (error: unknown) => !(error instanceof ProblemError && error.status === 401) && notify(t('customer.merge.error')),
    ).finally(() => setMerging(undefined));
  };

  return (
    <div className="customer-panel" data-testid="customer-panel">
      <div className="customer-card">
        <Avatar name={name} seed={customer.customerId} size={48} />
        <div className="customer-card__who">
          <p className="customer-card__name">{name}</p>
          <p className="customer-card__since muted">{t('customer.since', { date: formatDate(customer.createdAt, locale) })}</p>
        </div>
      </div>
      <dl className="facts facts--compact">
        {customer.username && (
          <div className="facts__row">
            <dt>{t('customer.username')}</dt>
            <dd>@{customer.username.replace(/^@/, '')}</dd>
          </div>
        )}
        {members.some((m) => m.phone) && (
          <div className="facts__row">
            <dt>{t('customer.phone')}</dt>
            <dd className="tabular" data-testid="customer-phone">
              {[...new Set(members.flatMap((m) => (m.phone ? [m.phone] : [])))].map((phone) => formatPhone(phone, locale)).join(', ')}
            </dd>
          </div>
        )}
        {emails.length > 0 && (
          <div className="facts__row">
            <dt>{t('customer.email')}</dt>
            <dd className="facts__emails" data-testid="customer-email">
              {emails.map((email) => (
                <a key={email} href={`mailto:${encodeURI(email)}`}>
                  {email}
                </a>
              ))}
            </dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{t('customer.channels')}</dt>
          <dd>
            <ul className="chips">
              {members.map((member) => (
                <li key={member.customerId} className="chip chip--channel">
                  <ChannelIcon channel={member.channel} size={18} decorative />
                  {t(`channel.${member.channel}`)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {customer.language && (
          <div className="facts__row">
            <dt>{t('customer.language')}</dt>
            <dd>{languageName(customer.language, locale)}</dd>
          </div>
        )}
      </dl>

      {mergeSuggestions.length > 0 && (
        <section className="merge-box" aria-label={t('customer.merge.title')}>
          <p className="merge-box__title">
            <MergeIcon size={16} />
            {t('customer.merge.title')}
          </p>
          <ul>
            {mergeSuggestions.map((suggestion) => (
              <li key={suggestion.customerId} className="merge-box__item">
                <ChannelIcon channel={suggestion.channel} size={24} />
                <span className="merge-box__text">
                  <span>{suggestion.name ?? t(`channel.${suggestion.channel}`)}</span>
                  <span className="muted">
                    {formatPhone(suggestion.phone, locale)} · {t('customer.merge.reason')}
                  </span>
                </span>
                <button type="button" className="button button--subtle button--small" disabled={merging !== undefined} onClick={() => merge(suggestion.customerId)}>
                  {t('customer.merge.action')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <CustomerNotes key={customer.version} profile={profile} onSaved={put} />
      <CustomerHistory customerId={customerId} currentContactId={contact.contactId} queues={queues} revision={members.length} />
    </div>
  );
}

/** The customer's contacts (first page) and messages across linked channels, newest first, with "show more". */
function CustomerHistory({ customerId, currentContactId, queues, revision }: { customerId: string; currentContactId: string; queues: Map<string, TenantQueue>; revision: number }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [messages, setMessages] = useState<StoredMessage[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [customerIds, setCustomerIds] = useState<readonly string[]>([customerId]);
  const { on } = useRealtime();

  const loadPage = useCallback(
    (after?: string) => {
      setState('loading');
      api.customerHistory(customerId, { limit: PAGE_SIZE, ...(after && { cursor: after }) }).then(
        (page: CustomerHistoryPage) => {
          if (!after) setContacts(page.contacts ?? []);
          setCustomerIds(page.customerIds);
          setMessages((current) => (after ? [...current, ...page.messages.filter((m) => !current.some((c) => c.messageId === m.messageId))] : page.messages));
          setCursor(page.nextCursor);
          setState('ready');
        },
        () => setState('failed'),
      );
    },
    [api, customerId],
  );
  // Reloaded when the linked group changes (a merge brings another channel's history in).
  useEffect(() => loadPage(), [loadPage, revision]);

  // New messages of this customer join the top of the history as they are pushed; changed ones are replaced.
  useEffect(() => {
    const onMessage = ({ message }: { message: StoredMessage }) => {
      if (!customerIds.includes(message.customerId)) return;
      setMessages((current) => {
        const index = current.findIndex((m) => m.messageId === message.messageId);
        if (index < 0) return [message, ...current];
        if (current[index]!.version > message.version) return current;
        const next = [...current];
        next[index] = message;
        return next;
      });
    };
    const offCreated = on('message.created', onMessage);
    const offUpdated = on('message.updated', onMessage);
    return () => {
      offCreated();
      offUpdated();
    };
  }, [on, customerIds]);

  return (
    <section className="history" aria-labelledby="history-title">
      <h3 id="history-title" className="panel-heading">
        {t('customer.contacts')}
      </h3>
      {contacts.length > 0 ? (
        <ul className="history__contacts">
          {contacts.map((c) => (
            <li key={c.contactId} className="history-contact" data-current={c.contactId === currentContactId || undefined}>
              <ChannelIcon channel={c.channel} size={24} />
              <span className="history-contact__text">
                <span>{queues.get(c.queueId)?.name ?? c.queueId}</span>
                <span className="muted tabular">{formatShortDateTime(c.createdAt, locale)}</span>
                <CallOutcome contact={c} />
                <HistoryWrapUp contact={c} />
              </span>
              <span className="contact-state" data-state={c.status}>
                {c.contactId === currentContactId ? t('customer.current') : t(`contactStatus.${c.status}`)}
              </span>
              {c.channel === 'voice' && c.contactId !== currentContactId && <HistoryTranscript contactId={c.contactId} />}
            </li>
          ))}
        </ul>
      ) : (
        state !== 'loading' && <p className="muted history__empty">{t('customer.noHistory')}</p>
      )}

      <h3 className="panel-heading">{t('customer.messages')}</h3>
      {messages.length > 0 && (
        <ul className="history__messages" data-testid="history-messages">
          {messages.map((message) => (
            <li key={message.messageId} className="history-message" data-direction={message.direction}>
              <ChannelIcon channel={message.channel} size={20} />
              <span className="history-message__body">
                <span className="history-message__text">{messagePreview(message, t)}</span>
                <span className="muted tabular history-message__time">
                  {message.direction === 'inbound' ? '←' : '→'} {formatShortDateTime(message.sentAt, locale)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {state === 'ready' && messages.length === 0 && <p className="muted history__empty">{t('customer.noHistory')}</p>}
      {state === 'failed' && (
        <p className="history__error">
          {t('common.loadError')}{' '}
          <button type="button" className="link-button" onClick={() => loadPage(messages.length ? cursor : undefined)}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {state === 'loading' && <div className="skeleton skeleton--small" aria-busy="true" />}
      {state === 'ready' && cursor && (
        <button type="button" className="button button--subtle button--block" onClick={() => loadPage(cursor)}>
          {t('customer.more')}
        </button>
      )}
    </section>
  );
}

/** One line for a message in the history: its text, else what it carries. */
function messagePreview(message: StoredMessage, t: ReturnType<typeof useI18n>['t']) {
  if (message.text) return message.text;
  const attachment = message.attachments[0];
  if (attachment)
    return (
      <>
        <PaperclipIcon size={14} /> {attachment.fileName ?? t(`attachment.${attachment.type}`)}
      </>
    );
  if (message.location) return t('message.location');
  if (message.sharedContact) return t('message.sharedContact');
  if (message.kind === 'unsupported') return t('message.unsupported', { type: message.unsupportedType ?? '?' });
  return t('message.empty');
}

/** "ru" → "русский" in Russian, "Russian" in English; the code itself when the browser cannot name it. */
function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale === 'ru' ? 'ru-RU' : 'en-US'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
