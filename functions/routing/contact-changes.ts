import { NotFoundError } from '@cc/shared/errors';
import type { Contact } from '@cc/shared/contacts/model';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { RoutingConflictError } from '@cc/shared/contacts/errors';
import { counterDelta } from '@cc/shared/contacts/daily-stats';
import type { Deps } from '../composition/deps.ts';
import { MAX_ATTEMPTS, RoutingContentionError } from './contention.ts';
import type { Planner } from './plans.ts';
import type { QueueLookup } from './queue-lookup.ts';

/**
 * What the caller of a change has already read, so the change need not read it again: the tenant's queues (the voice
 * function reads them once per event, at most a second old; a queue not among them is read), whether the plan
 * looks at the contact's agent at all (a survey answer does not), and the contact itself when it was just read.
 */
export interface ChangeReads {
  queues?: readonly TenantQueue[];
  withoutAgent?: boolean;
  /** The contact as the caller has just read it, consistently: the first attempt plans on it, a lost race reads again. */
  contact?: Contact;
}

/**
 * Commits one planned change of a contact: reads the contact (and its agent), plans the change and commits it
 * with the day's counters in one conditional transaction; retried from fresh reads when it loses a race.
 */
export class ContactChanges {
  constructor(
    private readonly deps: Pick<Deps, 'clock' | 'routing'>,
    private readonly queues: QueueLookup,
  ) {}

  /** @returns the contact as committed, or `undefined` when `plan` found nothing to do. @throws NotFoundError, RoutingContentionError */
  async apply(tenantId: string, contactId: string, plan: Planner, reads: ChangeReads = {}): Promise<Contact | undefined> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const known = attempt === 0 && reads.contact?.tenantId === tenantId && reads.contact.contactId === contactId ? reads.contact : undefined;
      const contact = known ?? (await this.deps.routing.readContact(tenantId, contactId));
      if (!contact) throw new NotFoundError('Contact', contactId);
      const queue = await this.queues.loadKnown(tenantId, contact.queueId, reads.queues);
      const agent = contact.agentId !== undefined && !reads.withoutAgent ? await this.deps.routing.readAgent(tenantId, contact.agentId) : undefined;
      const planned = plan(contact, agent, queue, this.deps.clock.now());
      if (!planned) return undefined;
      const { expectedStatus, ...change } = planned;
      try {
        await this.deps.routing.commit({ ...change, expected: { version: contact.version, status: expectedStatus ?? contact.status }, counters: counterDelta(contact, change.contact, queue) });
        return change.contact;
      } catch (error) {
        if (!(error instanceof RoutingConflictError)) throw error;
      }
    }
    throw new RoutingContentionError('contact', contactId);
  }
}

/** `work`'s result, or `undefined` when its contact or queue is gone (a late timer). */
export async function ignoreMissing<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
