import type { Contact } from '@cc/shared/contacts/model';
import type { ContactStatus } from '@cc/shared/routing/model';

/** A contact on the agent's board; offers carry the deadline their push named. */
export interface HeldContact {
  contact: Contact;
  /** When the offer lapses (from the `offer` push, or estimated from the queue's timeout). */
  expiresAt?: string;
}

/**
 * The agent's live contacts, keyed by id, plus the highest version seen of every contact that
 * passed through, so a late or redelivered push can never bring back what already moved on.
 */
export interface ContactBoard {
  readonly held: ReadonlyMap<string, HeldContact>;
  readonly seen: ReadonlyMap<string, number>;
}

export const EMPTY_BOARD: ContactBoard = { held: new Map(), seen: new Map() };

/** Statuses in which a contact belongs to its agent's workspace. */
const HELD: readonly ContactStatus[] = ['offered', 'connected', 'after-contact-work'];

/** Whether `contact` is on `agentId`'s desk: offered to them, connected with them, or in their wrap-up. */
export function isHeldBy(contact: Contact, agentId: string): boolean {
  return contact.agentId === agentId && HELD.includes(contact.status);
}

/**
 * The board after one push or answer about `contact`: kept (or added) while `agentId` holds it,
 * dropped once it moved on. A copy older than one already seen changes nothing; the same version
 * again may add the offer deadline.
 */
export function applyContact(board: ContactBoard, contact: Contact, agentId: string, expiresAt?: string): ContactBoard {
  const seenVersion = board.seen.get(contact.contactId);
  if (seenVersion !== undefined && seenVersion > contact.version) return board;
  const current = board.held.get(contact.contactId);
  if (seenVersion === contact.version && (!current || !expiresAt || current.expiresAt === expiresAt)) return board;
  const seen = new Map(board.seen).set(contact.contactId, contact.version);
  const held = new Map(board.held);
  if (isHeldBy(contact, agentId)) {
    const keepDeadline = contact.status === 'offered' ? (expiresAt ?? (current?.contact.status === 'offered' ? current.expiresAt : undefined)) : undefined;
    held.set(contact.contactId, { contact, ...(keepDeadline && { expiresAt: keepDeadline }) });
  } else {
    held.delete(contact.contactId);
  }
  return { held, seen };
}

/**
 * The board after a full reload of what the agent holds: every listed contact applied. Contacts on
 * the board but missing from the list are returned as `unlisted`, for the caller to re-read one by
 * one (the list's index may lag a fresh offer; a missed push may have closed one).
 */
export function applyContactList(board: ContactBoard, contacts: readonly Contact[], agentId: string): { board: ContactBoard; unlisted: string[] } {
  let next = board;
  for (const contact of contacts) next = applyContact(next, contact, agentId);
  const listed = new Set(contacts.map((c) => c.contactId));
  return { board: next, unlisted: [...next.held.keys()].filter((id) => !listed.has(id)) };
}

/** Offers, soonest deadline first. */
export function offersOf(board: ContactBoard): HeldContact[] {
  return [...board.held.values()].filter((h) => h.contact.status === 'offered').sort((a, b) => (a.expiresAt ?? a.contact.statusSince).localeCompare(b.expiresAt ?? b.contact.statusSince));
}

/** Accepted contacts (connected, then in wrap-up), longest-waiting customer first within each. */
export function activeOf(board: ContactBoard): Contact[] {
  const rank = (status: ContactStatus) => (status === 'connected' ? 0 : 1);
  return [...board.held.values()]
    .map((h) => h.contact)
    .filter((c) => c.status !== 'offered')
    .sort((a, b) => rank(a.status) - rank(b.status) || a.enqueuedAt.localeCompare(b.enqueuedAt));
}

/** The board without `contactId` (it is no longer the agent's, as a re-read showed). */
export function forgetContact(board: ContactBoard, contactId: string): ContactBoard {
  if (!board.held.has(contactId)) return board;
  const held = new Map(board.held);
  held.delete(contactId);
  return { held, seen: board.seen };
}
