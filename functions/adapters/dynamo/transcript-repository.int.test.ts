import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import type { TranscriptSegment } from '@cc/shared/voice/values';
import { createTestTable } from '../../../test/dynamodb.ts';
import { DynamoTable } from './table.ts';
import { DynamoTranscriptRepository } from './transcript-repository.ts';
import { DynamoContactRepository } from './contact-repository.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
let transcripts: DynamoTranscriptRepository;
let contacts: DynamoContactRepository;

beforeAll(async () => {
  table = await createTestTable('transcripts');
  const dynamo = new DynamoTable(table.documents, table.tableName);
  transcripts = new DynamoTranscriptRepository(dynamo);
  contacts = new DynamoContactRepository(dynamo);
});
afterAll(() => table.drop());

const segment = (segmentId: string, overrides: Partial<TranscriptSegment> = {}): TranscriptSegment => ({ segmentId, speaker: 'customer', text: 'Алло', startMs: 0, endMs: 800, partial: false, ...overrides });

describe('DynamoTranscriptRepository', () => {
  it('stores segments as their own items beside the contact and lists them in time order', async () => {
    // Arrange
    const at = '2026-12-02T10:00:00.000Z';
    await contacts.create({ tenantId: 't1', contactId: 'call-1', queueId: 'support', channel: 'voice', status: 'connected', enqueuedAt: at, statusSince: at, createdAt: at, priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1 });

    // Act
    await transcripts.append('t1', 'call-1', [segment('b', { startMs: 2000, endMs: 3000 }), segment('a', { speaker: 'agent', text: 'Добрый день', startMs: 100, endMs: 900 })]);

    // Assert
    expect((await transcripts.list('t1', 'call-1')).map((s) => `${s.segmentId}:${s.speaker}:${s.text}`)).toEqual(['a:agent:Добрый день', 'b:customer:Алло']);
    const contactItem = (await table.documents.send(new GetCommand({ TableName: table.tableName, Key: keys.contact('t1', 'call-1') }))).Item!;
    expect(contactItem).not.toHaveProperty('transcript');
    expect((await contacts.get('t1', 'call-1'))?.contactId).toBe('call-1');
  });

  it('lets a later partial replace a partial and a final replace both, but never a partial a final', async () => {
    // Act
    const first = await transcripts.append('t1', 'call-2', [segment('r', { text: 'Не мог', partial: true })]);
    const second = await transcripts.append('t1', 'call-2', [segment('r', { text: 'Не могу опла', partial: true })]);
    const final = await transcripts.append('t1', 'call-2', [segment('r', { text: 'Не могу оплатить заказ.' })]);
    const late = await transcripts.append('t1', 'call-2', [segment('r', { text: 'Не могу оплатить', partial: true })]);

    // Assert
    expect([first.length, second.length, final.length, late.length]).toEqual([1, 1, 1, 0]);
    expect(await transcripts.list('t1', 'call-2')).toEqual([segment('r', { text: 'Не могу оплатить заказ.' })]);
  });

  it('is idempotent: the same final again, alone or racing itself, writes nothing new', async () => {
    // Arrange
    const final = segment('f', { text: 'Спасибо, всё понятно.' });
    await transcripts.append('t1', 'call-3', [final]);

    // Act
    const again = await Promise.all([transcripts.append('t1', 'call-3', [final]), transcripts.append('t1', 'call-3', [final, segment('f', { text: 'Спасибо', partial: true })])]);

    // Assert
    expect(again.flat()).toEqual([]);
    expect(await transcripts.list('t1', 'call-3')).toEqual([final]);
  });

  it('settles two different finals of one result by text order, whichever arrives first', async () => {
    // Act
    await transcripts.append('t1', 'call-4', [segment('x', { text: 'Бета' })]);
    await transcripts.append('t1', 'call-4', [segment('x', { text: 'Альфа' })]);
    await transcripts.append('t1', 'call-5', [segment('x', { text: 'Альфа' })]);
    await transcripts.append('t1', 'call-5', [segment('x', { text: 'Бета' })]);

    // Assert
    expect((await transcripts.list('t1', 'call-4'))[0]!.text).toBe('Бета');
    expect((await transcripts.list('t1', 'call-5'))[0]!.text).toBe('Бета');
  });

  it('keeps tenants and contacts apart', async () => {
    await transcripts.append('t2', 'call-1', [segment('z', { text: 'Чужой' })]);

    expect((await transcripts.list('t1', 'call-1')).map((s) => s.segmentId)).toEqual(['a', 'b']);
    expect(await transcripts.list('t1', 'no-such-contact')).toEqual([]);
  });
});
