/**
 * A scripted day of the demo tenant (test-only): eight contacts and two agents, every version of each stored as
 * the stream would carry it. Times are UTC on 2026-12-02; the tenant is in Moscow (UTC+3). The expected figures
 * in `day.test.ts` are worked out by hand from this script.
 */
import type { Agent } from '../agents/model.ts';
import type { Contact } from '../contacts/model.ts';
import { ENDED_BY_SUPERVISOR } from '../contacts/values.ts';
import { moveContact } from '../contacts/move-contact.ts';
import type { ChannelKind } from '../channels/catalog.ts';
import type { ContactStatus } from '../routing/values.ts';
import type { TransitionOptions } from '../routing/lifecycle.ts';
import type { ChatMessage } from './chat-events.ts';
import type { ContactFacts } from './contact-events.ts';

export const TIME_ZONE = 'Europe/Moscow';
export const DAY = '2026-12-02';
const t = (time: string) => `${DAY}T${time}.000Z`;

/** One stored change, as the stream delivers it. */
export type ContactRecord = { kind: 'contact'; before: Contact | undefined; after: Contact; facts: ContactFacts };
export type AgentRecord = { kind: 'agent'; before: Agent | undefined; after: Agent };
export type DayRecord = ContactRecord | AgentRecord;

const THRESHOLDS: Record<string, number> = { support: 20, sales: 30 };
/** Sales opens 09:00–18:00 Moscow time (06:00–15:00 UTC); support is open around the clock. */
const isOpen = (queueId: string, at: Date) => queueId !== 'sales' || (at.getUTCHours() >= 6 && at.getUTCHours() < 15);

class ContactScript {
  readonly versions: Contact[] = [];
  constructor(contactId: string, channel: ChannelKind, queueId: string, at: string) {
    const created = t(at);
    this.versions.push({
      tenantId: 'romashka', contactId, queueId, channel, status: 'queued', enqueuedAt: created, statusSince: created, priority: 0, requiredSkills: [], excludedAgentIds: [],
      customerId: `cust-${contactId}`, createdAt: created, history: [{ contactId, from: 'new', to: 'queued', at: created, reason: `created (${channel})` }], version: 0,
    });
  }
  get last(): Contact {
    return this.versions[this.versions.length - 1]!;
  }
  move(...moves: [ContactStatus, string, Omit<TransitionOptions, 'at'>?][]): this {
    this.versions.push(moveContact(this.last, moves.map(([to, at, options]) => [to, { at: new Date(t(at)), ...options }])));
    return this;
  }
  /** A field change without a transition (survey, hold, dial attempt), one version more. */
  patch(fields: Partial<Contact>): this {
    this.versions.push({ ...this.last, ...fields, version: this.last.version + 1 });
    return this;
  }
}

function messages(list: [ChatMessage['direction'], string, string?][]): ChatMessage[] {
  return list.map(([direction, at, authorId]) => ({ direction, sentAt: t(at), ...(authorId && { authorId }) }));
}

