import { describe, expect, it } from 'vitest';
import type { FlowContext } from './call-state.ts';
import { runFlow } from './flow-engine.ts';
import { agentConnected, agentLeft, CALL, callerHungUp, CUSTOMER, keys, last, later, makeContext, makeFlow, MEETING, periodOver, play, started } from './testing.ts';
import type { CallEvent, CallStep } from './vocabulary.ts';

const spoken = (steps: readonly CallStep[]) => steps.map((s) => (s.type === 'say' ? s.speech.text : s.type === 'gather' ? `gather:${s.speech?.text ?? ''}` : s.type));
const queued = [started, keys('1')];
const position: FlowContext['position'] = { position: 3, estimatedWaitSeconds: 120, text: { ru: 'Вы третий в очереди.', en: 'You are third in line.' } };
const recordingFlow = () => makeFlow({ recording: { enabled: true, consentPrompt: { ru: 'Разговор записывается.' } } });

describe('runFlow: holding in the queue', () => {
  it('announces the position and the callback offer after each period, then holds again', () => {
    // Act
    const { steps, effects, state } = last(play([...queued, periodOver()], { context: makeContext({ position }) }));
    // Assert
    expect(spoken(steps)).toEqual(['Вы третий в очереди.', 'Нажмите 1, и мы вам перезвоним.', 'enqueue']);
    expect(effects).toEqual([]);
    expect(state).toMatchObject({ phase: 'queued', awaiting: 'enqueue' });
  });

  it('announces the English position text in an English flow, and no offer when the flow offers no callback', () => {
    // Arrange
    const flow = makeFlow({ language: 'en', hold: { prompt: 'hold-music', announceEverySeconds: 60, offerCallback: false } });
    // Act
    const turns = play([...queued, periodOver()], { flow, context: makeContext({ position }) });
    // Assert
    expect(turns[1]!.steps).toEqual([{ type: 'enqueue', queueId: 'sales', holdPrompt: 'hold-music', periodSeconds: 60 }]);
    expect(last(turns).steps).toEqual([{ type: 'say', speech: { text: 'You are third in line.', language: 'en', voice: 'Joanna' } }, turns[1]!.steps[0]]);
  });

  it('turns key 1 into a callback request, keeping the waiting contact from being abandoned', () => {
    // Act
    const turns = play([...queued, periodOver('1'), callerHungUp]);
    // Assert
    expect(turns[2]!.effects).toEqual([{ type: 'request-callback', phone: CUSTOMER, queueId: 'sales' }]);
    expect(spoken(turns[2]!.steps)).toEqual(['Мы перезвоним вам в ближайшее время. До свидания!', 'hang-up']);
    expect(turns[2]!.state.phase).toBe('callback-confirm');
    expect(last(turns).effects).toEqual([]);
    expect(last(turns).state.phase).toBe('ended');
  });

  it('takes key 1 from the digit listener too, and ignores other keys', () => {
    // Act
    const viaListener = last(play([...queued, { type: 'digits', digits: '1' }]));
    const other = last(play([...queued, { type: 'digits', digits: '5' }]));
    const otherInStep = last(play([...queued, periodOver('7')]));
    // Assert
    expect(viaListener.effects).toEqual([{ type: 'request-callback', phone: CUSTOMER, queueId: 'sales' }]);
    expect(other).toMatchObject({ steps: [], effects: [] });
    expect(otherInStep.steps.map((s) => s.type)).toEqual(['enqueue']);
    expect(otherInStep.effects).toEqual([]);
  });

  it('sends the caller to voicemail after the queue maximum wait when it has no overflow', () => {
    // Arrange
    const at = (now: string, hasOverflow: boolean) => makeContext({ now }, { sales: { maxWaitSeconds: 300, hasOverflow } });
    const [, enqueued] = play(queued, { context: at(later(0), false) });
    // Act
    const early = runFlow(periodOver(), enqueued!.state, makeFlow(), at(later(299), false), CALL);
    const due = runFlow(periodOver(), enqueued!.state, makeFlow(), at(later(300), false), CALL);
    const overflow = runFlow(periodOver(), enqueued!.state, makeFlow(), at(later(900), true), CALL);
    // Assert
    expect(early.state.phase).toBe('queued');
    expect(spoken(due.steps)).toEqual(['Оставьте сообщение после сигнала.', 'record']);
    expect(due.state).toMatchObject({ phase: 'voicemail', contactStatus: 'waiting' });
    expect(overflow.state.phase).toBe('queued');
  });

  it('starts the recording when the caller is enqueued (the consent was in the greeting)', () => {
    // Act
    const { steps, effects } = last(play(queued, { flow: recordingFlow() }));
    // Assert
    expect(steps.map((s) => s.type)).toEqual(['start-recording', 'enqueue']);
    expect(effects).toEqual([{ type: 'enqueue-contact', queueId: 'sales', menuChoice: 'sales' }, { type: 'recording-changed', recording: true }]);
  });

  it('apologises and hangs up when the contact is removed from the queue, with no contact effect', () => {
    // Act
    const turns = play([...queued, { type: 'update-requested', reason: 'removed-from-queue' }, callerHungUp]);
    // Assert
    expect(spoken(turns[2]!.steps)).toEqual(['Извините, произошла ошибка.', 'hang-up']);
    expect(turns[2]!.effects).toEqual([]);
    expect(last(turns).effects).toEqual([]);
  });
});

