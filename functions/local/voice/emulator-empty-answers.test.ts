import { afterEach, describe, expect, it } from 'vitest';
import type { SmaEmulator } from './emulator.ts';
import { CUSTOMER, OUR_NUMBER, eventTypes, reply, scriptedHandler, testEmulator, waitFor, waitForEvent } from './testing.ts';
import type { SmaAction } from './sma-types.ts';

const pause = (ms: number): SmaAction => ({ Type: 'Pause', Parameters: { DurationInMilliseconds: String(ms) } });
const speak = (text: string): SmaAction => ({ Type: 'Speak', Parameters: { CallId: 'leg-1', Text: text, LanguageCode: 'ru-RU' } });
/** The unanswered call's give-up, short for the tests (the service: 30 s). */
const UNANSWERED_MS = 40;
let emulator: SmaEmulator | undefined;
afterEach(() => emulator?.dispose());

describe('SmaEmulator: answers with no actions', () => {
  it('leaves a new call answered with no actions unanswered, and gives it up after the timeout with no HANGUP', async () => {
    // Arrange
    const handler = scriptedHandler(() => reply([]));
    emulator = testEmulator(handler.invoke, { timing: { unansweredTimeoutMs: UNANSWERED_MS } });
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await waitFor(() => emulator!.get(callId), (c) => c.state === 'ended');
    // Assert
    expect(call.ended).toMatchObject({ sipResponseCode: '480', by: 'service', reason: expect.stringContaining('timed out unanswered') });
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL']);
    expect(call.heard).toEqual([]);
  });

  it('answers the call with the first action that runs, so an update within the timeout keeps it', async () => {
    // Arrange: nothing to do at first; an update then plays a pause longer than the give-up timeout
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'CALL_UPDATE_REQUESTED' ? reply([pause(UNANSWERED_MS * 3)]) : reply([])));
    emulator = testEmulator(handler.invoke, { timing: { unansweredTimeoutMs: UNANSWERED_MS } });
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitForEvent(emulator, callId, 'NEW_INBOUND_CALL');
    // Act
    emulator.updateCall(callId, { reason: 'agent-connected' });
    const call = await waitForEvent(emulator, callId, 'ACTION_SUCCESSFUL');
    // Assert
    expect(call.state).toBe('connected');
    expect(call.ended).toBeUndefined();
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL', 'CALL_UPDATE_REQUESTED', 'ACTION_SUCCESSFUL']);
  });

  it('keeps an answered call up in silence when the answer to its finished list has no actions, until the caller hangs up', async () => {
    // Arrange: the held call speaks once, then gets nothing to do; a second call, never answered, is the clock
    const handler = scriptedHandler((event) => {
      const held = event.CallDetails.TransactionId === 'tx-1';
      return held && event.InvocationEventType === 'NEW_INBOUND_CALL' ? reply([speak('Здравствуйте')]) : reply([]);
    });
    emulator = testEmulator(handler.invoke, { timing: { unansweredTimeoutMs: UNANSWERED_MS } });
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitForEvent(emulator, callId, 'ACTION_SUCCESSFUL');
    const clock = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    // Act: wait until the other call has been given up, longer than any timeout of the held one
    await waitFor(() => emulator!.get(clock.callId), (c) => c.state === 'ended');
    const waiting = emulator.get(callId);
    emulator.hangUp(callId);
    const after = await waitForEvent(emulator, callId, 'HANGUP');
    // Assert
    expect(waiting).toMatchObject({ state: 'connected', pendingActions: [] });
    expect(waiting.currentAction).toBeUndefined();
    expect(eventTypes(waiting)).toEqual(['NEW_INBOUND_CALL', 'ACTION_SUCCESSFUL']);
    expect(after.ended).toMatchObject({ by: 'caller' });
  });

  it('ignores the answer to HANGUP whole, its attributes too', async () => {
    // Arrange
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'HANGUP' ? reply([], { step: 'after the end' }) : reply([pause(60_000)], { step: 'holding' })));
    emulator = testEmulator(handler.invoke);
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => emulator!.get(callId), (c) => c.currentAction === 'Pause');
    // Act
    emulator.hangUp(callId);
    const call = await waitFor(() => emulator!.get(callId), (c) => c.responses.length === 2);
    // Assert
    expect(call.responses[1]).toMatchObject({ ignored: true });
    expect(call.transactionAttributes).toEqual({ step: 'holding' });
    expect(call.state).toBe('ended');
  });
});
