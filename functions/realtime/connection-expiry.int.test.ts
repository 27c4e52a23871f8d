import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@cc/shared/auth/model';
import { createTestDeps } from '../../test/deps.ts';
import { DynamoConnectionRepository } from '../adapters/dynamo/connection-repository.ts';
import { createWebSocketHandler } from './app.ts';
import { broadcast } from './reactions.ts';
import { disconnectUser } from './disconnect-user.ts';

// Issue #8, item 8: a console's WebSocket must not outlive its token, nor a disabled user.
let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let now = new Date();
const principal = (userId: string): Principal => ({ tenantId: 't1', userId, roles: ['agent'], name: userId, login: `${userId}@t1` });

/** A stand-in for a `ws` socket the local server attaches to the hub. */
function socket() {
  return { readyState: 1, sent: [] as string[], closed: undefined as number | undefined, send(data: string) { this.sent.push(data); }, close(code?: number) { this.closed = code ?? 1000; this.readyState = 3; } };
}

beforeAll(async () => {
  ctx = await createTestDeps(() => now);
  // The real repository on DynamoDB Local, reading the time from the test.
  ctx.deps.connections = new DynamoConnectionRepository(ctx.deps.table, () => now);
});
afterAll(() => ctx.table.drop());

async function connect(connectionId: string, token: string) {
  const ws = createWebSocketHandler(ctx.deps);
  const sock = socket();
  ctx.hub.attach(connectionId, sock);
  const answer = await ws({ requestContext: { routeKey: '$connect', connectionId, eventType: 'CONNECT' }, queryStringParameters: { token } });
  expect(answer).toMatchObject({ statusCode: 200 });
  return sock;
}

describe('console connections and their tokens', () => {
  it('stops pushing to a connection once its token expired, forgets it and closes it on its next ping', async () => {
    // Arrange: a token valid for 10 minutes
    now = new Date();
    const sock = await connect('short-1', await ctx.issuer.issue(principal('anna'), 600));
    // Act: 11 minutes later
    now = new Date(Date.now() + 11 * 60_000);
    await broadcast(ctx.deps, 't1', () => true, { type: 'pong' });
    const listed = await ctx.deps.connections.listByTenant('t1');
    const ping = await createWebSocketHandler(ctx.deps)({ requestContext: { routeKey: '$default', connectionId: 'short-1', eventType: 'MESSAGE' }, body: '{"action":"ping"}' });
    // Assert
    expect(sock.sent).toEqual([]);
    expect(listed.map((c) => c.connectionId)).not.toContain('short-1');
    expect(await ctx.deps.connections.find('short-1')).toBeUndefined();
    expect(ping).toMatchObject({ statusCode: 401 });
    expect(sock.closed).toBeDefined();
  });

  it('keeps pushing to a connection whose token is still valid', async () => {
    // Arrange
    now = new Date();
    const sock = await connect('long-1', await ctx.issuer.issue(principal('boris'), 3600));
    // Act
    now = new Date(Date.now() + 30 * 60_000);
    await broadcast(ctx.deps, 't1', (c) => c.connectionId === 'long-1', { type: 'pong' });
    // Assert
    expect(sock.sent).toEqual([JSON.stringify({ type: 'pong' })]);
  });

  it('disconnects every console of a disabled user and no one else', async () => {
    // Arrange
    now = new Date();
    const [first, second, other] = [await connect('vera-1', await ctx.issuer.issue(principal('vera'))), await connect('vera-2', await ctx.issuer.issue(principal('vera'))), await connect('gleb-1', await ctx.issuer.issue(principal('gleb')))];
    // Act
    const closed = await disconnectUser(ctx.deps, 't1', 'vera');
    // Assert
    expect(closed).toBe(2);
    expect([first.closed, second.closed, other.closed].map((c) => c !== undefined)).toEqual([true, true, false]);
    const left = (await ctx.deps.connections.listByTenant('t1')).map((c) => c.connectionId);
    expect(left).toContain('gleb-1');
    expect(left).not.toContain('vera-1');
    expect(left).not.toContain('vera-2');
  });
});
