import type { ContactEntry, StatusEntry } from './values.ts';

/** Each agent's day log: the statuses they entered and the contacts they handled, written off the table's stream. */
export interface AgentTimelineRepository {
  /** Stores the start of a status span; the same span again, or an older version of it, changes nothing. */
  recordStatus(tenantId: string, entry: StatusEntry): Promise<void>;
  /**
   * Stores a handling as of `entry.contactVersion`; an entry from an older version of the contact changes nothing.
   * `customerName` is kept once known.
   */
  recordContact(tenantId: string, entry: ContactEntry): Promise<void>;
  /** Status entries that begin in [from, to), plus the latest ones before `from` (the status in force at `from`). */
  statusesBetween(tenantId: string, agentId: string, from: Date, to: Date): Promise<StatusEntry[]>;
  /** Handlings that overlap [from, to), oldest first; one that began more than a day before `from` is not looked for. */
  contactsBetween(tenantId: string, agentId: string, from: Date, to: Date): Promise<ContactEntry[]>;
}
