import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, OUR_NUMBER, eventTypes, reply, sampleIds, scriptedHandler, testEmulator, waitFor, waitForEvent, wire } from './testing.ts';
import { CallNotFoundError, ThrottlingError } from './errors.ts';
import type { SmaEmulator } from './emulator.ts';
import type { SmaAction, SmaEvent } from './sma-types.ts';

const HOLD_MUSIC = 'ru/hold-music.wav';
const MEETING = '5f0e7c1b-2d3a-4e9f-8b6c-1a2b3c4d5e6f';
let emulator: SmaEmulator | undefined;
afterEach(() => emulator?.dispose());

describe('SmaEmulator: updates of a call in progress', () => {
  it('sends CALL_UPDATE_REQUESTED, interrupts the hold music and runs the new actions', async () => {
    // Arrange: the documented hold answer (speech, then hold music), then the documented join-meeting answer
    const hold = wire<{ Actions: SmaAction[] }>('response-queue-hold-play-audio');
    const join = wire<{ Actions: SmaAction[] }>('response-join-chime-meeting');
    const handler = scriptedHandler((event) => {
      if (event.InvocationEventType === 'NEW_INBOUND_CALL') return hold;
      if (event.InvocationEventType === 'CALL_UPDATE_REQUESTED') return join;
      return reply(null);
    });
    emulator = testEmulator(handler.invoke, { ids: sampleIds(), timing: { promptDurationsMs: { [HOLD_MUSIC]: 600_000 } }, meetings: (id) => id === MEETING });
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => emulator!.get(callId), (call) => call.currentAction === 'PlayAudio');
    // Act
    const answer = emulator.updateCall(callId, { command: 'join-meeting', meetingId: MEETING });
    const call = await waitForEvent(emulator, callId, 'ACTION_SUCCESSFUL', 2);
    // Assert
    expect(answer).toEqual({ TransactionId: callId });
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL', 'CALL_UPDATE_REQUESTED', 'ACTION_INTERRUPTED', 'ACTION_SUCCESSFUL', 'ACTION_SUCCESSFUL']);
    const [, update, interrupted, joined, recorded] = handler.received as SmaEvent[];
    expect(update!.ActionData).toEqual({ Type: 'CallUpdateRequest', Parameters: { Arguments: { command: 'join-meeting', meetingId: MEETING } } });
    expect(interrupted!.ActionData).toEqual({ Type: 'PlayAudio', Parameters: hold.Actions[1]!.Parameters });
    expect(joined!.ActionData).toMatchObject({ Type: 'JoinChimeMeeting' });
    expect(recorded!.ActionData).toMatchObject({ Type: 'StartCallRecording' });
    expect(recorded!.CallDetails.TransactionAttributes).toMatchObject({ flowStep: 'with-agent', agentId: 'ag-0042' });
    expect(call).toMatchObject({ meetingId: MEETING, recording: true, state: 'connected' });
    // What a local page joins the caller's audio with: the action's meeting and token
    expect(call.meeting).toEqual({ meetingId: MEETING, joinToken: join.Actions.find((a) => a.Type === 'JoinChimeMeeting')!.Parameters!.JoinToken });
  });

  it('lets a non-interruptible gather finish before the new actions, without reporting it', async () => {
    // Arrange: a menu that waits for a key, then an update answering with a short pause
    const menu: SmaAction = {
      Type: 'SpeakAndGetDigits',
      Parameters: { CallId: 'leg-1', SpeechParameters: { Text: 'Меню' }, FailureSpeechParameters: { Text: 'Ещё раз' }, MaxNumberOfDigits: 1, RepeatDurationInMilliseconds: 600_000 },
    };
    const handler = scriptedHandler((event) => {
      if (event.InvocationEventType === 'NEW_INBOUND_CALL') return reply([menu]);
      if (event.InvocationEventType === 'CALL_UPDATE_REQUESTED') return reply([{ Type: 'Pause', Parameters: { DurationInMilliseconds: '1' } }]);
      return reply(null);
    });
    emulator = testEmulator(handler.invoke);
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => emulator!.get(callId), (call) => call.currentAction === 'SpeakAndGetDigits');
    // Act: the update's answer arrives while the menu still waits; then the caller presses a key
    emulator.updateCall(callId, { reason: 'agent-connected' });
    await waitFor(() => emulator!.get(callId), (call) => call.responses.length === 2);
    const stillWaiting = emulator.get(callId);
    emulator.pressDigits(callId, '1');
    const call = await waitForEvent(emulator, callId, 'ACTION_SUCCESSFUL');
    // Assert
    expect(stillWaiting).toMatchObject({ currentAction: 'SpeakAndGetDigits', pendingActions: ['Pause'] });
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL', 'CALL_UPDATE_REQUESTED', 'ACTION_SUCCESSFUL']);
    expect(handler.received[2]!.ActionData).toMatchObject({ Type: 'Pause' });
  });

  it('fails JoinChimeMeeting with an unknown meeting as InvalidActionParameter', async () => {
    // Arrange
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'NEW_INBOUND_CALL' ? reply([{ Type: 'JoinChimeMeeting', Parameters: { JoinToken: 't', MeetingId: 'gone' } }]) : reply([])));
    emulator = testEmulator(handler.invoke, { meetings: () => false });
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitForEvent(emulator, callId, 'ACTION_FAILED');
    // Assert
    expect(handler.received[1]!.ActionData).toMatchObject({ Type: 'JoinChimeMeeting', ErrorType: 'InvalidActionParameter' });
    expect(emulator.get(callId).meetingId).toBeUndefined();
  });

  it('refuses an update of an unknown transaction', () => {
    emulator = testEmulator(scriptedHandler(() => reply([])).invoke);
    expect(() => emulator!.updateCall('tx-none', {})).toThrow(CallNotFoundError);
  });

  it('ends RecordAudio on # and reports where the recording went', async () => {
    // Arrange
    const record: SmaAction = { Type: 'RecordAudio', Parameters: { DurationInSeconds: '600', RecordingTerminators: ['#'], RecordingDestination: { Type: 'S3', BucketName: 'voicemail', Prefix: 'acme-ru' } } };
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'NEW_INBOUND_CALL' ? reply([record, { Type: 'Hangup', Parameters: {} }]) : reply(null)));
    emulator = testEmulator(handler.invoke);
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => emulator!.get(callId), (call) => call.currentAction === 'RecordAudio');
    // Act
    emulator.pressDigits(callId, '#');
    const call = await waitForEvent(emulator, callId, 'HANGUP');
    // Assert: RecordAudio reports on its own; the null answer keeps the Hangup that followed it
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL', 'ACTION_SUCCESSFUL', 'HANGUP']);
    expect(handler.received[1]!.ActionData).toEqual({ Type: 'RecordAudio', Parameters: record.Parameters, RecordingDestination: { Type: 'S3', BucketName: 'voicemail', Key: 'acme-ru/leg-1-1.wav' } });
    expect(call.ended).toMatchObject({ by: 'application' });
  });
  it('sends DIGITS_RECEIVED for keys matching a ReceiveDigits listener during hold, and drops the rest', async () => {
    // Arrange: listen for "<digit>#" while the hold music plays; the answer to DIGITS_RECEIVED speaks
    const listen: SmaAction = { Type: 'ReceiveDigits', Parameters: { InputDigitsRegex: '^\\d#$', InBetweenDigitsDurationInMilliseconds: 30, FlushDigitsDurationInMilliseconds: 5000 } };
    const music: SmaAction = { Type: 'PlayAudio', Parameters: { AudioSource: { Type: 'S3', BucketName: 'b', Key: HOLD_MUSIC } } };
    const handler = scriptedHandler((event) => {
      if (event.InvocationEventType === 'NEW_INBOUND_CALL') return reply([listen, music]);
      if (event.InvocationEventType === 'DIGITS_RECEIVED') return reply([{ Type: 'Speak', Parameters: { CallId: 'leg-1', Text: 'Перезвоним' } }]);
      return reply(null);
    });
    emulator = testEmulator(handler.invoke, { timing: { promptDurationsMs: { [HOLD_MUSIC]: 600_000 } } });
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => emulator!.get(callId), (call) => call.currentAction === 'PlayAudio');
    // Act
    emulator.pressDigits(callId, '12');
    await waitFor(() => emulator!.get(callId), (call) => call.unmatchedDigits.length === 1);
    emulator.pressDigits(callId, '5#');
    const call = await waitForEvent(emulator, callId, 'ACTION_SUCCESSFUL');
    // Assert
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL', 'DIGITS_RECEIVED', 'ACTION_INTERRUPTED', 'ACTION_SUCCESSFUL']);
    expect(handler.received[1]!.ActionData).toEqual({ Type: 'ReceiveDigits', Parameters: listen.Parameters, ReceivedDigits: '5#' });
    expect(handler.received[2]!.ActionData).toMatchObject({ Type: 'PlayAudio' });
    expect(call.unmatchedDigits).toEqual(['12']);
  });
  it('reports the recording when the caller hangs up during RecordAudio, before HANGUP', async () => {
    // Arrange: a voicemail that the caller ends by hanging up
    const record: SmaAction = { Type: 'RecordAudio', Parameters: { CallId: 'leg-1', DurationInSeconds: '600', RecordingTerminators: ['#'], RecordingDestination: { Type: 'S3', BucketName: 'voicemail' } } };
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'NEW_INBOUND_CALL' ? reply([record]) : reply([])));
    emulator = testEmulator(handler.invoke);
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    await waitFor(() => emulator!.get(callId), (call) => call.currentAction === 'RecordAudio');
    // Act
    emulator.hangUp(callId);
    const call = await waitForEvent(emulator, callId, 'HANGUP');
    // Assert
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL', 'ACTION_SUCCESSFUL', 'HANGUP']);
    const reported = handler.received[1]!;
    expect(reported.ActionData).toMatchObject({ Type: 'RecordAudio', RecordingDestination: { Type: 'S3', BucketName: 'voicemail', Key: 'leg-1-1.wav' } });
    expect(reported.CallDetails.Participants[0]!.Status).toBe('Disconnected');
    expect(call.responses.map((r) => r.ignored)).toEqual([undefined, true, true]);
  });
});