describe('runFlow: the agent', () => {
  it('connects the caller to the agent target and stores the agent', () => {
    // Act
    const { steps, effects, state } = last(play([...queued, agentConnected]));
    // Assert
    expect(steps).toEqual([{ type: 'connect', target: MEETING }]);
    expect(effects).toEqual([]);
    expect(state).toMatchObject({ phase: 'connected', agentId: 'a1', target: MEETING, contactStatus: 'connected', awaiting: 'connect' });
  });

  it('stays with the agent when the provider reports the join as it succeeds', () => {
    // Act
    const joined = last(play([...queued, agentConnected, { type: 'step-done', step: 'connect' }]));
    // Assert: no survey, no goodbye, no effect until the agent leaves
    expect(joined.steps).toEqual([]);
    expect(joined.effects).toEqual([]);
    expect(joined.state).toMatchObject({ phase: 'connected', contactStatus: 'connected' });
  });

  it('starts the recording after the connect when it has not started yet', () => {
    // Arrange
    const [, enqueued] = play(queued, { flow: recordingFlow() });
    const notRecording = { ...enqueued!.state, recording: false };
    // Act
    const { steps, effects, state } = runFlow(agentConnected, notRecording, recordingFlow(), makeContext(), CALL);
    // Assert
    expect(steps).toEqual([{ type: 'connect', target: MEETING }, { type: 'start-recording', track: 'both' }]);
    expect(effects).toEqual([{ type: 'recording-changed', recording: true }]);
    expect(state.recording).toBe(true);
  });

  it('puts the caller on hold with the hold prompt and reconnects on resume', () => {
    // Act
    const turns = play([...queued, agentConnected, { type: 'update-requested', reason: 'hold' }, { type: 'step-done', step: 'play' }, { type: 'update-requested', reason: 'resume' }]);
    // Assert
    expect(turns[3]!.steps).toEqual([{ type: 'play', prompt: 'hold-music' }]);
    expect(turns[3]!.state.phase).toBe('on-hold');
    expect(turns[4]!.steps).toEqual([{ type: 'play', prompt: 'hold-music' }]);
    expect(last(turns).steps).toEqual([{ type: 'connect', target: MEETING }]);
    expect(last(turns).state.phase).toBe('connected');
  });

  it('stops the recording and runs the survey when the agent leaves', () => {
    // Act
    const turns = play([...queued, agentConnected, agentLeft], { flow: recordingFlow() });
    // Assert
    expect(spoken(last(turns).steps)).toEqual(['stop-recording', 'gather:Оцените разговор от 1 до 5.']);
    expect(last(turns).steps[1]).toMatchObject({ validDigits: '12345', maxDigits: 1 });
    expect(last(turns).effects).toEqual([{ type: 'recording-changed', recording: false }, { type: 'survey-asked', nps: false }]);
    expect(last(turns).state).toMatchObject({ phase: 'survey', recording: false, contactStatus: 'done' });
  });

  it('treats the agent leg hanging up like the agent leaving, and says goodbye without a survey', () => {
    // Arrange
    const flow = makeFlow({ survey: { enabled: false, prompt: { ru: 'Оцените' }, thanks: { ru: 'Спасибо' } } });
    // Act
    const { steps, effects, state } = last(play([...queued, agentConnected, { type: 'hang-up', leg: 'agent' }], { flow }));
    // Assert
    expect(spoken(steps)).toEqual(['До свидания!', 'hang-up']);
    expect(effects).toEqual([]);
    expect(state.phase).toBe('goodbye');
  });
});

