import { describe, expect, it } from 'vitest';
import { CallChangedError } from '@cc/shared/voice/errors';
import { runFlow } from '@cc/shared/voice/flow-engine';
import type { CallFlow } from '@cc/shared/voice/flow-config';
import type { CallRecordWrite, CarriedCall, StoredCall } from '@cc/shared/voice/ports';
import { makeDirectFlow, makeFlow } from '@cc/shared/voice/testing';
import type { CallEffect, CallEvent } from '@cc/shared/voice/vocabulary';
import { makeTenantQueue } from '../routing/testing.ts';
import { carriesCallRecord, type CallEffects } from './call-effects.ts';
import { VoiceCallService, type CallInvocation } from './call-service.ts';

const NOW = '2026-12-02T10:00:00.000Z';
const NUMBER = '+74951234567';
const QUEUE = makeTenantQueue('t1', 'support');
const SALES = makeTenantQueue('t1', 'sales');

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
 * The service over a table holding `stored` (or nothing) and, when it holds in a queue, the call's contact: reads and
 * writes are recorded; a write on another version than the stored one loses with the stored record handed back, as
 * the DynamoDB adapter does, also when it rides in the write that creates the contact (both or neither).
 */
function setup(stored: StoredCall | undefined, options: { flow?: CallFlow; contactMade?: boolean } = {}) {
  const table = { record: stored ? structuredClone(stored) : undefined, contactMade: options.contactMade ?? stored?.state.contactId !== undefined };
  const reads: string[] = [];
  const writes: (number | undefined)[] = [];
  const withContact: (number | undefined)[] = [];
  const applied: CallEffect[][] = [];
  const write = (call: StoredCall, expectedVersion: number | undefined) => {
    writes.push(expectedVersion);
    if (table.record?.version !== expectedVersion) throw new CallChangedError(table.record && structuredClone(table.record));
    table.record = structuredClone(call);
  };
  // As the real effects: with `call`, only a turn whose first write creates the call's contact, which it must not find made.
  const effects = {
    positionOf: async () => undefined,
    apply: async (_state: unknown, list: CallEffect[], _queues: unknown, call?: CallRecordWrite) => {
      if (call) {
        if (!carriesCallRecord(list) || table.contactMade) return false;
        withContact.push(call.expectedVersion);
        write(call.record, call.expectedVersion);
      }
      if (list.some((e) => e.type === 'enqueue-contact')) table.contactMade = true;
      applied.push(list);
      return call !== undefined;
    },
  } as unknown as CallEffects;
  const service = new VoiceCallService(
    {
      clock: { now: () => new Date(NOW) },
      calls: {
        get: async (_tenantId: string, callId: string) => {
          reads.push(callId);
          return table.record && structuredClone(table.record);
        },
        save: async (call: StoredCall, expectedVersion: number | undefined) => write(call, expectedVersion),
        getFlow: async () => options.flow ?? makeDirectFlow(),
        putFlow: async () => {},
      },
      directory: { findPhoneNumber: async () => ({ tenantId: 't1', e164: NUMBER, name: 'Основной', defaultQueueId: 'support' }) },
      queues: { get: async () => QUEUE, list: async () => [QUEUE, SALES], put: async () => {} },
      routing: { readContact: async () => undefined },
    } as never,
    runFlow,
    effects,
  );
  const handle = (event: CallEvent, extra: Partial<CallInvocation> & { sequence: number }) => service.handle({ callId: 'call-1', number: NUMBER, event, ...extra });
  return { handle, table, reads, writes, withContact, applied };
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

describe('VoiceCallService: the record in the write that creates the call’s contact', () => {
  const menuKey: CallEvent = { type: 'step-done', step: 'gather', digits: '1' };

  it('writes an enqueue’s record with the contact, not alone, and a stale carried copy loses both before the turn runs again', async () => {
    // Arrange: the greeting (version 1), then an event whose answer the provider ignored (version 2)
    const { handle, table, reads, writes, withContact, applied } = setup(undefined, { flow: makeFlow() });
    const greeting = await handle(callStarted, { sequence: 1 });
    await handle({ type: 'digits', digits: '5' }, { sequence: 2, tenantId: 't1', carried: greeting.record! });
    // Act: the menu key that queues the caller, with the greeting's copy
    const answer = await handle(menuKey, { sequence: 3, tenantId: 't1', carried: greeting.record! });
    // Assert
    expect(reads).toEqual([]);
    expect(writes).toEqual([undefined, 1, 1, 2]);
    expect(withContact).toEqual([1, 2]);
    expect(table.record).toMatchObject({ version: 3, lastSequence: 3, state: { phase: 'queued', queueId: 'sales' } });
    expect(applied.filter((list) => list.some((e) => e.type === 'enqueue-contact'))).toHaveLength(1);
    expect(answer.record).toEqual(carriedOf(table.record!));
  });

  it('stores the record alone, then the effects, when the call’s contact was made already', async () => {
    // Arrange: the greeting stored, and the call's contact made outside this write (an earlier try)
    const first = setup(undefined, { flow: makeFlow() });
    const greeting = await first.handle(callStarted, { sequence: 1 });
    const { handle, table, writes, withContact, applied } = setup(first.table.record, { flow: makeFlow(), contactMade: true });
    // Act
    await handle(menuKey, { sequence: 2, tenantId: 't1', carried: greeting.record! });
    // Assert
    expect(withContact).toEqual([]);
    expect(writes).toEqual([1]);
    expect(table.record).toMatchObject({ version: 2, state: { phase: 'queued' } });
    expect(applied).toEqual([table.record!.lastEffects]);
  });
});
