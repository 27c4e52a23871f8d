import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import type { Contact } from '@cc/shared/contacts/model';
import type { ContactRepository } from '@cc/shared/contacts/ports';
import type { CallRecordWrite } from '@cc/shared/voice/ports';
import type { CustomerSighting } from '@cc/shared/customers/model';
import { ConflictError } from '@cc/shared/errors';
import { callChanged, callRecordPut } from './call-repository.ts';
import { sightingUpdate } from './customer-repository.ts';
import type { DynamoTable } from './table.ts';

/** Tries of a contact's creation with its customer that lost only to a concurrent transaction on the same items. */
const TRANSACTION_TRIES = 3;

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

  async create(contact: Contact, customer?: CustomerSighting, call?: CallRecordWrite) {
    if (!customer && !call) return this.table.put('contact', contactItem(contact), { expression: 'attribute_not_exists(pk)' });
    // One round trip instead of two or three, and the console never sees the contact before its customer.
    const TableName = this.table.tableName;
    const contactPut = { Put: { TableName, Item: { ...contactItem(contact), entity: 'contact' }, ConditionExpression: 'attribute_not_exists(pk)' } };
    const TransactItems = [...(customer ? [{ Update: sightingUpdate(TableName, customer) }] : []), contactPut, ...(call ? [{ Put: callRecordPut(TableName, call.record, call.expectedVersion) }] : [])];
    const contactAt = customer ? 1 : 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.table.documents.send(new TransactWriteCommand({ TransactItems }));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const callRefusal = call ? reasons[contactAt + 1] : undefined;
        if (callRefusal?.Code === 'ConditionalCheckFailed') throw callChanged(callRefusal.Item, error);
        if (reasons[contactAt]?.Code === 'ConditionalCheckFailed') throw new ConflictError('The record changed or already exists', { entity: 'contact' }, { cause: error });
        // Another call of the same caller wrote the customer at the same moment: try again, it is idempotent.
        if (attempt >= TRANSACTION_TRIES || !reasons.some((r) => r.Code === 'TransactionConflict')) throw error;
      }
    }
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
