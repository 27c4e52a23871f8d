import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallChangedError } from '@cc/shared/voice/errors';
import type { StoredCall } from '@cc/shared/voice/ports';
import { createTestTable } from '../../../test/dynamodb.ts';
import { DynamoCallRepository } from './call-repository.ts';
import { DynamoTable } from './table.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
let calls: DynamoCallRepository;

beforeAll(async () => {
  table = await createTestTable('calls');
  calls = new DynamoCallRepository(new DynamoTable(table.documents, table.tableName));
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
