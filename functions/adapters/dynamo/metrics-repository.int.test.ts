// The stored aggregates on DynamoDB Local: a record folds in once however often it is delivered, maxima only
// grow (also when records race for a cell), a record with more cells than one transaction holds is split and still
// counted once, and the reaction on the stream keys records by item version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldEvents } from '@cc/shared/metrics/fold';
import { agentEvents } from '@cc/shared/metrics/agent-events';
import type { Agent } from '@cc/shared/agents/model';
import { createTestDeps } from '../../../test/deps.ts';
import { metricsReactions } from '../../metrics/reactions.ts';
import type { ItemChange } from '../../streams/app.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
beforeAll(async () => {
  ctx = await createTestDeps();
});
afterAll(() => ctx.table.drop());

const TZ = 'Europe/Moscow';
const event = (id: string, at: string, add: Record<string, number>, wait?: number) => ({ id, at, queueId: 'support', channel: 'telegram' as const, add, ...(wait !== undefined && { max: { maxQueueWaitSeconds: wait } }) });
const cellsOf = (events: Parameters<typeof foldEvents>[0]) => [...foldEvents(events, TZ).values()];
const readQueue = (tenantId: string) => ctx.deps.metrics.read(tenantId, 'queue', ['support'], { kind: 'I', from: '2026-12-02T07:00:00.000Z', to: '2026-12-02T07:00:00.000Z' });
const sum = (cells: Awaited<ReturnType<typeof readQueue>>, measure: 'handled' | 'queueWaitSeconds' | 'maxQueueWaitSeconds', pick: 'sum' | 'max' = 'sum') =>
  cells.reduce((total, c) => (pick === 'max' ? Math.max(total, c.measures[measure] ?? 0) : total + (c.measures[measure] ?? 0)), 0);

describe('the metrics repository', () => {
  it('folds a record once, however often it is delivered, and keeps the larger maximum', async () => {
    // Arrange
    const first = cellsOf([event('c1#2', '2026-12-02T07:01:00.000Z', { handled: 1, queueWaitSeconds: 12 }, 12)]);
    const second = cellsOf([event('c2#2', '2026-12-02T07:02:00.000Z', { handled: 1, queueWaitSeconds: 5 }, 5)]);
    // Act
    const answers = [await ctx.deps.metrics.fold('t-once', 'contact#c1#v2', first), await ctx.deps.metrics.fold('t-once', 'contact#c1#v2', first), await ctx.deps.metrics.fold('t-once', 'contact#c2#v2', second)];
    const cells = await readQueue('t-once');
    // Assert
    expect(answers).toEqual(['applied', 'duplicate', 'applied']);
    expect(sum(cells, 'handled')).toBe(2);
    expect(sum(cells, 'queueWaitSeconds')).toBe(17);
    expect(sum(cells, 'maxQueueWaitSeconds', 'max')).toBe(12);
    expect(cells.every((c) => c.dimension === 'queue' && c.value === 'support' && c.period.kind === 'I')).toBe(true);
  });

  it('keeps every sum and the largest maximum when records fold into the same cells at once', async () => {
    // Arrange: twelve waits in one queue interval, folded side by side (maxima are read, then raised on a condition)
    const waits = [3, 41, 17, 8, 60, 25, 12, 33, 59, 5, 48, 21];
    const records = waits.map((wait, i) => cellsOf([event(`r${i}#2`, '2026-12-02T07:03:00.000Z', { handled: 1, queueWaitSeconds: wait }, wait)]));
    // Act
    const answers = await Promise.all(records.map((cells, i) => ctx.deps.metrics.fold('t-race', `contact#r${i}#v2`, cells)));
    const again = await ctx.deps.metrics.fold('t-race', 'contact#r4#v2', records[4]!);
    const cells = await readQueue('t-race');
    // Assert
    expect(answers).toEqual(waits.map(() => 'applied'));
    expect(again).toBe('duplicate');
    expect(sum(cells, 'handled')).toBe(waits.length);
    expect(sum(cells, 'queueWaitSeconds')).toBe(waits.reduce((a, b) => a + b, 0));
    expect(sum(cells, 'maxQueueWaitSeconds', 'max')).toBe(60);
  });

  it('splits a record with more cells than a transaction holds and still counts it once', async () => {
    // Arrange: a 20-hour available span is 80 intervals for the agent and the tenant, and two local days
    const before: Agent = { tenantId: 't-long', agentId: 'anna', name: 'Анна', status: 'available', statusSince: '2026-12-01T20:00:00.000Z', skills: [], queueIds: [], version: 1 };
    const cells = cellsOf(agentEvents(before, { ...before, status: 'offline', statusSince: '2026-12-02T16:00:00.000Z', version: 2 }));
    expect(cells.length).toBeGreaterThan(99);
    // Act
    const answers = [await ctx.deps.metrics.fold('t-long', 'agent#anna#v2', cells), await ctx.deps.metrics.fold('t-long', 'agent#anna#v2', cells)];
    const days = await ctx.deps.metrics.read('t-long', 'agent', ['anna'], { kind: 'D', from: '2026-12-01', to: '2026-12-03' });
    // Assert
    expect(answers).toEqual(['applied', 'duplicate']);
    expect(days.reduce((total, c) => total + (c.measures.availableSeconds ?? 0), 0)).toBe(20 * 3600);
    expect(days.map((c) => c.period)).toEqual([{ kind: 'D', date: '2026-12-01' }, { kind: 'D', date: '2026-12-02' }]);
  });

  it('counts an agent change redelivered by the stream once', async () => {
    // Arrange
    const [agentReaction] = metricsReactions(ctx.deps, { push: async () => undefined }).filter((r) => r.entity === 'agent');
    const before: Agent = { tenantId: 't-stream', agentId: 'boris', name: 'Борис', status: 'break', breakReason: 'lunch', statusSince: '2026-12-02T09:00:00.000Z', skills: [], queueIds: [], version: 4 };
    const after: Agent = { ...before, status: 'available', statusSince: '2026-12-02T09:30:00.000Z', version: 5 };
    delete after.breakReason;
    const change: ItemChange = { eventName: 'MODIFY', entity: 'agent', oldImage: { ...before, entity: 'agent' }, newImage: { ...after, entity: 'agent' }, sequenceNumber: '1' };
    // Act
    await agentReaction!.react(change);
    await agentReaction!.react({ ...change, sequenceNumber: '2' });
    const cells = await ctx.deps.metrics.read('t-stream', 'agent', ['boris'], { kind: 'D', from: '2026-12-02', to: '2026-12-02' });
    // Assert
    expect(cells.map((c) => c.measures)).toEqual([{ breakSeconds: 1800, 'break.lunch': 1800 }]);
  });
});
