// Conversation analytics on the whole local contact center (real stream, the simulator as the messenger): a chat is
// watched while live (an escalation request alerts the supervisors at once, once) and analysed when it ends, under
// the tenant's own saved rules; the alert goes by SMS to the tenant's recipients through the local outbox.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AnalyticsSettings } from '@cc/shared/analytics/settings';
import type { ContactAnalysisView, ConversationAlert } from '@cc/shared/analytics/values';
import type { Contact } from '@cc/shared/contacts/model';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { json } from '../../test/json.ts';
import { waitFor } from '../../test/live.ts';
import { scanEntity } from '../messaging/testing/harness.ts';

let center: RunningContactCenter;
const token: Record<'anna' | 'supervisor' | 'admin', string> = { anna: '', supervisor: '', admin: '' };

const call = (who: keyof typeof token, method: string, path: string, body?: unknown) =>
  fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token[who]}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const telegram = () => center.demo.channels.find((c) => c.type === 'telegram')!.channelId;
const contactsOf = async (channelId: string) => (await scanEntity<Contact>(center.deps, 'contact')).filter((c) => c.channelId === channelId);
const alerts = async () => (await json(await call('supervisor', 'GET', '/analytics/alerts'))).alerts as ConversationAlert[];

/** The customer writes; Anna accepts the chat that opens. */
async function connectedChat(persona: string, text: string): Promise<string> {
  const known = new Set((await contactsOf(telegram())).map((c) => c.contactId));
  await center.simulator.say(telegram(), persona, text);
  const offered = await waitFor(async () => (await contactsOf(telegram())).find((c) => !known.has(c.contactId) && c.status === 'offered'), 30_000);
  expect((await call('anna', 'POST', `/contacts/${offered.contactId}/accept`)).status).toBe(200);
  return offered.contactId;
}

async function endChat(contactId: string) {
  expect((await call('anna', 'POST', `/contacts/${contactId}/end`)).status).toBe(200);
  expect((await call('anna', 'POST', `/contacts/${contactId}/complete`, {})).status).toBe(200);
}

const analysisOf = (contactId: string) => waitFor(async () => {
  const response = await call('supervisor', 'GET', `/analytics/contacts/${contactId}`);
  return response.status === 200 ? ((await response.json()) as ContactAnalysisView) : undefined;
}, 30_000);

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
  for (const [who, prefix] of [['anna', 'anna'], ['supervisor', 'supervisor'], ['admin', 'admin']] as const) {
    const user = center.demo.users.find((u) => u.login.startsWith(prefix))!;
    token[who] = (await json(await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }) }))).token;
  }
  expect((await call('anna', 'PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
}, 120_000);
afterAll(() => center?.stop());

describe('conversation analytics on the stream', () => {
  it('alerts on an escalation request while the chat is live, once, and analyses the chat when it ends', async () => {
    // Arrange: a live chat
    const contactId = await connectedChat('ivan', 'Здравствуйте, у меня не работает доставка');
    await center.simulator.say(telegram(), 'ivan', 'Позовите руководителя, я хочу написать претензию!');
    // Act: the alert comes while the chat is live
    const live = await waitFor(async () => (await alerts()).find((a) => a.contactId === contactId), 20_000);
    const stillLive = await center.deps.contacts.get(center.demo.tenantId, contactId);
    expect((await call('anna', 'POST', `/contacts/${contactId}/messages`, { text: 'Здравствуйте! Сейчас разберёмся. До свидания!' })).status).toBeLessThan(300);
    await endChat(contactId);
    const analysis = await analysisOf(contactId);
    // Assert: live, with the customer's words; the close adds no second escalation alert
    expect(stillLive?.status).toBe('connected');
    expect(live).toMatchObject({ trigger: 'escalation_request', phase: 'live', queueId: stillLive?.queueId, agentId: 'u-agent-1', evidence: { speaker: 'customer', text: 'Позовите руководителя, я хочу написать претензию!' } });
    expect(analysis.flagged).toBe(true);
    expect(analysis.rulesVersion).toBe(0);
    expect(analysis.medium).toBe('chat');
    expect(analysis.segments.map((s) => s.speaker)).toEqual(['customer', 'customer', 'agent']);
    const escalation = analysis.findings.find((f) => f.category === 'escalation_request')!;
    expect(analysis.segments[escalation.segmentIndex]!.text.slice(escalation.span!.start, escalation.span!.end)).toBe(escalation.span!.text);
    expect((await alerts()).filter((a) => a.contactId === contactId && a.trigger === 'escalation_request')).toHaveLength(1);
    const search = await json(await call('supervisor', 'GET', '/analytics/conversations?category=escalation_request'));
    expect(search.entries.map((e: { contactId: string }) => e.contactId)).toContain(contactId);
  });

  it('keeps the tenant’s rules and thresholds (admins only, on the version read), analyses with them and sends the alert by SMS', async () => {
    // Arrange
    const before = (await json(await call('supervisor', 'GET', '/analytics/settings'))) as AnalyticsSettings;
    const body = { version: before.version, rules: [{ ruleId: 'romashka.consumer-watchdog', category: 'escalation_request', phrase: 'отзовик*' }], thresholds: { negativity: 1 }, alerts: { triggers: ['escalation_request'], live: false, recipients: [{ phone: '+79990001122' }] } };
    // Act
    const bySupervisor = await call('supervisor', 'PUT', '/analytics/settings', body);
    const clash = await call('admin', 'PUT', '/analytics/settings', { ...body, rules: [{ ...body.rules[0], ruleId: 'ru.escalation_request.manager.1' }] });
    const saved = await call('admin', 'PUT', '/analytics/settings', body);
    const stale = await call('admin', 'PUT', '/analytics/settings', body);
    const contactId = await connectedChat('olga', 'Напишу про вас на Отзовике');
    await endChat(contactId);
    const analysis = await analysisOf(contactId);
    const alert = await waitFor(async () => (await alerts()).find((a) => a.contactId === contactId && a.deliveries !== undefined), 20_000);
    // Assert
    expect(bySupervisor.status).toBe(403);
    expect(clash.status).toBe(400);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ version: before.version + 1, thresholds: { negativity: 1, profanity: before.thresholds.profanity } });
    expect(stale.status).toBe(409);
    expect(analysis.rulesVersion).toBe(before.version + 1);
    expect(analysis.findings.find((f) => f.category === 'escalation_request')).toMatchObject({ ruleId: 'romashka.consumer-watchdog', speaker: 'customer' });
    expect(alert).toMatchObject({ trigger: 'escalation_request', phase: 'closed', deliveries: [{ channel: 'sms', to: '+79990001122', status: 'sent' }] });
    const outbox = (await json(await fetch(`${center.baseUrl}/local/outbox`))) as { channel: string; recipient: string; text: string }[];
    expect(outbox.find((m) => m.recipient === '+79990001122')).toMatchObject({ channel: 'sms', text: expect.stringContaining('Отзовике') });
  });
});
