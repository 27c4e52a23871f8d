import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '@cc/shared/errors';
import type { Contact } from '@cc/shared/contacts/model';
import { createTestTable } from '../../../test/dynamodb.ts';
import { DynamoTable } from './table.ts';
import { DynamoContactRepository } from './contact-repository.ts';
import { DynamoCustomerRepository } from './customer-repository.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
let contacts: DynamoContactRepository;

beforeAll(async () => {
  table = await createTestTable('contacts');
  contacts = new DynamoContactRepository(new DynamoTable(table.documents, table.tableName));
});
afterAll(() => table.drop());

const contact = (contactId: string, enqueuedAt: string, extra: Partial<Contact> = {}): Contact => ({
  tenantId: 't1', contactId, queueId: 'support', channel: 'telegram', status: 'queued', enqueuedAt, statusSince: enqueuedAt, createdAt: enqueuedAt,
  priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1, ...extra,
});

describe('DynamoContactRepository', () => {
  it('lists the waiting contacts of a queue, oldest first, and drops them once offered', async () => {
    // Arrange
    await contacts.create(contact('c2', '2026-11-25T09:00:02.000Z'));
    await contacts.create(contact('c1', '2026-11-25T09:00:01.000Z'));
    await contacts.create(contact('other', '2026-11-25T09:00:00.000Z', { queueId: 'sales' }));
    // Act
    const before = await contacts.listWaiting('t1', 'support');
    await contacts.save({ ...contact('c1', '2026-11-25T09:00:01.000Z'), status: 'offered', agentId: 'a1', version: 2 }, 1);
    const after = await contacts.listWaiting('t1', 'support');
    // Assert
    expect(before.map((c) => c.contactId)).toEqual(['c1', 'c2']);
    expect(after.map((c) => c.contactId)).toEqual(['c2']);
  });

  it('lists offers in flight of a queue until the contact is answered', async () => {
    // Arrange
    const queued = contact('o1', '2026-11-25T09:00:05.000Z', { queueId: 'vip' });
    await contacts.create(queued);
    // Act
    await contacts.save({ ...queued, status: 'offered', agentId: 'a2', version: 2 }, 1);
    const offered = await contacts.listOffered('t1', 'vip');
    await contacts.save({ ...queued, status: 'connected', agentId: 'a2', version: 3 }, 2);
    const afterAnswer = await contacts.listOffered('t1', 'vip');
    // Assert
    expect(offered.map((c) => c.contactId)).toEqual(['o1']);
    expect(afterAnswer).toEqual([]);
  });

  it('refuses a second contact with the same id', async () => {
    // Act / Assert
    await expect(contacts.create(contact('c2', '2026-11-25T09:00:02.000Z'))).rejects.toBeInstanceOf(ConflictError);
  });

  it('records the customer of a new contact in the same write, and neither when the contact exists', async () => {
    // Arrange
    const customers = new DynamoCustomerRepository(new DynamoTable(table.documents, table.tableName));
    const sighting = (at: string) => ({ tenantId: 't1', customerId: 'cu-1', channel: 'voice' as const, channelId: '+74950000000', externalId: '+79160000000', profile: { phone: '+79160000000' }, at });
    // Act
    await contacts.create(contact('with-customer', '2026-11-25T09:01:00.000Z', { customerId: 'cu-1' }), sighting('2026-11-25T09:01:00.000Z'));
    const retried = contacts.create(contact('with-customer', '2026-11-25T09:01:00.000Z', { customerId: 'cu-1' }), sighting('2026-11-25T09:05:00.000Z'));
    // Assert
    await expect(retried).rejects.toBeInstanceOf(ConflictError);
    expect(await customers.get('t1', 'cu-1')).toMatchObject({ customerId: 'cu-1', phone: '+79160000000', createdAt: '2026-11-25T09:01:00.000Z', updatedAt: '2026-11-25T09:01:00.000Z' });
    expect((await contacts.get('t1', 'with-customer'))?.customerId).toBe('cu-1');
  });

  it('refuses a save based on a stale version', async () => {
    // Act / Assert
    await expect(contacts.save({ ...contact('c2', '2026-11-25T09:00:02.000Z'), version: 2 }, 7)).rejects.toBeInstanceOf(ConflictError);
    expect((await contacts.get('t1', 'c2'))?.version).toBe(1);
  });
});
