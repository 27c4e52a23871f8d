import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import type { CallState } from '@cc/shared/voice/call-state';
import { createApp } from '../app.ts';
import { createTestDeps } from '../../../test/deps.ts';
import { json } from '../../../test/json.ts';
import { STREAMING_CREDENTIALS_SECONDS, StsStreamingCredentials } from '../../adapters/voice/sts-streaming-credentials.ts';
import { STREAMING_CREDENTIALS_LIMIT } from './transcripts.ts';

const sts = mockClient(STSClient);
afterEach(() => sts.reset());
afterAll(() => sts.restore());

const ROLE = 'arn:aws:iam::123456789012:role/cc-dev-transcription';
const EXPIRES = new Date('2026-12-02T10:15:00.000Z');
let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let local: Awaited<ReturnType<typeof createTestDeps>>;
const token = {} as Record<'anna' | 'boris' | 'sup' | 'stranger', string>;
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const at = '2026-12-02T10:00:00.000Z';
const contact = (contactId: string, extra: Partial<Contact> = {}): Contact => ({
  tenantId: 'acme', contactId, queueId: 'support', channel: 'voice', status: 'connected', agentId: 'anna', enqueuedAt: at, statusSince: at, createdAt: at,
  priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1, call: { callId: `call-of-${contactId}`, number: '+74950000000', customer: '+79161234567' }, ...extra,
});
const callState = (callId: string, language: 'ru' | 'en'): CallState => ({ callId, tenantId: 'acme', number: '+74950000000', direction: 'inbound', customer: '+79161234567', phase: 'connected', language, menuPath: [], attempts: 0, recording: false, events: 3 }) as CallState;

beforeAll(async () => {
  ctx = await createTestDeps(undefined, { streamingCredentials: new StsStreamingCredentials(new STSClient({ region: 'eu-central-1' }), ROLE, 'eu-central-1') });
  for (const [name, tenant, role] of [['anna', 'acme', 'agent'], ['boris', 'acme', 'agent'], ['sup', 'acme', 'supervisor'], ['stranger', 'other', 'supervisor']] as const) token[name] = await ctx.issuer.issue(principal(tenant, name === 'stranger' ? 'anna' : name, role));
  await ctx.deps.contacts.create(contact('call-en'));
  await ctx.deps.calls.save({ state: callState('call-of-call-en', 'en'), lastSequence: 3, lastSteps: [], lastEffects: [], updatedAt: at, version: 1 }, undefined);
  await ctx.deps.contacts.create(contact('call-ru'));
  await ctx.deps.contacts.create(contact('call-wrap', { status: 'after-contact-work' }));
  await ctx.deps.contacts.create(contact('chat-1', { channel: 'telegram', call: undefined }));
  local = await createTestDeps();
  await local.deps.contacts.create(contact('call-local'));
});
afterAll(async () => Promise.all([ctx.table.drop(), local.table.drop()]));

const ask = (contactId: string, as?: string, app = createApp(ctx.deps, ctx.services)) =>
  app.request(`/api/contacts/${contactId}/transcription-credentials`, { method: 'POST', headers: { ...(as && { authorization: `Bearer ${as}` }) } });

describe('POST /api/contacts/:contactId/transcription-credentials', () => {
  it('gives the connected agent 15-minute credentials narrowed to Transcribe streaming, in the call flow’s language', async () => {
    // Arrange
    sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'secret', SessionToken: 'session', Expiration: EXPIRES } });

    // Act
    const res = await ask('call-en', token.anna);

    // Assert
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await json(res)).toEqual({ contactId: 'call-en', region: 'eu-central-1', languageCode: 'en-US', credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session', expiration: EXPIRES.toISOString() } });
    const input = sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ RoleArn: ROLE, RoleSessionName: 'cc.acme.anna', DurationSeconds: STREAMING_CREDENTIALS_SECONDS });
    expect(STREAMING_CREDENTIALS_SECONDS).toBeLessThanOrEqual(900);
    expect(JSON.parse(input.Policy!)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['transcribe:StartStreamTranscriptionWebSocket', 'transcribe:StartStreamTranscription'], Resource: '*' }] });
  });

  it('transcribes in Russian when the call has no flow language on record', async () => {
    sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'A', SecretAccessKey: 's', SessionToken: 't', Expiration: EXPIRES } });

    expect(await json(await ask('call-ru', token.anna))).toMatchObject({ languageCode: 'ru-RU' });
  });

  it('refuses other agents and supervisors (403), other tenants (404), calls no longer connected (409), non-calls (400) and anonymous callers (401), asking STS nothing', async () => {
    const statuses = [
      (await ask('call-en', token.boris)).status,
      (await ask('call-en', token.sup)).status,
      (await ask('call-en', token.stranger)).status,
      (await ask('call-wrap', token.anna)).status,
      (await ask('chat-1', token.anna)).status,
      (await ask('call-en')).status,
    ];

    expect(statuses).toEqual([403, 403, 404, 409, 400, 401]);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
  });

  it('answers 409 where the deployment has no Transcribe streaming (the local runtime)', async () => {
    const agent = await local.issuer.issue(principal('acme', 'anna', 'agent'));

    const res = await ask('call-local', agent, createApp(local.deps, local.services));

    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ detail: expect.stringContaining('no Amazon Transcribe streaming') });
  });

  it('limits requests per call and minute (429), counted under the call', async () => {
    const hits: string[] = [];
    const limited = createApp({ ...ctx.deps, rateLimiter: { hit: async (_tenantId, key, limit) => (hits.push(`${key}/${limit.max}`), { allowed: false, count: limit.max + 1, retryAfterSeconds: 30 }) } }, ctx.services);

    const res = await ask('call-en', token.anna, limited);

    expect(res.status).toBe(429);
    expect(hits).toEqual([`transcription-credentials#call-en/${STREAMING_CREDENTIALS_LIMIT.max}`]);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
  });

  it('answers a refused AssumeRole as a 500 that shows no AWS detail', async () => {
    sts.on(AssumeRoleCommand).rejects(Object.assign(new Error('User: arn:aws:sts::123456789012:assumed-role/x is not authorized'), { name: 'AccessDenied' }));

    const res = await ask('call-en', token.anna);

    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('arn:aws');
  });
});
