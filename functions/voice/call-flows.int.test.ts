/**
 * Whole calls through the local contact center: the SMA emulator dials the demo number, the real voice handler
 * answers, routing offers the call to an agent, and the stream joins the caller to the agent's meeting. Timings
 * are shortened; every wait is on a condition, never on time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import { CallFlowSchema } from '@cc/shared/voice/flow-config';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { demoCallFlow } from '../local/seed.ts';
import type { CallView } from '../local/voice/call-model.ts';
import { signIn, waitFor } from '../../test/live.ts';
import { callContactId } from './call-effects.ts';

let center: RunningContactCenter;
let demoNumber: string;
/** Calls of earlier tests, in order (the first is the abandoned one). */
const callIds: string[] = [];
const CLOSED_NUMBER = '+74950000001';

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true, voiceTiming: { speechMsPerChar: 1, scale: 0.01 } });
  demoNumber = center.demo.phoneNumbers[0]!.e164;
  // A number whose queue never opens: the closed-hours path at any hour of the test run.
  const { tenantId } = center.demo;
  await center.deps.queues.put({ tenantId, queueId: 'night', name: 'Ночная', priority: 0, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', businessHours: { weekly: {}, holidays: [] }, offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
  await center.deps.directory.putPhoneNumber({ tenantId, e164: CLOSED_NUMBER, name: 'Ночной', defaultQueueId: 'night' });
  const { menu: _menu, ...flow } = demoCallFlow();
  await center.deps.calls.putFlow(tenantId, CLOSED_NUMBER, CallFlowSchema.parse({ ...flow, queueId: 'night', closed: { ...flow.closed, then: 'voicemail' } }));
  center.voice.numbers.add(CLOSED_NUMBER);
}, 120_000);
afterAll(() => center?.stop());

const call = (callId: string): CallView => center.voice.emulator.get(callId);
const contact = (contactId: string) => center.deps.contacts.get(center.demo.tenantId, contactId);
const heardText = (callId: string) => call(callId).heard.flatMap((h) => (h.kind === 'speech' ? [h.text] : [])).join(' ');
const waiting = (callId: string) => call(callId).heard.some((h) => h.kind === 'prompt' && h.key === 'hold-music.wav');

async function agent(login: string) {
  const user = center.demo.users.find((u) => u.login === login)!;
  const { token, user: profile } = await signIn(center.baseUrl, user);
  const api = (method: string, path: string, body?: unknown) => fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { userId: profile.userId, api };
}