describe('SmaEmulator: outbound calls', () => {
  it('sends NEW_OUTBOUND_CALL with the arguments, then RINGING, and CALL_ANSWERED once answered', async () => {
    // Arrange
    const handler = scriptedHandler((event) => (event.InvocationEventType === 'CALL_ANSWERED' ? reply([{ Type: 'Speak', Parameters: { CallId: 'leg-1', Text: 'Здравствуйте', LanguageCode: 'ru-RU' } }]) : reply([])));
    emulator = testEmulator(handler.invoke);
    // Act
    const { transactionId } = emulator.createCall({ fromPhoneNumber: OUR_NUMBER, toPhoneNumber: CUSTOMER, argumentsMap: { purpose: 'callback' } });
    await waitForEvent(emulator, transactionId, 'RINGING');
    emulator.answer(transactionId);
    const call = await waitForEvent(emulator, transactionId, 'ACTION_SUCCESSFUL');
    // Assert
    expect(eventTypes(call)).toEqual(['NEW_OUTBOUND_CALL', 'RINGING', 'CALL_ANSWERED', 'ACTION_SUCCESSFUL']);
    const [created, , answered] = handler.received as SmaEvent[];
    expect(created!.ActionData).toEqual({ Type: 'CallCreateRequest', Parameters: { Arguments: { purpose: 'callback' } } });
    expect(created!.CallDetails.Participants[0]).toEqual({ CallId: 'leg-1', ParticipantTag: 'LEG-A', From: OUR_NUMBER, To: CUSTOMER, Direction: 'Outbound', StartTimeInMilliseconds: expect.any(String) });
    expect(answered!.CallDetails.Participants[0]!.Status).toBe('Connected');
    expect(call.heard).toEqual([expect.objectContaining({ kind: 'speech', text: 'Здравствуйте' })]);
  });

  it('sends HANGUP with 486 when the callee is busy', async () => {
    // Arrange
    const handler = scriptedHandler(() => reply([]));
    emulator = testEmulator(handler.invoke);
    const { transactionId } = emulator.createCall({ fromPhoneNumber: OUR_NUMBER, toPhoneNumber: CUSTOMER });
    // Act
    emulator.reject(transactionId, 'busy');
    const call = await waitForEvent(emulator, transactionId, 'HANGUP');
    // Assert
    expect(eventTypes(call)).toEqual(['NEW_OUTBOUND_CALL', 'RINGING', 'HANGUP']);
    expect(handler.received[2]!.ActionData).toMatchObject({ Type: 'Hangup', Parameters: { SipResponseCode: '486', ParticipantTag: 'LEG-A' } });
    expect(call).toMatchObject({ state: 'ended', ended: { by: 'callee', sipResponseCode: '486' } });
  });

  it('answers by itself after the configured delay', async () => {
    const handler = scriptedHandler(() => reply([]));
    emulator = testEmulator(handler.invoke, { timing: { autoAnswerMs: 5 } });
    const { transactionId } = emulator.createCall({ fromPhoneNumber: OUR_NUMBER, toPhoneNumber: CUSTOMER });
    const call = await waitForEvent(emulator, transactionId, 'CALL_ANSWERED');
    expect(call.state).toBe('connected');
  });

  it('throttles CreateSipMediaApplicationCall beyond one request a second', () => {
    // Arrange: a clock the test moves by hand
    let now = 1_000_000;
    emulator = testEmulator(scriptedHandler(() => reply([])).invoke, { clock: { now: () => now } });
    const create = () => emulator!.createCall({ fromPhoneNumber: OUR_NUMBER, toPhoneNumber: CUSTOMER });
    // Act / Assert
    create();
    expect(create).toThrow(ThrottlingError);
    now += 500;
    expect(create).toThrow(expect.objectContaining({ status: 429 }));
    now += 500;
    expect(create()).toEqual({ transactionId: expect.any(String) });
  });

  it('refuses more than 20 arguments, numbers we do not own and unknown inbound numbers', () => {
    emulator = testEmulator(scriptedHandler(() => reply([])).invoke, { createCallsPerSecond: 100 });
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']));
    expect(() => emulator!.createCall({ fromPhoneNumber: OUR_NUMBER, toPhoneNumber: CUSTOMER, argumentsMap: many })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => emulator!.createCall({ fromPhoneNumber: '+15550000000', toPhoneNumber: CUSTOMER })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => emulator!.startInbound({ from: CUSTOMER, to: '+15550000000' })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => emulator!.startInbound({ from: '8-900-123', to: OUR_NUMBER })).toThrow(expect.objectContaining({ status: 400 }));
  });
});
