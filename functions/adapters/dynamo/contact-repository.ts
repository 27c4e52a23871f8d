import { keys } from '@cc/shared/db/keys';
import type { Contact } from '@cc/shared/contacts/model';
import type { ContactRepository } from '@cc/shared/contacts/ports';
import type { DynamoTable } from './table.ts';

/** The stored item: the contact plus its keys; queue-index keys only while it waits, agent-index keys only while held. */
export function contactItem(contact: Contact): Record<string, unknown> {
  return {
    ...contact,
    ...keys.contact(contact.tenantId, contact.contactId),
    ...(contact.status === 'queued' &&
      (contact.targetAgentId
        ? keys.waitingForAgent(contact.tenantId, contact.targetAgentId, contact.enqueuedAt, contact.contactId)
        : keys.waitingContact(contact.tenantId, contact.queueId, contact.enqueuedAt, contact.contactId))),
    ...(contact.customerId && keys.customerContact(contact.tenantId, contact.customerId, contact.createdAt, contact.contactId)),
    ...(isHeld(contact) && keys.heldContact(contact.tenantId, contact.agentId!, contact.enqueuedAt, contact.contactId)),
    ...(contact.status === 'offered' && keys.offeredInQueue(contact.tenantId, contact.queueId, contact.enqueuedAt, contact.contactId)),
  };
}

/** Statuses in which a contact occupies its agent, and shows in their console. */
const HELD_STATUSES: readonly Contact['status'][] = ['offered', 'connected', 'after-contact-work'];
const isHeld = (contact: Contact) => contact.agentId !== undefined && HELD_STATUSES.includes(contact.status);

/** Contacts, one item each, with the sparse waiting-queue and held-by-agent indexes and the customer index. */
export class DynamoContactRepository implements ContactRepository {
  constructor(private readonly table: DynamoTable) {}

  create(contact: Contact) {
    return this.table.put('contact', contactItem(contact), { expression: 'attribute_not_exists(pk)' });
  }

  get(tenantId: string, contactId: string) {
    return this.table.get<Contact>(keys.contact(tenantId, contactId));
  }

  async listWaiting(tenantId: string, queueId: string) {
    // The index is eventually consistent; re-check the status the item carries.
    const items = await this.table.queryAll<Contact>({ index: 'gsi2', pk: keys.waitingInQueue(tenantId, queueId).gsi2pk });
    return items.filter((c) => c.status === 'queued');
  }

  async listOffered(tenantId: string, queueId: string) {
    // The index is eventually consistent; re-check the status the item carries.
    const items = await this.table.queryAll<Contact>({ index: 'gsi1', pk: keys.offeredOfQueue(tenantId, queueId).gsi1pk });
    return items.filter((c) => c.status === 'offered' && c.queueId === queueId);
  }

  async listHeldBy(tenantId: string, agentId: string) {
    // The index is eventually consistent; re-check what the item carries.
    const items = await this.table.queryAll<Contact>({ index: 'gsi2', pk: keys.heldByAgent(tenantId, agentId).gsi2pk });
    return items.filter((c) => c.agentId === agentId && isHeld(c));
  }

  save(contact: Contact, expectedVersion: number) {
    return this.table.put('contact', contactItem(contact), {
      expression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    });
  }
}
