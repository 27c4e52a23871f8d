import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, OUR_NUMBER, eventTypes, reply, sampleIds, scriptedHandler, testEmulator, waitFor, waitForEvent, wire } from './testing.ts';
import type { SmaEmulator } from './emulator.ts';
import type { CallActivity } from './call-model.ts';
import type { SmaAction, SmaEvent } from './sma-types.ts';

const pause = (ms: number): SmaAction => ({ Type: 'Pause', Parameters: { DurationInMilliseconds: String(ms) } });
const hangup = (): SmaAction => ({ Type: 'Hangup', Parameters: { SipResponseCode: '0' } });
let emulator: SmaEmulator | undefined;
afterEach(() => emulator?.dispose());

describe('SmaEmulator: inbound calls', () => {
  it('sends NEW_INBOUND_CALL with the documented call details', async () => {
    // Arrange
    const handler = scriptedHandler(() => reply([]));
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => handler.received.length, (n) => n === 1);
    // Assert
    const [event] = handler.received;
    const sample = wire<SmaEvent>('event-new-inbound-call');
    expect(Object.keys(event!).sort()).toEqual(Object.keys(sample).sort());
    expect(Object.keys(event!.CallDetails).sort()).toEqual(Object.keys(sample.CallDetails).sort());
    expect(event).toMatchObject({ SchemaVersion: '1.0', Sequence: 1, InvocationEventType: 'NEW_INBOUND_CALL', CallDetails: { TransactionId: callId } });
    expect(event!.CallDetails.Participants).toEqual([
      { CallId: 'leg-1', ParticipantTag: 'LEG-A', To: OUR_NUMBER, From: CUSTOMER, Direction: 'Inbound', StartTimeInMilliseconds: expect.stringMatching(/^\d+$/), Status: 'Connected' },
    ]);
  });

  it('numbers every invocation of a transaction one more than the last', async () => {
    // Arrange: three Pause rounds, then a Hangup
    const handler = scriptedHandler((_event, index) => reply(index < 3 ? [pause(1)] : [hangup()]));
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await waitForEvent(emulator, callId, 'HANGUP');
    // Assert
    expect(handler.received.map((e) => [e.Sequence, e.InvocationEventType])).toEqual([
      [1, 'NEW_INBOUND_CALL'],
      [2, 'ACTION_SUCCESSFUL'],
      [3, 'ACTION_SUCCESSFUL'],
      [4, 'ACTION_SUCCESSFUL'],
      [5, 'HANGUP'],
    ]);
    expect(call.ended).toMatchObject({ by: 'application', sipResponseCode: '0' });
  });

  it('keeps, replaces and erases TransactionAttributes as the answers say', async () => {
    // Arrange: set {a,b}; omit (keep); a different set (replace); {} (erase)
    const answers = [reply([pause(1)], { a: '1', b: '2' }), reply([pause(1)]), reply([pause(1)], { c: '3' }), reply([pause(1)], {}), reply([])];
    const handler = scriptedHandler((_event, index) => answers[index]);
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => handler.received.length, (n) => n === 5);
    // Assert
    expect(handler.received.map((e) => e.CallDetails.TransactionAttributes)).toEqual([undefined, { a: '1', b: '2' }, { a: '1', b: '2' }, { c: '3' }, undefined]);
    expect('TransactionAttributes' in handler.received[4]!.CallDetails).toBe(false);
    expect(emulator.get(callId).transactionAttributes).toBeUndefined();
  });

  it('runs Pause then SpeakAndGetDigits and reports only the gather, with the pressed digit as a string', async () => {
    // Arrange: the documented IVR answer (a 1 s pause, then the menu), at 1/1000 speed
    const ivr = wire<{ Actions: SmaAction[] }>('response-ivr-speak-and-get-digits');
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'NEW_INBOUND_CALL' ? ivr : reply([])));
    emulator = testEmulator(handler.invoke, { ids: sampleIds(), timing: { scale: 0.001 } });
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => emulator!.get(callId), (call) => call.heard.some((h) => h.kind === 'gather'));
    // Act
    emulator.pressDigits(callId, '2');
    const call = await waitForEvent(emulator, callId, 'ACTION_SUCCESSFUL');
    // Assert
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL', 'ACTION_SUCCESSFUL']);
    const success = handler.received[1]!;
    expect(success.ActionData).toEqual({ Type: 'SpeakAndGetDigits', Parameters: ivr.Actions[1]!.Parameters, ReceivedDigits: '2' });
    expect(success.CallDetails.TransactionAttributes).toEqual({ tenantId: 'acme-ru', contactId: 'ct-01J0Q8Z6K2V9', flowStep: 'main-menu' });
    expect(call.heard[1]).toMatchObject({ kind: 'speech', language: 'ru-RU', voice: 'Tatyana', text: expect.stringContaining('нажмите 1') });
  });

  it('fails a gather with InvalidDigitsReceived after every attempt times out, playing the failure prompt between attempts', async () => {
    // Arrange
    const gather: SmaAction = {
      Type: 'PlayAudioAndGetDigits',
      Parameters: { AudioSource: { Type: 'S3', BucketName: 'b', Key: 'ru/enter-order-number.wav' }, FailureAudioSource: { Type: 'S3', BucketName: 'b', Key: 'ru/invalid-input.wav' }, MinNumberOfDigits: 1, Repeat: 2, RepeatDurationInMilliseconds: 20 },
    };
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'NEW_INBOUND_CALL' ? reply([gather]) : reply([])));
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await waitForEvent(emulator, callId, 'ACTION_FAILED');
    // Assert
    expect(handler.received[1]!.ActionData).toMatchObject({ Type: 'PlayAudioAndGetDigits', Parameters: gather.Parameters, ErrorType: 'InvalidDigitsReceived' });
    expect(call.heard.map((h) => (h.kind === 'prompt' ? h.key : h.kind))).toEqual(['gather', 'ru/enter-order-number.wav', 'ru/invalid-input.wav', 'gather', 'ru/enter-order-number.wav']);
  });

  it('answers PlayAudio of an audio file it cannot read with ACTION_FAILED InvalidAudioSource', async () => {
    // Arrange: the documented hold answer; its hold music is not among the known prompts
    const hold = wire<{ Actions: SmaAction[] }>('response-queue-hold-play-audio');
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'NEW_INBOUND_CALL' ? hold : reply([])));
    emulator = testEmulator(handler.invoke, { ids: sampleIds() });
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitForEvent(emulator, callId, 'ACTION_FAILED');
    // Assert
    const failed = handler.received[1]!;
    expect(failed.ActionData).toEqual({ Type: 'PlayAudio', Parameters: hold.Actions[1]!.Parameters, ErrorType: 'InvalidAudioSource', ErrorMessage: expect.any(String) });
    expect(handler.received.map((e) => e.InvocationEventType)).toEqual(['NEW_INBOUND_CALL', 'ACTION_FAILED']);
  });

  it('sends HANGUP when the caller hangs up, stops the running action and ignores the answer', async () => {
    // Arrange: a long pause, and an answer to HANGUP that would speak if it were run
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'HANGUP' ? reply([{ Type: 'Speak', Parameters: { CallId: 'leg-1', Text: 'ignored' } }]) : reply([pause(60_000)])));
    emulator = testEmulator(handler.invoke);
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => emulator!.get(callId), (call) => call.currentAction === 'Pause');
    // Act
    emulator.hangUp(callId);
    const call = await waitFor(() => emulator!.get(callId), (c) => c.responses.length === 2);
    // Assert
    const hangupEvent = handler.received[1]!;
    expect(hangupEvent).toMatchObject({ Sequence: 2, InvocationEventType: 'HANGUP', ActionData: { Type: 'Hangup', Parameters: { SipResponseCode: '0', CallId: 'leg-1', ParticipantTag: 'LEG-A' } } });
    expect(hangupEvent.CallDetails.Participants[0]!.Status).toBe('Disconnected');
    expect(call).toMatchObject({ state: 'ended', ended: { by: 'caller' }, heard: [] });
    expect(call.responses[1]).toMatchObject({ sequence: 2, ignored: true });
  });

  it('tells listeners what the caller hears, the recording switches and the end of the call', async () => {
    // Arrange
    const actions: SmaAction[] = [
      { Type: 'StartCallRecording', Parameters: { CallId: 'leg-1', Track: 'BOTH', Destination: { Type: 'S3', Location: 'rec/acme' } } },
      { Type: 'Speak', Parameters: { CallId: 'leg-1', Text: 'Спасибо за звонок', LanguageCode: 'ru-RU', VoiceId: 'Tatyana' } },
      { Type: 'StopCallRecording', Parameters: { CallId: 'leg-1' } },
      hangup(),
    ];
    // StartCallRecording reports on its own; the null answer lets the list go on
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'NEW_INBOUND_CALL' ? reply(actions) : reply(null)));
    emulator = testEmulator(handler.invoke, { clock: { now: () => Date.UTC(2026, 11, 2, 19, 5, 7, 42) } });
    const feed: CallActivity[] = [];
    emulator.on((activity) => feed.push(activity));
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await waitForEvent(emulator, callId, 'HANGUP');
    // Assert
    expect(feed.filter((a) => a.type !== 'event-sent').map((a) => a.type)).toEqual(['recording', 'heard', 'recording', 'state', 'ended']);
    expect(feed.filter((a) => a.type === 'recording').map((a) => (a as { on: boolean }).on)).toEqual([true, false]);
    expect(feed.every((a) => a.callId === callId)).toBe(true);
    expect(call).toMatchObject({ recording: false, state: 'ended', heard: [{ kind: 'speech', text: 'Спасибо за звонок', language: 'ru-RU', voice: 'Tatyana' }] });
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL', 'ACTION_SUCCESSFUL', 'HANGUP']);
    expect(handler.received[1]!.ActionData).toEqual({
      Type: 'StartCallRecording',
      Parameters: actions[0]!.Parameters,
      CallRecordingDestination: { Type: 'S3', Location: 'rec/acme/2026/12/02/2026-12-02-19-05-07-042_tx-1_leg-1.wav' },
    });
  });
});
