import type { Contact } from '@cc/shared/contacts/model';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { ChannelIcon } from '../../components/channel-icon.tsx';
import { formatClock } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { secondsLeft, secondsSince, wrapUpDeadline } from './countdown.ts';
import { customerLabel, useCustomer } from './customers.tsx';

/** The agent's accepted contacts; the open one is marked, unread customer messages counted. */
export function ContactList({
  contacts,
  selectedId,
  queues,
  unread,
  now,
  onSelect,
}: {
  contacts: Contact[];
  selectedId: string | undefined;
  queues: Map<string, TenantQueue>;
  unread: ReadonlyMap<string, number>;
  now: number;
  onSelect(contactId: string): void;
}) {
  return (
    <ul className="contact-list">
      {contacts.map((contact) => (
        <li key={contact.contactId}>
          <ContactItem contact={contact} queue={queues.get(contact.queueId)} selected={contact.contactId === selectedId} unread={unread.get(contact.contactId) ?? 0} now={now} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}

function ContactItem({ contact, queue, selected, unread, now, onSelect }: { contact: Contact; queue: TenantQueue | undefined; selected: boolean; unread: number; now: number; onSelect(contactId: string): void }) {
  const { t, locale } = useI18n();
  const { entry } = useCustomer(contact.customerId);
  const name = customerLabel(contact, entry?.state === 'ready' ? entry.profile : undefined, locale, t);
  const wrapEnds = wrapUpDeadline(contact, queue);
  const timer = wrapEnds !== undefined ? formatClock(secondsLeft(wrapEnds, now)) : formatClock(secondsSince(contact.connectedAt ?? contact.statusSince, now));
  return (
    <button type="button" className="contact-item" aria-current={selected || undefined} data-contact-id={contact.contactId} data-status={contact.status} onClick={() => onSelect(contact.contactId)}>
      <ChannelIcon channel={contact.channel} size={36} />
      <span className="contact-item__text">
        <span className="contact-item__name">{name}</span>
        <span className="contact-item__meta">{queue?.name ?? contact.queueId}</span>
      </span>
      <span className="contact-item__side">
        <span className="contact-state" data-state={contact.status}>
          {t(`contactStatus.${contact.status}`)}
        </span>
        <span className="contact-item__timer tabular">{timer}</span>
      </span>
      {unread > 0 && (
        <span className="unread-badge" aria-label={t('workspace.unread', { count: unread })}>
          {unread}
        </span>
      )}
    </button>
  );
}
