import { afterEach, describe, expect, it } from 'vitest';
import { SmaEventSchema } from '@cc/shared/voice/sma/events';
import { CUSTOMER, OUR_NUMBER, eventTypes, reply, scriptedHandler, testEmulator, waitFor, waitForEvent } from './testing.ts';
import type { SmaEmulator } from './emulator.ts';
import type { SmaAction, SmaEvent } from './sma-types.ts';

let emulator: SmaEmulator | undefined;
afterEach(() => emulator?.dispose());

const music = (key: string): SmaAction => ({ Type: 'PlayAudio', Parameters: { CallId: 'leg-1', AudioSource: { Type: 'S3', BucketName: 'b', Key: key } } });

describe('SmaEmulator on the wire', () => {
  it('sends only events that the shared SMA event schema accepts', async () => {
    // Arrange: a call that goes through a refused answer, a failed action, an update with an interrupt, and a hang-up
    const handler = scriptedHandler((event: SmaEvent) => {
      switch (event.InvocationEventType) {
        case 'NEW_INBOUND_CALL':
          return { SchemaVersion: '1.0', Actions: [{ Type: 'Pause', Parameters: { DurationInMilliseconds: '0' } }] };
        case 'INVALID_LAMBDA_RESPONSE':
          return reply([music('missing.wav')], { step: 'hold' });
        case 'ACTION_FAILED':
          return reply([music('hold.wav')]);
        case 'CALL_UPDATE_REQUESTED':
          return reply([{ Type: 'Pause', Parameters: { DurationInMilliseconds: '1' } }]);
        default:
          return reply([]);
      }
    });
    emulator = testEmulator(handler.invoke, { timing: { promptDurationsMs: { 'hold.wav': 600_000 } } });
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => emulator!.get(callId), (call) => call.currentAction === 'PlayAudio');
    emulator.updateCall(callId, { reason: 'agent-connected' });
    await waitForEvent(emulator, callId, 'ACTION_SUCCESSFUL');
    emulator.hangUp(callId);
    // Act
    const call = await waitForEvent(emulator, callId, 'HANGUP');
    // Assert
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL', 'INVALID_LAMBDA_RESPONSE', 'ACTION_FAILED', 'CALL_UPDATE_REQUESTED', 'ACTION_INTERRUPTED', 'ACTION_SUCCESSFUL', 'HANGUP']);
    for (const event of handler.received) expect(SmaEventSchema.safeParse(event).error).toBeUndefined();
  });

  it('fails an action aimed at a leg the call does not have with InvalidActionParameter', async () => {
    // Arrange
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'NEW_INBOUND_CALL' ? reply([{ Type: 'Speak', Parameters: { CallId: 'someone-else', Text: 'Алло' } }]) : reply([])));
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await waitForEvent(emulator, callId, 'ACTION_FAILED');
    // Assert
    expect(handler.received[1]!.ActionData).toMatchObject({ Type: 'Speak', ErrorType: 'InvalidActionParameter' });
    expect(call.heard).toEqual([]);
  });

  it('fails Russian speech on the neural engine, which has no Russian voice', async () => {
    // Arrange
    const neural: SmaAction = { Type: 'Speak', Parameters: { CallId: 'leg-1', Text: 'Здравствуйте', Engine: 'neural', LanguageCode: 'ru-RU', VoiceId: 'Tatyana' } };
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'NEW_INBOUND_CALL' ? reply([neural]) : reply([])));
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await waitForEvent(emulator, callId, 'ACTION_FAILED');
    // Assert
    expect(handler.received[1]!.ActionData).toMatchObject({ Type: 'Speak', ErrorType: 'InvalidActionParameter', ErrorMessage: expect.stringContaining('standard') });
    expect(call.heard).toEqual([]);
  });
});
