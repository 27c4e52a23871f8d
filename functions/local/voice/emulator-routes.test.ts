import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, OUR_NUMBER, reply, scriptedHandler, testEmulator, waitFor } from './testing.ts';
import { EMULATOR_BODY_MAX_BYTES, voiceEmulatorRoutes } from './emulator-routes.ts';
import type { CallView } from './call-model.ts';
import type { SmaEmulator } from './emulator.ts';

let emulator: SmaEmulator | undefined;
afterEach(() => emulator?.dispose());

const gather = {
  Type: 'SpeakAndGetDigits',
  Parameters: { CallId: 'leg-1', SpeechParameters: { Text: 'Нажмите 1', LanguageCode: 'ru-RU' }, FailureSpeechParameters: { Text: 'Ещё раз' }, MinNumberOfDigits: 1, MaxNumberOfDigits: 1, RepeatDurationInMilliseconds: 60_000 },
};

function setup() {
  const handler = scriptedHandler((event) => (event.InvocationEventType === 'NEW_INBOUND_CALL' ? reply([gather]) : reply([])));
  emulator = testEmulator(handler.invoke);
  const app = voiceEmulatorRoutes(emulator);
  const post = (path: string, body?: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const getCall = async (callId: string) => (await (await app.request(`/local/voice/calls/${callId}`)).json()) as CallView;
  return { app, handler, post, getCall };
}

describe('emulator routes', () => {
  it('lists the numbers the emulator answers, for the phone page to dial', async () => {
    // Arrange
    emulator = testEmulator(scriptedHandler(() => reply([])).invoke);
    const app = voiceEmulatorRoutes(emulator, { numbers: () => new Set(['+74951234567', '+74950000001']) });
    // Act
    const res = await app.request('/local/voice/numbers');
    // Assert
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ numbers: [{ e164: '+74950000001' }, { e164: '+74951234567' }] });
  });

  it('places a call, presses a digit, reads it back and hangs up', async () => {
    // Arrange
    const { app, post, getCall } = setup();
    // Act
    const created = await post('/local/voice/calls', { from: CUSTOMER, to: OUR_NUMBER });
    const { callId } = (await created.json()) as { callId: string };
    await waitFor(() => emulator!.get(callId), (call) => call.currentAction === 'SpeakAndGetDigits');
    const pressed = await post(`/local/voice/calls/${callId}/digits`, { digits: '1' });
    await waitFor(() => emulator!.get(callId), (call) => call.events.length === 2);
    const hungUp = await post(`/local/voice/calls/${callId}/hangup`);
    await waitFor(() => emulator!.get(callId), (c) => c.responses.length === 3);
    const call = await getCall(callId);
    const list = (await (await app.request('/local/voice/calls')).json()) as { calls: CallView[] };
    // Assert
    expect(created.status).toBe(201);
    expect([pressed.status, hungUp.status]).toEqual([202, 202]);
    expect(call.events.map((e) => [e.sequence, e.type])).toEqual([
      [1, 'NEW_INBOUND_CALL'],
      [2, 'ACTION_SUCCESSFUL'],
      [3, 'HANGUP'],
    ]);
    expect(call.events[1]!.event.ActionData).toMatchObject({ ReceivedDigits: '1' });
    expect(call.heard).toContainEqual(expect.objectContaining({ kind: 'speech', text: 'Нажмите 1', language: 'ru-RU' }));
    expect(call.state).toBe('ended');
    expect(list.calls.map((c) => c.callId)).toEqual([callId]);
  });

  it('answers and rejects outbound calls', async () => {
    // Arrange
    const { post } = setup();
    const first = (await (await post('/local/voice/outbound-calls', { fromPhoneNumber: OUR_NUMBER, toPhoneNumber: CUSTOMER })).json()) as { SipMediaApplicationCall: { TransactionId: string } };
    const id = first.SipMediaApplicationCall.TransactionId;
    // Act
    const answered = await post(`/local/voice/calls/${id}/answer`);
    const again = await post(`/local/voice/calls/${id}/reject`, { reason: 'busy' });
    // Assert
    expect(answered.status).toBe(202);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    await waitFor(() => emulator!.get(id), (call) => call.state === 'connected');
  });

  it('updates a call, and throttles a second outbound call within the second with Retry-After', async () => {
    // Arrange
    const { post } = setup();
    const { callId } = (await (await post('/local/voice/calls', { from: CUSTOMER, to: OUR_NUMBER })).json()) as { callId: string };
    // Act
    const updated = await post(`/local/voice/calls/${callId}/update`, { arguments: { reason: 'agent-connected' } });
    const unknown = await post('/local/voice/calls/tx-404/update', { arguments: {} });
    const first = await post('/local/voice/outbound-calls', { fromPhoneNumber: OUR_NUMBER, toPhoneNumber: CUSTOMER });
    const second = await post('/local/voice/outbound-calls', { fromPhoneNumber: OUR_NUMBER, toPhoneNumber: CUSTOMER });
    // Assert
    expect(updated.status).toBe(202);
    expect(await updated.json()).toEqual({ SipMediaApplicationCall: { TransactionId: callId } });
    expect(unknown.status).toBe(404);
    expect([first.status, second.status]).toEqual([202, 429]);
    expect(second.headers.get('retry-after')).toBe('1');
    await waitFor(() => emulator!.get(callId), (call) => call.events.some((e) => e.type === 'CALL_UPDATE_REQUESTED'));
  });

  it.each([
    ['a number without a SIP rule', '/local/voice/calls', { from: CUSTOMER, to: '+15550000000' }, 404],
    ['a number that is not E.164', '/local/voice/calls', { from: '89001234567', to: OUR_NUMBER }, 400],
    ['a body that is not JSON', '/local/voice/calls', '{"from":', 400],
    ['a missing field', '/local/voice/calls', { from: CUSTOMER }, 400],
    ['an unknown call', '/local/voice/calls/tx-404/hangup', undefined, 404],
    ['a bad reject reason', '/local/voice/calls/tx-404/reject', { reason: 'angry' }, 400],
    ['an oversized body', '/local/voice/calls', { from: CUSTOMER, to: OUR_NUMBER, pad: 'x'.repeat(EMULATOR_BODY_MAX_BYTES) }, 413],
  ])('refuses %s', async (_name, path, body, status) => {
    // Arrange
    const { post } = setup();
    // Act
    const response = await post(path, body);
    // Assert
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toEqual(expect.any(String));
  });

  it.each([['12a'], ['1'.repeat(33)], ['']])('refuses the digits %j', async (digits) => {
    // Arrange
    const { post } = setup();
    const { callId } = (await (await post('/local/voice/calls', { from: CUSTOMER, to: OUR_NUMBER })).json()) as { callId: string };
    // Act
    const response = await post(`/local/voice/calls/${callId}/digits`, { digits });
    // Assert
    expect(response.status).toBe(400);
    expect(emulator!.get(callId).digitsPressed).toEqual([]);
  });

  it('answers 404 for an unknown call id and 400 for one that could not be an id', async () => {
    const { app } = setup();
    expect((await app.request('/local/voice/calls/tx-404')).status).toBe(404);
    expect((await app.request('/local/voice/calls/%20bad%20')).status).toBe(400);
  });
});
