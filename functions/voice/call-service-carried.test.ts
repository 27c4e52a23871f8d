import { describe, expect, it } from 'vitest';
import { CallChangedError } from '@cc/shared/voice/errors';
import { runFlow } from '@cc/shared/voice/flow-engine';
import type { CarriedCall, StoredCall } from '@cc/shared/voice/ports';
import { makeDirectFlow } from '@cc/shared/voice/testing';
import type { CallEffect, CallEvent } from '@cc/shared/voice/vocabulary';
import { makeTenantQueue } from '../routing/testing.ts';
import type { CallEffects } from './call-effects.ts';
import { VoiceCallService, type CallInvocation } from './call-service.ts';

const NOW = '2026-12-02T10:00:00.000Z';
const NUMBER = '+74951234567';
const QUEUE = makeTenantQueue('t1', 'support');

/** A caller holding in `support` as stored after its second event (the enqueue). */
function holding(version = 2): StoredCall {
  const lastSteps = [{ type: 'enqueue' as const, queueId: 'support', holdPrompt: 'hold-music', periodSeconds: 30 }];
  return {
    state: { callId: 'call-1', tenantId: 't1', number: NUMBER, direction: 'inbound', customer: '+79161234567', phase: 'queued', language: 'ru', menuPath: [], attempts: 0, recording: false, events: 2, queueId: 'support', contactId: 'call-call-1', contactStatus: 'waiting', enqueuedAt: NOW, awaiting: 'enqueue', lastSteps },
    lastSequence: version,
    lastSteps,
    lastEffects: [{ type: 'enqueue-contact', queueId: 'support' }],
    updatedAt: NOW,
    version,
  };
}

const carriedOf = ({ lastEffects: _effects, ...record }: StoredCall): CarriedCall => record;

/**
 * The service over a table holding `stored` (or nothing): reads and writes are recorded; a write on another version
 * than the stored one loses with the stored record handed back, as the DynamoDB adapter does.
 */
function setup(stored: StoredCall | undefined) {
  const table = { record: stored ? structuredClone(stored) : undefined };
  const reads: string[] = [];
  const writes: (number | undefined)[] = [];
  const applied: CallEffect[][] = [];
  const effects = {
    positionOf: async () => undefined,
    apply: async (_state: unknown, list: CallEffect[]) => void applied.push(list),
  } as unknown as CallEffects;
  const service = new VoiceCallService(
    {
      clock: { now: () => new Date(NOW) },
      calls: {
        get: async (_tenantId: string, callId: string) => {
          reads.push(callId);
          return table.record && structuredClone(table.record);
        },
        save: async (call: StoredCall, expectedVersion: number | undefined) => {
          writes.push(expectedVersion);
          if (table.record?.version !== expectedVersion) throw new CallChangedError(table.record && structuredClone(table.record));
          table.record = structuredClone(call);
        },
        getFlow: async () => makeDirectFlow(),
        putFlow: async () => {},
      },
      directory: { findPhoneNumber: async () => ({ tenantId: 't1', e164: NUMBER, name: 'Основной', defaultQueueId: 'support' }) },
      queues: { get: async () => QUEUE, list: async () => [QUEUE], put: async () => {} },
      routing: { readContact: async () => undefined },
    } as never,
    runFlow,
    effects,
  );
  const handle = (event: CallEvent, extra: Partial<CallInvocation> & { sequence: number }) => service.handle({ callId: 'call-1', number: NUMBER, event, ...extra });
  return { handle, table, reads, writes, applied };
}

const holdDone: CallEvent = { type: 'step-done', step: 'enqueue', digits: '' };
const callStarted: CallEvent = { type: 'call-started', direction: 'inbound', from: '+79161234567', to: NUMBER };

describe('VoiceCallService: the record the provider carried', () => {
  it('writes on the carried record without reading the stored one, and answers the new record to carry', async () => {
    // Arrange
    const { handle, table, reads, writes } = setup(holding());
    // Act
    const answer = await handle(holdDone, { sequence: 3, tenantId: 't1', carried: carriedOf(holding()) });
    // Assert
    expect(reads).toEqual([]);
    expect(writes).toEqual([2]);
    expect(table.record?.version).toBe(3);
    expect(answer.record).toEqual(carriedOf(table.record!));
  });

  it('starts again from the record a lost write hands back when the carried one is stale, with no read', async () => {
    // Arrange: the provider ignored our last answer (an interruption's), so it carries version 2 of a call at 3
    const { handle, table, reads, writes } = setup(holding(3));
    // Act
    const answer = await handle(holdDone, { sequence: 4, tenantId: 't1', carried: carriedOf(holding(2)) });
    // Assert
    expect(reads).toEqual([]);
    expect(writes).toEqual([2, 3]);
    expect(table.record).toMatchObject({ version: 4, lastSequence: 4 });
    expect(answer.record?.version).toBe(4);
  });

  it('creates a new call without reading, and answers a retried start from the stored record, its effects again', async () => {
    // Arrange
    const { handle, table, reads, writes, applied } = setup(undefined);
    // Act
    const first = await handle(callStarted, { sequence: 1 });
    const retried = await handle(callStarted, { sequence: 1 });
    // Assert
    expect(reads).toEqual([]);
    expect(writes).toEqual([undefined, undefined]);
    expect(retried.steps).toEqual(first.steps);
    expect(table.record?.version).toBe(1);
    expect(applied).toEqual([table.record!.lastEffects, table.record!.lastEffects]);
  });

  it('reads the stored record for an event no newer than the carried one (a retry), and answers it as stored', async () => {
    // Arrange
    const { handle, reads, writes, applied } = setup(holding());
    // Act
    const answer = await handle({ type: 'step-done', step: 'gather', digits: '1' }, { sequence: 2, tenantId: 't1', carried: carriedOf(holding()) });
    // Assert
    expect(reads).toEqual(['call-1']);
    expect(writes).toEqual([]);
    expect(answer.steps).toEqual(holding().lastSteps);
    expect(applied).toEqual([holding().lastEffects]);
  });

  it('reads the stored record when nothing was carried', async () => {
    // Arrange
    const { handle, reads, writes } = setup(holding());
    // Act
    await handle(holdDone, { sequence: 3, tenantId: 't1' });
    // Assert
    expect(reads).toEqual(['call-1']);
    expect(writes).toEqual([2]);
  });
});
