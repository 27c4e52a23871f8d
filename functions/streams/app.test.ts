import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Agent } from '@cc/shared/agents/model';
import type { LiveConnection, LiveMessage } from '@cc/shared/realtime/ports';
import { createStreamHandler, decodeRecord, MalformedStreamRecordError } from './app.ts';
import { realtimeReactions } from '../realtime/reactions.ts';
import { createLambdaContext } from '../local/lambda-context.ts';

const wire = (path: string) => JSON.parse(readFileSync(new URL(`../../test/fixtures/wire/${path}`, import.meta.url), 'utf8'));

const agent: Agent = { tenantId: 't1', agentId: 'a1', name: 'Анна', status: 'break', breakReason: 'lunch', statusSince: '2026-11-25T09:00:00.000Z', skills: [], queueIds: [], version: 2 };

function agentRecord(sequenceNumber: string, image: Record<string, unknown> = { ...agent, pk: 'T#t1#AGENT', sk: 'AGENT#a1', entity: 'agent' }): DynamoDBRecord {
  // Shape from the documented sample; images are ours.
  const sample = wire('dynamodb-streams/event-insert-and-modify.json').Records[1] as DynamoDBRecord;
  return { ...sample, dynamodb: { ...sample.dynamodb, SequenceNumber: sequenceNumber, Keys: marshall({ pk: 'T#t1#AGENT', sk: 'AGENT#a1' }) as never, NewImage: marshall(image, { removeUndefinedValues: true }) as never } };
}

function fakeRealtime(connections: LiveConnection[]) {
  const posted: { connectionId: string; message: LiveMessage }[] = [];
  const removed: string[] = [];
  return {
    posted,
    removed,
    deps: {
      connections: {
        put: async () => undefined,
        find: async () => undefined,
        remove: async (_t: string, id: string) => void removed.push(id),
        listByTenant: async (tenantId: string) => connections.filter((c) => c.tenantId === tenantId),
      },
      push: { post: async (connectionId: string, message: LiveMessage) => (connectionId === 'gone' ? false : (posted.push({ connectionId, message }), true)) },
    },
  };
}

const conn = (connectionId: string, userId: string, roles: LiveConnection['roles']): LiveConnection => ({ tenantId: 't1', connectionId, userId, roles, connectedAt: '2026-11-25T09:00:00.000Z' });

describe('decodeRecord', () => {
  it('decodes the documented sample record shape', () => {
    // Arrange: the documented INSERT record, with our entity attribute
    const sample = wire('dynamodb-streams/event-insert-and-modify.json').Records[0] as DynamoDBRecord;
    sample.dynamodb!.NewImage!.entity = { S: 'contact' };
    // Act
    const change = decodeRecord(sample);
    // Assert
    expect(change).toMatchObject({ eventName: 'INSERT', entity: 'contact', sequenceNumber: sample.dynamodb!.SequenceNumber });
    expect(change.newImage).toMatchObject({ channel: 'telegram', status: 'queued', priority: 5 });
  });

  it('rejects a record of another table (no entity type)', () => {
    // Arrange
    const sample = wire('dynamodb-streams/event-insert-and-modify.json').Records[0] as DynamoDBRecord;
    // Act / Assert
    expect(() => decodeRecord(sample)).toThrow(MalformedStreamRecordError);
  });
});

describe('stream handler', () => {
  it('pushes an agent change to supervisors and to the agent, not to other agents', async () => {
    // Arrange
    const realtime = fakeRealtime([conn('sup', 's1', ['supervisor']), conn('self', 'a1', ['agent']), conn('other', 'a2', ['agent']), conn('gone', 's2', ['admin'])]);
    const handle = createStreamHandler(realtimeReactions(realtime.deps));
    // Act
    const result = await handle({ Records: [agentRecord('100')] }, createLambdaContext('test'));
    // Assert
    expect(result.batchItemFailures).toEqual([]);
    expect(realtime.posted.map((p) => p.connectionId).sort()).toEqual(['self', 'sup']);
    expect(realtime.posted[0]!.message).toEqual({ type: 'agent.updated', agent });
    expect(realtime.removed).toEqual(['gone']);
  });

  it('reports a poison record and every later record of the batch, applying none after it', async () => {
    // Arrange: the middle record is an agent with an invalid status (item 12 of issue #8: this used to process the rest)
    const realtime = fakeRealtime([conn('sup', 's1', ['supervisor'])]);
    const handle = createStreamHandler(realtimeReactions(realtime.deps));
    const poison = agentRecord('201', { ...agent, status: 'sleeping', pk: 'T#t1#AGENT', sk: 'AGENT#a1', entity: 'agent' });
    const event: DynamoDBStreamEvent = { Records: [agentRecord('200'), poison, agentRecord('202')] };
    // Act
    const result = await handle(event, createLambdaContext('test'));
    // Assert
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '201' }, { itemIdentifier: '202' }]);
    expect(realtime.posted).toHaveLength(1);
  });

  it('never applies a later change of a key before an earlier one that failed, and applies both in order on retry', async () => {
    // Arrange: a reaction that fails once on version 1 of the agent
    const applied: number[] = [];
    let failures = 1;
    const handle = createStreamHandler([{ name: 'flaky', entity: 'agent', react: async (change) => {
      const version = change.newImage!.version as number;
      if (version === 1 && failures-- > 0) throw new Error('reaction failed');
      applied.push(version);
    } }]);
    const record = (seq: string, version: number) => agentRecord(seq, { ...agent, version, pk: 'T#t1#AGENT', sk: 'AGENT#a1', entity: 'agent' });
    const batch = [record('300', 1), record('301', 2)];
    // Act: the first delivery fails; Lambda redelivers from the first reported failure
    const first = await handle({ Records: batch }, createLambdaContext('test'));
    const from = batch.findIndex((r) => r.dynamodb!.SequenceNumber === first.batchItemFailures[0]!.itemIdentifier);
    const second = await handle({ Records: batch.slice(from) }, createLambdaContext('test'));
    // Assert
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: '300' }, { itemIdentifier: '301' }]);
    expect(second.batchItemFailures).toEqual([]);
    expect(applied).toEqual([1, 2]);
  });

  it('answers the documented batchItemFailures shape', async () => {
    // Arrange
    const documented = wire('dynamodb-streams/batch-item-failures-response.json');
    const handle = createStreamHandler(realtimeReactions(fakeRealtime([]).deps));
    const bad = { ...agentRecord('x'), dynamodb: { ...agentRecord('x').dynamodb, SequenceNumber: documented.batchItemFailures[0].itemIdentifier, NewImage: { entity: { S: 'agent' } } } };
    // Act
    const result = await handle({ Records: [bad] }, createLambdaContext('test'));
    // Assert
    expect(result).toEqual(documented);
  });
});
