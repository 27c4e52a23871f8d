import type { Agent } from '../agents/model.ts';
import type { MediaClass } from '../channels/catalog.ts';
import type { ContactStatus } from '../routing/model.ts';
import type { CounterDelta, QueueDayCounters } from './daily-stats.ts';
import type { Contact } from './model.ts';
import type { CustomerSighting } from '../customers/model.ts';
import type { ClosedNotice } from './closed-notice.ts';
import type { PositionView } from './position-view.ts';
import type { RoutingTimer } from './timers.ts';
import type { CallRecordWrite } from '../voice/ports.ts';

/** Contacts. Waiting contacts of a queue are found through a sparse index kept only while queued. */
export interface ContactRepository {
  /**
   * With `customer`, the customer's sighting is recorded in the same write: both or neither; with `call`, the call's
   * record too, conditional on its version (a call's enqueue in one write).
   * @throws CallChangedError (a ConflictError) if the call's record moved on; else ConflictError if a contact with this id exists.
   */
  create(contact: Contact, customer?: CustomerSighting, call?: CallRecordWrite): Promise<void>;
  get(tenantId: string, contactId: string): Promise<Contact | undefined>;
  /** Contacts waiting in a queue (status `queued`), oldest first. */
  listWaiting(tenantId: string, queueId: string): Promise<Contact[]>;
  /** Contacts of a queue offered to an agent and not yet answered (still waiting, for the wallboard). */
  listOffered(tenantId: string, queueId: string): Promise<Contact[]>;
  /** Contacts an agent holds now (offered, connected, after-contact work), oldest first; the index may lag a fresh write. */
  listHeldBy(tenantId: string, agentId: string): Promise<Contact[]>;
  /**
   * Saves a changed contact if its stored version is still `expectedVersion`.
   * @throws ConflictError when another writer got there first.
   */
  save(contact: Contact, expectedVersion: number): Promise<void>;
}

/** One routing write: a contact change, optionally with the agent it involves and the day's counters, all or nothing. */
export interface RoutingCommit {
  /** The contact as it will be stored. */
  contact: Contact;
  /** The stored contact must still have this version (and status, when given). */
  expected: { version: number; status?: ContactStatus };
  /** New contacts written in the same transaction (a callback that takes a caller's place). */
  create?: Contact[];
  /** The agent as it will be stored, if nobody changed it since `expectedVersion`. */
  agent?: { next: Agent; expectedVersion: number; takesSlot?: { kind: MediaClass; capacity: number; blocksOther: boolean } };
  counters?: CounterDelta;
}

/**
 * Routing persistence: consistent reads of what a decision needs and one transaction per decision, so two
 * concurrent decisions can never give one contact to two agents or put an agent past capacity.
 */
export interface RoutingRepository {
  /** Strongly consistent reads: a decision never starts from a stale contact or agent. */
  readContact(tenantId: string, contactId: string): Promise<Contact | undefined>;
  readAgent(tenantId: string, agentId: string): Promise<Agent | undefined>;
  readAgents(tenantId: string): Promise<Agent[]>;
  /** Contacts waiting for a named agent (transfers), oldest first. */
  listWaitingForAgent(tenantId: string, agentId: string): Promise<Contact[]>;
  /**
   * Applies `commit` atomically.
   * @throws RoutingConflictError naming the party whose condition failed (`contact`, `agent`) or `conflict`.
   */
  commit(commit: RoutingCommit): Promise<void>;
  /** The queue's counters of one day (queue time zone), summed over shards. */
  readDayCounters(tenantId: string, queueId: string, date: string): Promise<QueueDayCounters>;
  /** Every contact that may need a timer (queued, offered, after-contact work); the local runtime re-arms from these. */
  listOpenContacts(): Promise<Contact[]>;
}

/** One-shot timers (offer timeout, end of after-contact work, overflow, callback window, queue sweep). */
export interface Timers {
  /** Arms `timer` to fire at `dueAt` (at once if past); arming the same id twice fires once where the adapter can tell. */
  schedule(timer: RoutingTimer): Promise<void>;
}

/** The voice side: dials the customer of an accepted callback and bridges the agent (the voice issue implements it). */
export interface VoiceDialer {
  /** Idempotent per `contactId` and `version`: a redelivered request must not dial twice. */
  dialCallback(contact: Contact): Promise<void>;
}

/** Tells a waiting customer their place in the queue, or that the queue is closed, through their channel (the messaging side implements it). */
export interface CustomerNotifier {
  notifyQueuePosition(contact: Contact, view: PositionView): Promise<void>;
  /** The out-of-hours auto-reply; at most once per contact, however often it is asked. */
  notifyClosed(contact: Contact, notice: ClosedNotice): Promise<void>;
}