function script() {
  const c1 = new ContactScript('c1', 'telegram', 'support', '07:00:00')
    .move(['offered', '07:00:05', { agentId: 'anna' }]).move(['connected', '07:00:10'])
    .move(['after-contact-work', '07:05:10'])
    .patch({ wrapUp: { topics: [{ topicId: 'billing', name: 'Оплата' }], agentId: 'anna', completedAt: t('07:06:10') } })
    .move(['closed', '07:06:10'])
    .patch({ surveyRequest: { sentAt: t('07:06:11'), via: 'messenger', nps: true, expiresAt: t('23:06:11') } });
  const c2 = new ContactScript('c2', 'voice', 'support', '07:10:00')
    .move(['offered', '07:10:30', { agentId: 'boris' }]).move(['missed', '07:10:45'], ['queued', '07:10:45'])
    .move(['offered', '07:11:00', { agentId: 'anna' }]).move(['connected', '07:11:05'])
    .patch({ hold: { totalSeconds: 30, count: 2 }, supervision: [{ userId: 'irina', name: 'Ирина', role: 'listen', since: t('07:12:00'), until: t('07:13:00') }] })
    .move(['closed', '07:16:05'])
    .patch({ surveyRequest: { sentAt: t('07:16:05'), via: 'keypad', nps: true } })
    .patch({ survey: { score: 5, answeredAt: t('07:16:30'), via: 'keypad' } })
    .patch({ survey: { score: 5, nps: 9, answeredAt: t('07:16:30'), npsAnsweredAt: t('07:16:40'), via: 'keypad' } });
  const c3 = new ContactScript('c3', 'voice', 'support', '07:20:00').move(['abandoned', '07:20:05', { reason: 'caller hung up while waiting' }]);
  const c4 = new ContactScript('c4', 'webchat', 'sales', '05:00:00').move(['abandoned', '06:10:00', { reason: 'the visitor closed the chat' }]);
  const c5 = new ContactScript('c5', 'voice', 'support', '07:30:00').move(['abandoned', '07:31:00', { reason: ENDED_BY_SUPERVISOR }]);
  const c6 = new ContactScript('c6', 'whatsapp', 'sales', '07:40:00')
    .move(['offered', '07:40:10', { agentId: 'anna' }]).move(['connected', '07:40:20'])
    .move(['transferred', '07:45:20'], ['queued', '07:45:20', { queueId: 'support' }])
    .move(['offered', '07:45:30', { agentId: 'boris' }]).move(['connected', '07:45:50'])
    .move(['after-contact-work', '07:50:50']).move(['closed', '07:51:50']);
  const c7 = new ContactScript('c7', 'callback', 'support', '08:00:00')
    .move(['offered', '08:00:10', { agentId: 'anna' }]).move(['connected', '08:00:20'])
    .patch({ dialAttempts: [{ at: t('08:00:21'), result: 'answered' }] })
    .move(['after-contact-work', '08:03:20']).move(['closed', '08:04:20']);
  const c8 = new ContactScript('c8', 'voice', 'support', '09:00:00');
  const chats: Record<string, ChatMessage[]> = {
    c1: messages([['inbound', '07:00:00'], ['outbound', '07:00:40', 'anna'], ['inbound', '07:01:00'], ['inbound', '07:01:30'], ['outbound', '07:01:45', 'system'], ['outbound', '07:02:00', 'anna']]),
    c6: messages([['inbound', '07:40:00'], ['outbound', '07:40:30', 'anna'], ['inbound', '07:46:00'], ['outbound', '07:46:20', 'boris']]),
  };
  const repeats: Record<string, ContactFacts['repeatOf']> = { c8: { contactId: 'c2', closedAt: t('07:16:05'), queueId: 'support', agentId: 'anna', channel: 'voice' } };
  return { contacts: [c1, c2, c3, c4, c5, c6, c7, c8], chats, repeats };
}

function agentVersions(agentId: string, steps: [Agent['status'], string, Agent['breakReason']?][]): Agent[] {
  const versions: Agent[] = [{ tenantId: 'romashka', agentId, name: agentId, status: 'offline', statusSince: t('00:00:00'), skills: [], queueIds: ['support', 'sales'], version: 0 }];
  for (const [status, at, breakReason] of steps) {
    const { breakReason: _, ...last } = versions[versions.length - 1]!;
    versions.push({ ...last, status, statusSince: t(at), ...(breakReason && { breakReason }), version: last.version + 1 });
  }
  return versions;
}

/** Every stored change of the day, in the order they happened per item (the stream's order per key). */
export function scriptedDay(): { records: DayRecord[]; openContacts: Contact[]; agents: Agent[] } {
  const { contacts, chats, repeats } = script();
  const records: DayRecord[] = [];
  for (const c of contacts) {
    c.versions.forEach((after, i) => {
      const before = c.versions[i - 1];
      const messagesOnClose = after.status === 'closed' && before?.status !== 'closed' ? chats[after.contactId] : undefined;
      const repeatOf = i === 0 ? repeats[after.contactId] : undefined;
      const facts: ContactFacts = { thresholdSeconds: (q) => THRESHOLDS[q] ?? 20, isOpen, ...(messagesOnClose && { messages: messagesOnClose }), ...(repeatOf && { repeatOf }) };
      records.push({ kind: 'contact', before, after, facts });
    });
  }
  const anna = agentVersions('anna', [['available', '06:55:00'], ['break', '09:00:00', 'lunch'], ['available', '10:00:00'], ['offline', '11:00:00']]);
  const boris = agentVersions('boris', [['available', '07:00:00'], ['busy', '07:10:30'], ['available', '07:11:00'], ['break', '07:30:00', 'technical'], ['available', '07:40:00'], ['busy', '07:45:30'], ['after-contact-work', '07:50:50'], ['available', '07:51:50'], ['offline', '08:00:00']]);
  for (const versions of [anna, boris]) versions.forEach((after, i) => i > 0 && records.push({ kind: 'agent', before: versions[i - 1], after }));
  return { records, openContacts: contacts.map((c) => c.last).filter((c) => c.status !== 'closed' && c.status !== 'abandoned'), agents: [anna.at(-1)!, boris.at(-1)!] };
}
