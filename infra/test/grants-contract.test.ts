import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { lambdaCatalog } from '@cc/functions/catalog';
import { createApp } from '@cc/functions/http/app';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '@cc/functions/routing/testing';
import { createRoutingService } from '@cc/functions/routing/service';
import { createTestChannel, StreamPump } from '@cc/functions/messaging/testing/harness';
import { messagingReactions } from '@cc/functions/messaging/reactions';
import { createWebSocketHandler } from '@cc/functions/realtime/app';
import { visitorGateFor } from '@cc/functions/widget/visitor-gate';
import { ApiGatewayRealtimePush } from '@cc/functions/adapters/realtime/api-gateway-push';
import { KmsSecretCipher } from '@cc/functions/adapters/secrets/kms-cipher';
import type { ContactCenterStacks } from '../lib/contact-center.ts';
import { synthContactCenter } from './support.ts';

/**
 * IAM grants match the code: each catalog function's real code paths run over AWS clients recorded
 * with aws-sdk-client-mock, and every action they call must be granted to that function's role in
 * the synthesized template. DynamoDB goes to DynamoDB Local unrecorded (every profile holds
 * readWrite on the table); recorded are the clients whose grants differ per function.
 */
const IAM_ACTION: Record<string, string> = {
  PostToConnectionCommand: 'execute-api:ManageConnections',
  EncryptCommand: 'kms:Encrypt',
  DecryptCommand: 'kms:Decrypt',
};

/** Functions whose scenario is not written yet, with the reason; empty this set, never grow it quietly. */
const PENDING: Record<string, string> = {
  'routing-timers': 'its handler calls only DynamoDB and SQS SendMessage (re-queue), both granted by profile; scenario to follow',
};

const kms = mockClient(KMSClient);
const gateway = mockClient(ApiGatewayManagementApiClient);
/** The function whose code is running now, so each recorded call is charged to it. */
let running = 'setup';
const calls = new Map<string, Set<string>>();
const record = (command: string) => {
  if (!calls.has(running)) calls.set(running, new Set());
  calls.get(running)!.add(IAM_ACTION[command] ?? `unmapped:${command}`);
};
// An identity "KMS": enough for the code to round-trip its keys and secrets.
kms.on(EncryptCommand).callsFake((input: { Plaintext: Uint8Array }) => (record('EncryptCommand'), { CiphertextBlob: input.Plaintext }));
kms.on(DecryptCommand).callsFake((input: { CiphertextBlob: Uint8Array }) => (record('DecryptCommand'), { Plaintext: input.CiphertextBlob }));
gateway.on(PostToConnectionCommand).callsFake(() => (record('PostToConnectionCommand'), {}));

async function as<T>(name: string, run: () => Promise<T>): Promise<T> {
  // A function that ran counts as covered even when it called nothing recorded.
  if (!calls.has(name)) calls.set(name, new Set());
  running = name;
  try {
    return await run();
  } finally {
    running = 'setup';
  }
}

let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
const SHOP = 'https://shop.example';

