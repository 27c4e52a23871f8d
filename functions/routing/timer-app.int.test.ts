import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaContext } from '../local/lambda-context.ts';
import { createTimerHandler, timerEvent } from './timer-app.ts';
import { createRoutingTestDeps, makeTenantQueue } from './testing.ts';

let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  await ctx.deps.queues.put(makeTenantQueue('t', 'q'));
});
afterAll(() => ctx.table.drop());

describe('routing timer handler', () => {
  it('re-queues a timer that is not due yet (SQS delays stop at 15 minutes)', async () => {
    // Arrange
    const handle = createTimerHandler(ctx.deps, ctx.services.routing.timers);
    const later = { id: 'later', kind: 'queue-sweep', tenantId: 't', queueId: 'q', dueAt: new Date(ctx.clock.now().getTime() + 3600_000).toISOString() };
    // Act
    const result = await handle(timerEvent([later]), createLambdaContext('routing-timers'));
    // Assert
    expect(result.batchItemFailures).toEqual([]);
    expect(ctx.timers.armed).toEqual([later]);
  });

  it('waits out the last fraction of a second, fires a due timer, and reports a malformed one', async () => {
    // Arrange
    const waits: number[] = [];
    const handle = createTimerHandler(ctx.deps, ctx.services.routing.timers, async (ms) => void waits.push(ms));
    const soon = { id: 'soon', kind: 'queue-sweep', tenantId: 't', queueId: 'q', dueAt: new Date(ctx.clock.now().getTime() + 400).toISOString() };
    const event = timerEvent([soon, { id: 'broken' }]);
    // Act
    const result = await handle(event, createLambdaContext('routing-timers'));
    // Assert
    expect(waits).toEqual([400]);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[1]!.messageId }]);
  });
});
