import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallChangedError } from '@cc/shared/voice/errors';
import type { StoredCall } from '@cc/shared/voice/ports';
import { createTestTable } from '../../../test/dynamodb.ts';
import type { Contact } from '@cc/shared/contacts/model';
import { callerSighting } from '@cc/shared/customers/callers';
import { ConflictError } from '@cc/shared/errors';
import { DynamoCallRepository } from './call-repository.ts';
import { DynamoContactRepository } from './contact-repository.ts';
import { DynamoTable } from './table.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
let calls: DynamoCallRepository;
let contacts: DynamoContactRepository;

beforeAll(async () => {
  table = await createTestTable('calls');
  calls = new DynamoCallRepository(new DynamoTable(table.documents, table.tableName));
  contacts = new DynamoContactRepository(new DynamoTable(table.documents, table.tableName));
});
afterAll(() => table.drop());

const record = (callId: string, version: number): StoredCall => ({
  state: { callId, tenantId: 't1', number: '+74951234567', direction: 'inbound', customer: '+79161234567', phase: 'greeting', language: 'ru', menuPath: [], attempts: 0, recording: false, events: version },
  lastSequence: version,
  lastSteps: [{ type: 'say', speech: { text: 'Здравствуйте', language: 'ru' } }],
  lastEffects: [],
  updatedAt: '2026-12-02T10:00:00.000Z',
  version,
});

const AT = '2026-12-02T10:00:00.000Z';
const contact = (contactId: string): Contact => ({ tenantId: 't1', contactId, queueId: 'support', channel: 'voice', status: 'queued', enqueuedAt: AT, statusSince: AT, createdAt: AT, priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1 });
const sighting = callerSighting({ tenantId: 't1', number: '+74951234567', customer: '+79161234567' }, AT);

describe('DynamoCallRepository', () => {
  it('refuses a write on a stale version and hands back the record as stored', async () => {
    // Arrange
    await calls.save(record('tx-stale', 1), undefined);
    await calls.save(record('tx-stale', 2), 1);
    // Act
    const refused = await calls.save(record('tx-stale', 2), 1).then(() => undefined, (error: unknown) => error);
    // Assert
    expect(refused).toBeInstanceOf(CallChangedError);
    expect((refused as CallChangedError).current).toEqual(record('tx-stale', 2));
    expect(await calls.get('t1', 'tx-stale')).toEqual(record('tx-stale', 2));
  });

  it('refuses to create a call that exists, handing back the stored one', async () => {
    // Arrange
    await calls.save(record('tx-twice', 1), undefined);
    // Act
    const refused = await calls.save({ ...record('tx-twice', 1), lastSteps: [] }, undefined).then(() => undefined, (error: unknown) => error);
    // Assert
    expect((refused as CallChangedError).current).toEqual(record('tx-twice', 1));
  });

});

describe('a call’s record in the transaction that creates its contact', () => {
  it('writes both, or neither when the record moved on, handing the stored record back', async () => {
    // Arrange
    await calls.save(record('tx-ride', 1), undefined);
    // Act
    await contacts.create(contact('call-tx-ride'), sighting, { record: record('tx-ride', 2), expectedVersion: 1 });
    const stale = await contacts.create(contact('call-tx-ride-2'), sighting, { record: record('tx-ride', 2), expectedVersion: 1 }).then(() => undefined, (error: unknown) => error);
    // Assert
    expect(await calls.get('t1', 'tx-ride')).toEqual(record('tx-ride', 2));
    expect(await contacts.get('t1', 'call-tx-ride')).toMatchObject({ status: 'queued', channel: 'voice' });
    expect(stale).toBeInstanceOf(CallChangedError);
    expect((stale as CallChangedError).current).toEqual(record('tx-ride', 2));
    expect(await contacts.get('t1', 'call-tx-ride-2')).toBeUndefined();
  });

  it('refuses a contact that exists as a plain conflict, writing no record, and a stale record first when both are', async () => {
    // Arrange: the contact and the record at version 2, from an earlier try
    await calls.save(record('tx-again', 1), undefined);
    await contacts.create(contact('call-tx-again'), undefined, { record: record('tx-again', 2), expectedVersion: 1 });
    // Act
    const exists = await contacts.create(contact('call-tx-again'), sighting, { record: record('tx-again', 3), expectedVersion: 2 }).then(() => undefined, (error: unknown) => error);
    const both = await contacts.create(contact('call-tx-again'), sighting, { record: record('tx-again', 2), expectedVersion: 1 }).then(() => undefined, (error: unknown) => error);
    // Assert
    expect(exists).toBeInstanceOf(ConflictError);
    expect(exists).not.toBeInstanceOf(CallChangedError);
    expect(both).toBeInstanceOf(CallChangedError);
    expect((both as CallChangedError).current).toEqual(record('tx-again', 2));
    expect(await calls.get('t1', 'tx-again')).toEqual(record('tx-again', 2));
  });
});