describe('runFlow: the survey and the voicemail', () => {
  const surveyed = [...queued, agentConnected, agentLeft];

  it('stores a score 1–5 and thanks the caller', () => {
    // Act
    const { steps, effects, state } = last(play([...surveyed, keys('4')]));
    // Assert
    expect(effects).toEqual([{ type: 'store-survey', score: 4 }]);
    expect(spoken(steps)).toEqual(['Спасибо за оценку!', 'hang-up']);
    expect(state.surveyScore).toBe(4);
  });

  it('repeats the survey once after no or a wrong answer, then says goodbye without a score', () => {
    // Act
    const turns = play([...surveyed, keys('9'), keys('')]);
    // Assert
    expect(spoken(turns[4]!.steps)).toEqual(['gather:Оцените разговор от 1 до 5.']);
    expect(spoken(last(turns).steps)).toEqual(['До свидания!', 'hang-up']);
    expect(turns.flatMap((t) => t.effects).some((e) => e.type === 'store-survey')).toBe(false);
  });

  it('stores a voicemail left after the maximum wait, in the queue place', () => {
    // Arrange
    const context = makeContext({ now: later(600) }, { sales: { maxWaitSeconds: 60 } });
    const recording = { location: 'voicemail/call-1.wav', durationSeconds: 12 };
    // Act
    const [, enqueued] = play(queued);
    const voicemail = runFlow(periodOver(), enqueued!.state, makeFlow(), context, CALL);
    const stored = runFlow({ type: 'step-done', step: 'record', recording }, voicemail.state, makeFlow(), context, CALL);
    const hungUp = runFlow(callerHungUp, stored.state, makeFlow(), context, CALL);
    // Assert
    expect(voicemail.state.phase).toBe('voicemail');
    expect(stored.effects).toEqual([{ type: 'store-voicemail', phone: CUSTOMER, queueId: 'sales', recording }]);
    expect(spoken(stored.steps)).toEqual(['Спасибо, мы перезвоним.', 'hang-up']);
    expect(hungUp.effects).toEqual([]);
  });

  it('abandons the waiting contact when the caller hangs up during the voicemail without a recording', () => {
    // Arrange
    const context = makeContext({ now: later(600) }, { sales: { maxWaitSeconds: 60 } });
    const [, enqueued] = play(queued);
    const voicemail = runFlow(periodOver(), enqueued!.state, makeFlow(), context, CALL);
    // Act
    const bare = runFlow(callerHungUp, voicemail.state, makeFlow(), context, CALL);
    const withRecording = runFlow({ type: 'hang-up', leg: 'caller', recording: { location: 'vm.wav' } }, voicemail.state, makeFlow(), context, CALL);
    // Assert
    expect(bare.effects).toEqual([{ type: 'abandon-contact', reason: 'caller hung up while waiting' }]);
    expect(withRecording.effects).toEqual([{ type: 'store-voicemail', phone: CUSTOMER, queueId: 'sales', recording: { location: 'vm.wav' } }]);
  });
});

describe('runFlow: the voicemail while the contact still waits', () => {
  const context = makeContext({ now: later(600) }, { sales: { maxWaitSeconds: 60 } });
  const inVoicemail = () => runFlow(periodOver(), play(queued)[1]!.state, makeFlow(), context, CALL).state;

  it('still connects an agent who got the contact meanwhile', () => {
    // Act
    const { steps, state } = runFlow(agentConnected, inVoicemail(), makeFlow(), context, CALL);
    // Assert
    expect(steps).toEqual([{ type: 'connect', target: MEETING }]);
    expect(state).toMatchObject({ phase: 'connected', contactStatus: 'connected', replacedStep: 'record' });
  });

  it('lets the recording run when the contact is removed from the queue, and stores it as a voicemail', () => {
    // Act
    const removed = runFlow({ type: 'update-requested', reason: 'removed-from-queue' }, inVoicemail(), makeFlow(), context, CALL);
    const stored = runFlow({ type: 'step-done', step: 'record', recording: { location: 'vm.wav' } }, removed.state, makeFlow(), context, CALL);
    // Assert
    expect(removed).toMatchObject({ steps: [], effects: [], state: { phase: 'voicemail', contactStatus: 'done' } });
    expect(stored.effects).toEqual([{ type: 'store-voicemail', phone: CUSTOMER, queueId: 'sales', recording: { location: 'vm.wav' } }]);
  });
});

describe('runFlow: the caller hangs up', () => {
  const cases: Array<[string, CallEvent[], unknown[]]> = [
    ['in the menu', [started], []],
    ['while queued', queued, [{ type: 'abandon-contact', reason: 'caller hung up while waiting' }]],
    ['while connected', [...queued, agentConnected], [{ type: 'end-contact', reason: 'caller hung up' }]],
    ['while on hold', [...queued, agentConnected, { type: 'update-requested', reason: 'hold' }], [{ type: 'end-contact', reason: 'caller hung up' }]],
    ['in the survey', [...queued, agentConnected, agentLeft], []],
  ];

  it.each(cases)('%s: the call ends with the phase effect', (_name, events, effects) => {
    // Act
    const turn = last(play([...events, callerHungUp]));
    // Assert
    expect(turn.effects).toEqual(effects);
    expect(turn.steps).toEqual([]);
    expect(turn.state).toMatchObject({ phase: 'ended', endedBy: 'caller' });
  });

  it('in the voicemail of a closed queue: nothing to abandon, no contact waits', () => {
    // Act
    const turn = last(play([...queued, callerHungUp], { context: makeContext({}, { sales: { open: false } }) }));
    // Assert
    expect(turn.effects).toEqual([]);
    expect(turn.state.phase).toBe('ended');
  });

  it('answers nothing, and no effect twice, to anything after the end', () => {
    // Arrange
    const over = last(play([...queued, callerHungUp])).state;
    // Act
    const after = [callerHungUp, periodOver(), agentConnected, started].map((event) => runFlow(event, over, makeFlow(), makeContext(), CALL));
    // Assert
    expect(after.map((t) => [t.steps, t.effects])).toEqual(after.map(() => [[], []]));
  });
});