/** One web chat conversation end to end, each step run by the function that runs it in AWS. */
async function driveWebChat() {
  ctx = await createRoutingTestDeps();
  ctx.deps.push = new ApiGatewayRealtimePush(new ApiGatewayManagementApiClient({ region: 'eu-central-1', endpoint: 'https://ws.example/live' }));
  ctx.deps.cipher = new KmsSecretCipher(new KMSClient({ region: 'eu-central-1' }), 'alias/cc-secrets');
  const app = createApp(ctx.deps);
  const pump = new StreamPump(ctx.deps, messagingReactions(ctx.deps));
  // Its own deps object: a separate Lambda process, which has not cached the tenant's widget key.
  const realtimeDeps = { ...ctx.deps };
  const ws = createWebSocketHandler(realtimeDeps, { visitors: visitorGateFor(realtimeDeps) });
  await createTestChannel(ctx.deps, { tenantId: 'acme', channelId: 'web-1', kind: 'webchat', defaultQueueId: 'support', settings: { allowedOrigins: [`${SHOP}/`] } });
  await ctx.deps.queues.put(makeTenantQueue('acme', 'support', { name: 'Поддержка' }));
  await ctx.deps.agents.put(makeAgentRecord('acme', 'agent-1', ['support'], { name: 'Анна', capacity: { voice: 0, chat: 2 } }));
  const agent = await ctx.issuer.issue({ tenantId: 'acme', userId: 'agent-1', roles: ['agent'], name: 'Анна', login: 'agent-1@acme' });
  const call = (path: string, init: { token?: string; body?: unknown; origin?: boolean } = {}) =>
    as('http-api', async () =>
      app.request(path, {
        method: 'POST',
        body: JSON.stringify(init.body ?? {}),
        headers: { 'content-type': 'application/json', ...(init.origin !== false && { origin: SHOP }), ...(init.token && { authorization: `Bearer ${init.token}` }) },
      }),
    );

  const visitor = (await (await call('/widget/web-1/sessions')).json()) as { token: string; conversationId: string };
  await call('/widget/web-1/prechat', { token: visitor.token, body: { name: 'Ольга', phone: '8 900 123-45-67', queueId: 'support' } });
  await call(`/widget/web-1/conversations/${visitor.conversationId}/messages`, { token: visitor.token, body: { clientMessageId: 'c-1', text: 'Здравствуйте' } });
  await as('stream-processor', () => pump.run());
  const conversation = await ctx.deps.messaging.getConversation('acme', visitor.conversationId);
  const contactId = conversation!.openContactId!;
  await as('stream-processor', () => createRoutingService(ctx.routing).routeContact('acme', contactId));
  await call(`/api/contacts/${contactId}/accept`, { token: agent, origin: false });
  const connect = (connectionId: string, query: Record<string, string>, origin?: string) =>
    as('realtime', () => ws({ requestContext: { routeKey: '$connect', eventType: 'CONNECT', connectionId }, queryStringParameters: query, headers: origin ? { Origin: origin } : {} }));
  const connected = [await connect('widget-1', { token: visitor.token }, SHOP), await connect('console-1', { token: agent })];
  const typing = [
    await call(`/widget/web-1/conversations/${visitor.conversationId}/typing`, { token: visitor.token }),
    await call(`/api/contacts/${contactId}/typing`, { token: agent, origin: false }),
  ];
  await call(`/api/contacts/${contactId}/messages`, { token: agent, origin: false, body: { text: 'Проверяю' } });
  await as('stream-processor', () => pump.run());
  await as('realtime', () => ws({ requestContext: { routeKey: '$disconnect', eventType: 'DISCONNECT', connectionId: 'widget-1' } }));
  return { typing: typing.map((res) => res.status), connected: connected.map((res) => (res as { statusCode: number }).statusCode) };
}

/** The actions granted to `name`'s execution role in the synthesized API stack. */
function grantedTo(stacks: ContactCenterStacks, api: Template, name: string): string[] {
  const fn = stacks.api.functions.get(name);
  if (!fn) throw new Error(`${name} is in functions/catalog.ts but not in the API stack`);
  const roleId = stacks.api.getLogicalId(fn.executionRole.node.defaultChild as CfnElement);
  return Object.values(api.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => (policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) => [s.Action].flat()));
}

describe('IAM grants match the code', () => {
  let stacks: ContactCenterStacks;
  let api: Template;
  let driven: Awaited<ReturnType<typeof driveWebChat>>;
  beforeAll(async () => {
    const synthesized = synthContactCenter();
    stacks = synthesized.stacks;
    api = synthesized.templates.api;
    driven = await driveWebChat();
  });
  afterAll(() => ctx?.table.drop());

  it('drives the sockets and the typing routes through the real push adapter', () => {
    expect(driven).toEqual({ typing: [202, 202], connected: [200, 200] });
    expect(calls.get('http-api')).toContain('execute-api:ManageConnections');
  });

  it.each(lambdaCatalog.map((definition) => definition.name))('grants %s every AWS action its code calls', (name) => {
    if (PENDING[name]) return void expect(PENDING[name]).toMatch(/\w/);
    const called = calls.get(name);
    expect(called, `add a scenario for ${name} to infra/test/grants-contract.test.ts`).toBeDefined();
    expect([...called!].filter((action) => action.startsWith('unmapped:')), 'map the SDK command to its IAM action').toEqual([]);
    const granted = grantedTo(stacks, api, name);
    expect([...called!].filter((action) => !granted.includes(action))).toEqual([]);
  });
});