/** Dials the demo number through the emulator's HTTP API and presses `digit` at the menu. */
async function dialAndChoose(digit: string, to = demoNumber) {
  const res = await fetch(`${center.baseUrl}/local/voice/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '+79161234567', to }) });
  expect(res.status).toBe(201);
  const { callId } = (await res.json()) as { callId: string };
  if (digit) {
    await waitFor(() => call(callId).currentAction === 'SpeakAndGetDigits');
    center.voice.emulator.pressDigits(callId, digit);
  }
  return callId;
}

describe('phone calls, end to end on the local contact center', () => {
  it('greets in Russian, queues the caller in support on key 1 and, when the caller hangs up, counts an abandoned contact with its wait', async () => {
    const callId = await dialAndChoose('1');
    callIds.push(callId);
    expect(heardText(callId)).toContain('Для службы поддержки нажмите 1');
    const queued = await waitFor(async () => (await contact(callContactId(callId)))?.status === 'queued' && waiting(callId));
    expect(queued).toBe(true);
    center.voice.emulator.hangUp(callId);
    const abandoned = await waitFor(async () => { const c = await contact(callContactId(callId)); return c?.status === 'abandoned' ? c : undefined; });
    expect(abandoned).toMatchObject({ channel: 'voice', queueId: 'support', menuChoice: 'Поддержка', call: { callId, number: demoNumber, customer: '+79161234567' } });
    expect(abandoned.history.at(-1)).toMatchObject({ from: 'queued', to: 'abandoned' });
  });

  it('takes a callback request while holding: the callback keeps the caller’s place and the call ends politely', async () => {
    const callId = await dialAndChoose('1');
    await waitFor(() => call(callId).currentAction === 'PlayAudioAndGetDigits' && waiting(callId));
    const original = (await contact(callContactId(callId)))!;
    center.voice.emulator.pressDigits(callId, '1');
    await waitFor(() => call(callId).state === 'ended');
    const callback = await waitFor(() => contact(`cb-${callId}`));
    expect(callback).toMatchObject({ channel: 'callback', queueId: 'support', status: 'queued', enqueuedAt: original.enqueuedAt, callback: { phone: '+79161234567' } });
    expect((await contact(callContactId(callId)))!.status).toBe('closed');
    expect(heardText(callId)).toContain('Мы перезвоним вам');
    expect(call(callId).ended?.by).toBe('application');
    // Out of the way of the next test's agent, who would be offered this older contact first.
    await center.services.routing.commands.abandonContact(center.demo.tenantId, callback.contactId, 'test done');
  });

  it('leaves a voicemail when the queue is closed, as a callback contact agents see', async () => {
    const callId = await dialAndChoose('', CLOSED_NUMBER);
    await waitFor(() => call(callId).state === 'ended');
    expect(heardText(callId)).toContain('Сейчас мы не работаем');
    const voicemail = await waitFor(() => contact(`vm-${callId}`));
    expect(voicemail).toMatchObject({ channel: 'callback', queueId: 'night', status: 'queued', callback: { phone: '+79161234567' }, voicemail: { location: expect.any(String) } });
    // The same caller is the same customer on every call, and on the voicemail's callback.
    const earlier = (await contact(callContactId(callIds[0]!)))!;
    expect(voicemail.customerId).toEqual(expect.any(String));
    expect(voicemail.customerId).toBe(earlier.customerId);
  });

  it('connects an answering agent, and after the agent hangs up the caller rates the call 1–5 on the keypad', async () => {
    const anna = await agent('anna@romashka.demo');
    const callId = await dialAndChoose('1');
    expect((await anna.api('PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
    const offered = await waitFor(async () => { const c = await contact(callContactId(callId)); return c?.status === 'offered' ? c : undefined; });
    expect(offered.agentId).toBe(anna.userId);
    expect((await anna.api('POST', `/contacts/${offered.contactId}/accept`)).status).toBe(200);
    const meetingId = await waitFor(() => call(callId).meetingId);
    expect(await center.deps.meetings.open(center.demo.tenantId, offered.contactId)).toEqual({ meetingId });
    // The SMA reports the join at once; once that report is answered the caller still talks to the agent.
    await waitFor(() => call(callId).responses.length >= call(callId).events.length && call(callId).events.some((e) => e.type === 'ACTION_SUCCESSFUL' && JSON.stringify(e.event).includes('JoinChimeMeeting')));
    expect(heardText(callId)).not.toContain('оцените разговор');
    expect((await contact(offered.contactId))!.status).toBe('connected');
    // The call's contact carries the caller's customer: the agent holding it reads the profile and the history.
    expect(offered.customerId).toEqual(expect.any(String));
    const profile = await anna.api('GET', `/customers/${offered.customerId}`);
    expect(profile.status).toBe(200);
    expect(((await profile.json()) as { customer: unknown }).customer).toMatchObject({ channel: 'voice', phone: '+79161234567', externalId: '+79161234567' });
    const history = (await (await anna.api('GET', `/customers/${offered.customerId}/history`)).json()) as { contacts?: Contact[] };
    expect(history.contacts?.map((c) => c.contactId)).toContain(offered.contactId);

    expect((await anna.api('POST', `/contacts/${offered.contactId}/end`)).status).toBe(200);
    await waitFor(() => call(callId).currentAction === 'SpeakAndGetDigits' && heardText(callId).includes('оцените разговор'));
    center.voice.emulator.pressDigits(callId, '5');
    await waitFor(() => call(callId).state === 'ended');
    const rated = await waitFor(async () => { const c = await contact(offered.contactId); return c?.survey ? c : undefined; });
    expect(rated.survey).toMatchObject({ score: 5, via: 'keypad' });
    // Asked when the agent left: counted as a survey sent.
    expect(rated.surveyRequest).toMatchObject({ via: 'keypad', nps: false });
    expect(heardText(callId)).toContain('Спасибо за оценку');
    const statuses = (rated as Contact).history.map((h) => h.to);
    expect(statuses).toEqual(expect.arrayContaining(['queued', 'offered', 'connected']));
  });
});
