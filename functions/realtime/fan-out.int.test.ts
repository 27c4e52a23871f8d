import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveConnection } from '@cc/shared/realtime/ports';
import { createTestDeps } from '../../test/deps.ts';
import { fanOut, toEach } from './fan-out.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
beforeAll(async () => {
  ctx = await createTestDeps();
});
afterAll(() => ctx.table.drop());

const consoleOf = (connectionId: string): LiveConnection => ({ tenantId: 'acme', connectionId, userId: 'anna', roles: ['agent'], connectedAt: new Date().toISOString() });

describe('fanOut', () => {
  it('delivers to the open sockets and forgets each gone connection once, whatever it missed', async () => {
    // Arrange: two console records, only one with an open socket
    const open = consoleOf('open-1');
    const gone = consoleOf('gone-1');
    await Promise.all([ctx.deps.connections.put(open), ctx.deps.connections.put(gone)]);
    const frames: string[] = [];
    ctx.hub.attach('open-1', { send: (data) => void frames.push(data), readyState: 1 });
    const at = new Date().toISOString();
    // Act: two messages to both
    const arrived = await fanOut(ctx.deps, 'acme', [
      ...toEach([open, gone], { type: 'typing', from: 'visitor', contactId: 'c-1', conversationId: 'cv-1', at }),
      ...toEach([open, gone], { type: 'pong' }),
    ]);
    // Assert
    expect(arrived).toBe(2);
    expect(frames.map((f) => JSON.parse(f).type)).toEqual(['typing', 'pong']);
    expect((await ctx.deps.connections.listByTenant('acme')).map((c) => c.connectionId)).toEqual(['open-1']);
  });
});
