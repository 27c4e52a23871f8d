/**
 * Callbacks dialled through the local contact center: a supervisor files a callback, an agent accepts it, the
 * dialer places the call on the SMA emulator and the callee answers (joined to the agent's meeting) or is busy
 * (the attempt is recorded and the contact waits for another try). Every wait is on a condition, never on time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import type { CallView } from '../local/voice/call-model.ts';
import { signIn, waitFor } from '../../test/live.ts';

let center: RunningContactCenter;

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true, voiceTiming: { speechMsPerChar: 1, scale: 0.01 } });
}, 120_000);
afterAll(() => center?.stop());

const contact = (contactId: string) => center.deps.contacts.get(center.demo.tenantId, contactId);
const call = (callId: string): CallView => center.voice.emulator.get(callId);
const outboundTo = (phone: string) => center.voice.emulator.list().find((c) => c.direction === 'outbound' && c.legs.some((l) => l.To === phone));

async function user(login: string) {
  const found = center.demo.users.find((u) => u.login === login)!;
  const { token, user: profile } = await signIn(center.baseUrl, found);
  const api = (method: string, path: string, body?: unknown) => fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { userId: profile.userId, api };
}

/** A callback into support, offered to Анна and accepted by her: the outbound call it makes, once it rings. */
async function acceptedCallback(phone: string) {
  const supervisor = await user('supervisor@romashka.demo');
  const anna = await user('anna@romashka.demo');
  const res = await supervisor.api('POST', '/contacts', { queueId: 'support', channel: 'callback', callback: { phone } });
  expect(res.status).toBe(201);
  const { contactId } = (await res.json()) as { contactId: string };
  expect((await anna.api('PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
  const offered = await waitFor(async () => { const c = await contact(contactId); return c?.status === 'offered' ? c : undefined; });
  expect(offered.agentId).toBe(anna.userId);
  expect((await anna.api('POST', `/contacts/${contactId}/accept`)).status).toBe(200);
  const ringing = await waitFor(() => { const c = outboundTo(phone); return c?.state === 'ringing' && c.responses.length >= 2 ? c : undefined; });
  return { contactId, anna, callId: ringing.callId };
}

describe('callbacks, dialled on the local contact center', () => {
  it('dials the accepted callback from the tenant’s number; the callee answers and joins the agent’s meeting', async () => {
    const { contactId, anna, callId } = await acceptedCallback('+79160000001');
    expect(call(callId).legs[0]).toMatchObject({ From: center.demo.phoneNumbers[0]!.e164, To: '+79160000001', Direction: 'Outbound' });
    expect(call(callId).events.map((e) => e.type).slice(0, 2)).toEqual(['NEW_OUTBOUND_CALL', 'RINGING']);

    center.voice.emulator.answer(callId);
    const meetingId = await waitFor(() => call(callId).meetingId);
    expect(await center.deps.meetings.open(center.demo.tenantId, contactId)).toEqual({ meetingId });
    expect(call(callId).events.map((e) => e.type)).toContain('CALL_ANSWERED');
    const answered = await waitFor(async () => { const c = await contact(contactId); return c?.dialAttempts?.length ? c : undefined; });
    expect(answered.dialAttempts).toEqual([expect.objectContaining({ result: 'answered', callId })]);
    expect(answered.status).toBe('connected');
    expect(center.voice.emulator.list().filter((c) => c.direction === 'outbound' && c.legs.some((l) => l.To === '+79160000001'))).toHaveLength(1);
    center.voice.emulator.hangUp(callId);
    // Анна wraps up, so the next case finds her free.
    const ended = await waitFor(async () => { const c = await contact(contactId); return c && ['after-contact-work', 'closed'].includes(c.status) ? c : undefined; });
    if (ended.status === 'after-contact-work') expect((await anna.api('POST', `/contacts/${contactId}/complete`)).status).toBe(200);
  });

  it('records a busy callee, frees Анна and puts the callback back in its queue for a later try', async () => {
    const { contactId, anna, callId } = await acceptedCallback('+79160000002');
    center.voice.emulator.reject(callId, 'busy');
    const retried = await waitFor(async () => { const c = await contact(contactId); return c?.status === 'queued' ? c : undefined; });
    expect(retried.dialAttempts).toEqual([expect.objectContaining({ result: 'busy', callId })]);
    expect(Date.parse(retried.callback!.notBefore!)).toBeGreaterThan(Date.parse(retried.statusSince));
    expect(retried.history.map((h) => h.to).slice(-2)).toEqual(['transferred', 'queued']);
    const freed = await waitFor(async () => { const a = await center.deps.agents.get(center.demo.tenantId, anna.userId); return a?.load?.voice === 0 ? a : undefined; });
    expect(freed.status).toBe('available');
  });
});
