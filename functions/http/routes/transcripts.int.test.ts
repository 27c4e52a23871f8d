import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import { createApp } from '../app.ts';
import { createTestDeps } from '../../../test/deps.ts';
import { json } from '../../../test/json.ts';
import { TRANSCRIPT_BODY_MAX_BYTES, TRANSCRIPT_POST_LIMIT } from './transcripts.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'anna' | 'boris' | 'sup' | 'stranger', string>;
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const wire = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../test/fixtures/wire/transcribe/${name}`, import.meta.url), 'utf8'));
const at = '2026-12-02T10:00:00.000Z';
const contact = (contactId: string, extra: Partial<Contact> = {}): Contact => ({
  tenantId: 'acme', contactId, queueId: 'support', channel: 'voice', status: 'connected', agentId: 'anna', enqueuedAt: at, statusSince: at, createdAt: at,
  priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1, call: { callId: contactId, number: '+74950000000', customer: '+79161234567' }, ...extra,
});

beforeAll(async () => {
  ctx = await createTestDeps();
  app = createApp(ctx.deps, ctx.services);
  token.anna = await ctx.issuer.issue(principal('acme', 'anna', 'agent'));
  token.boris = await ctx.issuer.issue(principal('acme', 'boris', 'agent'));
  token.sup = await ctx.issuer.issue(principal('acme', 'sup', 'supervisor'));
  token.stranger = await ctx.issuer.issue(principal('other', 'anna', 'supervisor'));
  await ctx.deps.contacts.create(contact('call-live'));
  await ctx.deps.contacts.create(contact('call-wrap', { status: 'after-contact-work' }));
  await ctx.deps.contacts.create(contact('chat-1', { channel: 'telegram', call: undefined }));
});
afterAll(() => ctx.table.drop());

const request = (method: string, path: string, as?: string, body?: unknown) =>
  app.request(`/api/contacts/${path}`, { method, headers: { ...(as && { authorization: `Bearer ${as}` }), 'content-type': 'application/json' }, ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }) });

describe('POST /api/contacts/:contactId/transcript', () => {
  it('stores the agent’s Transcribe results, and GET lists them for the agent and a supervisor', async () => {
    // Act
    const partial = await request('POST', 'call-live/transcript', token.anna, wire('transcript-event-partial-ch0.json'));
    const final = await request('POST', 'call-live/transcript', token.anna, wire('transcript-event-final-ch1.json'));
    const forAgent = await request('GET', 'call-live/transcript', token.anna);
    const forSupervisor = await request('GET', 'call-live/transcript', token.sup);

    // Assert
    expect([partial.status, final.status]).toEqual([200, 200]);
    const body = await json(forAgent);
    expect(body).toEqual({
      contactId: 'call-live',
      segments: [
        { segmentId: '8a1c2b3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d', speaker: 'agent', text: 'Компания Акме', startMs: 410, endMs: 1370, partial: true },
        { segmentId: 'c4d5e6f7-0819-4a2b-8c3d-4e5f60718293', speaker: 'customer', text: 'Здравствуйте, не могу оплатить заказ.', startMs: 2050, endMs: 4120, partial: false },
      ],
    });
    expect(await json(forSupervisor)).toEqual(body);
  });

  it('refuses other agents (403), other tenants (404), calls no longer connected (409) and contacts that are not calls (400)', async () => {
    const event = wire('transcript-event-final-ch1.json');

    const statuses = [
      (await request('POST', 'call-live/transcript', token.boris, event)).status,
      (await request('POST', 'call-live/transcript', token.sup, event)).status,
      (await request('POST', 'call-live/transcript', token.stranger, event)).status,
      (await request('POST', 'call-wrap/transcript', token.anna, event)).status,
      (await request('POST', 'chat-1/transcript', token.anna, event)).status,
      (await request('POST', 'call-live/transcript', undefined, event)).status,
    ];

    expect(statuses).toEqual([403, 403, 404, 409, 400, 401]);
  });

  it.each([
    ['malformed JSON', '{"TranscriptEvent": '],
    ['a body of another shape', { Transcript: { Results: [{ ResultId: 'r', IsPartial: 'no' }] } }],
    ['a result id that cannot be a key', { Transcript: { Results: [{ ResultId: '#/..', Alternatives: [] }] } }],
    ['an array', []],
    ['null', 'null'],
  ])('answers %s with a 400 problem, never a 500', async (_name, body) => {
    const res = await request('POST', 'call-live/transcript', token.anna, body);

    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a body over the transcript limit with a 413', async () => {
    const res = await request('POST', 'call-live/transcript', token.anna, { Transcript: { Results: [] }, padding: 'x'.repeat(TRANSCRIPT_BODY_MAX_BYTES) });

    expect(res.status).toBe(413);
  });

  it('limits posts per call and minute (429 with Retry-After), counted under the call', async () => {
    // Arrange: the shared counter (tested with its adapter) says the window is spent
    const hits: { key: string; max: number }[] = [];
    const limited = createApp({ ...ctx.deps, rateLimiter: { hit: async (_tenantId, key, limit) => (hits.push({ key, max: limit.max }), { allowed: false, count: limit.max + 1, retryAfterSeconds: 42 }) } }, ctx.services);

    // Act
    const res = await limited.request('/api/contacts/call-live/transcript', { method: 'POST', headers: { authorization: `Bearer ${token.anna}`, 'content-type': 'application/json' }, body: JSON.stringify(wire('transcript-event-final-ch1.json')) });

    // Assert
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('42');
    expect(hits).toEqual([{ key: 'transcript#call-live', max: TRANSCRIPT_POST_LIMIT.max }]);
  });
});

describe('GET /api/contacts/:contactId/transcript', () => {
  it('is for the contact’s agent and supervisors only; other tenants see no contact', async () => {
    const statuses = [(await request('GET', 'call-live/transcript', token.boris)).status, (await request('GET', 'call-live/transcript', token.stranger)).status, (await request('GET', 'nope/transcript', token.sup)).status];

    expect(statuses).toEqual([403, 404, 404]);
  });

  it('answers an empty transcript for a call with none yet', async () => {
    expect(await json(await request('GET', 'call-wrap/transcript', token.anna))).toEqual({ contactId: 'call-wrap', segments: [] });
  });
});
