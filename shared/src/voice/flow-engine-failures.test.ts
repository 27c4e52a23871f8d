import { describe, expect, it } from 'vitest';
import { runFlow } from './flow-engine.ts';
import { agentConnected, CALL, callerHungUp, dialingState, keys, last, makeContext, makeFlow, MEETING, periodOver, play, started } from './testing.ts';
import type { CallEvent, CallStep } from './vocabulary.ts';

const spoken = (steps: readonly CallStep[]) => steps.map((s) => (s.type === 'say' ? s.speech.text : s.type === 'gather' ? `gather:${s.speech?.text ?? ''}` : s.type));
const queued = [started, keys('1')];
const failed = (step: CallStep['type'], error = 'boom'): CallEvent => ({ type: 'step-failed', step, error });
const types = (steps: readonly CallStep[]) => steps.map((s) => s.type);

describe('runFlow: failed steps', () => {
  it('switches to spoken holding when the hold prompt cannot be played, and stays spoken', () => {
    // Act
    const turns = play([...queued, failed('enqueue', 'audio not found'), { type: 'step-done', step: 'pause' }]);
    // Assert
    const broken = turns[2]!;
    expect(spoken(broken.steps)).toEqual(['Пожалуйста, оставайтесь на линии.', 'Нажмите 1, и мы вам перезвоним.', 'pause']);
    expect(broken.steps[2]).toEqual({ type: 'pause', ms: 30_000 });
    expect(broken.effects).toEqual([{ type: 'report', problem: 'step enqueue failed: audio not found' }]);
    expect(broken.state).toMatchObject({ holdBroken: true, phase: 'queued', awaiting: 'pause' });
    expect(types(last(turns).steps)).toEqual(['say', 'say', 'pause']);
  });

  it('says the position instead of the broken prompt when it is known, and still takes key 1', () => {
    // Arrange
    const context = makeContext({ position: { position: 2, estimatedWaitSeconds: 60, text: { ru: 'Вы второй.', en: 'You are second.' } } });
    // Act
    const turns = play([...queued, failed('enqueue'), { type: 'digits', digits: '1' }], { context });
    // Assert
    expect(spoken(turns[2]!.steps)[0]).toBe('Вы второй.');
    expect(last(turns).effects).toContainEqual(expect.objectContaining({ type: 'request-callback' }));
  });

  it('holds with speech when the agent hold prompt fails', () => {
    // Act
    const { steps, state } = last(play([...queued, agentConnected, { type: 'update-requested', reason: 'hold' }, failed('play')]));
    // Assert
    expect(spoken(steps)).toEqual(['Пожалуйста, оставайтесь на линии.', 'pause']);
    expect(state).toMatchObject({ phase: 'on-hold', holdBroken: true });
  });

  it('ends the call politely when steps keep failing, closing the waiting contact', () => {
    // Act
    const turns = play([...queued, failed('enqueue'), failed('pause'), failed('pause'), failed('pause'), failed('pause')]);
    // Assert
    expect(turns.slice(2, 6).every((t) => t.steps.some((s) => s.type === 'pause'))).toBe(true);
    expect(spoken(last(turns).steps)).toEqual(['Извините, произошла ошибка.', 'hang-up']);
    expect(last(turns).effects).toContainEqual({ type: 'abandon-contact', reason: 'the call ended after 5 failures in a row' });
  });

  it('counts failures in a row only: a finished step starts the count again', () => {
    // Act
    const turns = play([...queued, failed('enqueue'), failed('pause'), failed('pause'), { type: 'step-done', step: 'pause' }, failed('pause'), failed('pause')]);
    // Assert
    expect(last(turns).state).toMatchObject({ phase: 'queued', failures: 2 });
  });

  it('retries a failed say once without the voice id, then only hangs up', () => {
    // Act
    const turns = play([started, failed('say'), failed('say')]);
    // Assert
    expect(turns[1]!.steps).toEqual(turns[0]!.steps.map((s) => (s.type === 'say' || s.type === 'gather' ? { ...s, speech: { text: s.speech!.text, language: 'ru' } } : s)));
    expect(turns[1]!.state.plainVoice).toBe(true);
    expect(last(turns).steps).toEqual([{ type: 'hang-up', cause: 'normal' }]);
    expect(last(turns).effects).toEqual([expect.objectContaining({ type: 'report' })]);
  });

  it('abandons the waiting contact when speech fails for good while holding', () => {
    // Act
    const turns = play([...queued, periodOver(), failed('say'), failed('say')], { context: makeContext({ position: { position: 1, estimatedWaitSeconds: null, text: { ru: 'Вы первый.', en: 'First.' } } }) });
    // Assert
    expect(last(turns).effects).toContainEqual({ type: 'abandon-contact', reason: 'the call ended after a failure: step say failed: boom' });
  });

  it('apologises and goes back to holding when the connect fails', () => {
    // Act
    const turns = play([...queued, agentConnected, failed('connect', 'meeting gone'), callerHungUp]);
    // Assert
    const back = turns[3]!;
    expect(spoken(back.steps)).toEqual(['Извините, произошла ошибка.', 'enqueue']);
    expect(back.effects).toEqual([{ type: 'report', problem: 'step connect failed: meeting gone' }]);
    expect(back.state).toMatchObject({ phase: 'queued', contactStatus: 'waiting' });
    expect(back.state.agentId).toBeUndefined();
    expect(last(turns).effects).toEqual([{ type: 'abandon-contact', reason: 'caller hung up while waiting' }]);
  });

  it('returns to the agent hold, not the queue, when the connect of a resume fails', () => {
    // Act
    const turns = play([...queued, agentConnected, { type: 'update-requested', reason: 'hold' }, { type: 'update-requested', reason: 'resume' }, failed('connect'), callerHungUp]);
    // Assert
    const back = turns[5]!;
    expect(spoken(back.steps)).toEqual(['Извините, произошла ошибка.', 'play']);
    expect(back.state).toMatchObject({ phase: 'on-hold', contactStatus: 'connected', agentId: 'a1' });
    expect(last(turns).effects).toEqual([{ type: 'end-contact', reason: 'caller hung up' }]);
  });

  it('returns to the agent hold when the connect of a transfer fails, never abandoning the contact', () => {
    // Arrange
    const transfer: CallEvent = { type: 'update-requested', reason: 'agent-connected', agentId: 'a2', target: { kind: 'sip', uri: 'sip:a2@example.test' } };
    // Act
    const turns = play([...queued, agentConnected, transfer, failed('connect'), { type: 'invalid-response', error: 'refused' }]);
    // Assert
    expect(turns[4]!.state).toMatchObject({ phase: 'on-hold', contactStatus: 'connected', talked: true });
    expect(last(turns).effects.map((e) => e.type)).toEqual(['report', 'end-contact']);
  });

  it('goes on with the rest of the answer when the recording cannot start', () => {
    // Arrange
    const flow = makeFlow({ recording: { enabled: true, consentPrompt: { ru: 'Разговор записывается.' } } });
    // Act
    const { steps, effects, state } = last(play([...queued, failed('start-recording')], { flow }));
    // Assert
    expect(types(steps)).toEqual(['enqueue']);
    expect(effects).toEqual([expect.objectContaining({ type: 'report' }), { type: 'recording-changed', recording: false }]);
    expect(state.recording).toBe(false);
  });

  it('apologises and hangs up when the voicemail cannot be recorded', () => {
    // Act
    const { steps, effects } = last(play([...queued, failed('record')], { context: makeContext({}, { sales: { open: false } }) }));
    // Assert
    expect(spoken(steps)).toEqual(['Извините, произошла ошибка.', 'hang-up']);
    expect(effects).toEqual([expect.objectContaining({ type: 'report' })]);
  });

  it('never leaves the line silent after a failure: a failed hang-up hangs up again, a failed step we did not issue brings the phase again', () => {
    // Act
    const hangUpFailed = last(play([...queued, periodOver('1'), { type: 'step-failed', step: 'hang-up', error: 'SystemException' }]));
    const notOurs = last(play([...queued, { type: 'step-failed', step: 'record', error: 'SystemException' }]));
    // Assert
    expect(hangUpFailed.steps).toEqual([{ type: 'hang-up', cause: 'normal' }]);
    expect(hangUpFailed.state.phase).not.toBe('ended');
    expect(types(notOurs.steps)).toEqual(['enqueue']);
    expect(notOurs.effects).toEqual([{ type: 'report', problem: 'step record failed: SystemException' }]);
  });

  it('ends when the hang-up step is done', () => {
    // Act
    const { steps, effects, state } = last(play([...queued, periodOver('1'), { type: 'step-done', step: 'hang-up' }]));
    // Assert
    expect(steps).toEqual([]);
    expect(effects).toEqual([]);
    expect(state).toMatchObject({ phase: 'ended', endedBy: 'flow' });
    expect(state.awaiting).toBeUndefined();
  });

  it('apologises, hangs up and reports when the provider refuses the answer, and hangs up again rather than answer nothing', () => {
    // Act
    const turns = play([...queued, { type: 'invalid-response', error: 'bad action' }, { type: 'invalid-response', error: 'again' }, { type: 'invalid-response', error: 'still' }]);
    // Assert
    expect(spoken(turns[2]!.steps)).toEqual(['Извините, произошла ошибка.', 'hang-up']);
    expect(turns[2]!.effects).toEqual([{ type: 'report', problem: 'the provider refused the answer: bad action' }, { type: 'abandon-contact', reason: 'the call ended after a failure: the provider refused the answer: bad action' }]);
    expect(turns[3]!.steps).toEqual([{ type: 'hang-up', cause: 'normal' }]);
    // The refused hang-up: nothing of ours runs, so an empty answer would leave the line silent.
    expect(last(turns)).toMatchObject({ steps: [{ type: 'hang-up', cause: 'normal' }], state: { phase: 'goodbye' } });
  });
});

describe('runFlow: interrupted and stale events', () => {
  it('answers nothing to the interruption an update caused (the new step runs)', () => {
    // Act
    const turns = play([...queued, agentConnected, { type: 'step-interrupted', step: 'enqueue' }, { type: 'step-interrupted' }]);
    // Assert
    expect(turns[3]!).toMatchObject({ steps: [], effects: [] });
    expect(turns[3]!.state.awaiting).toBe('connect');
    expect(last(turns).steps).toEqual([{ type: 'connect', target: MEETING }]);
  });

  it('expects the interruption of the old connect when the agent changes (a transfer), not of the new one', () => {
    // Arrange
    const other = { kind: 'sip' as const, uri: 'sip:agent2@example.test' };
    // Act
    const turns = play([...queued, agentConnected, { type: 'update-requested', reason: 'agent-connected', agentId: 'a2', target: other }, { type: 'step-interrupted', step: 'connect' }, { type: 'step-interrupted', step: 'connect' }]);
    // Assert
    expect(turns[3]!.state).toMatchObject({ agentId: 'a2', target: other, replacedStep: 'connect' });
    expect(turns[4]!.steps).toEqual([]);
    expect(last(turns).steps).toEqual([{ type: 'connect', target: other }]);
  });

  it('issues the phase step again when it was cut short without a change', () => {
    // Act
    const menu = last(play([started, { type: 'step-interrupted', step: 'gather' }]));
    const holding = last(play([...queued, { type: 'step-interrupted', step: 'enqueue' }]));
    // Assert
    expect(spoken(menu.steps)).toEqual(['gather:Нажмите 1 — отдел продаж, 2 — техническая поддержка.']);
    expect(types(holding.steps)).toEqual(['enqueue']);
  });

  it('reports a stale event on a live call and answers no step, so the running one goes on', () => {
    // Act
    const doneTwice = last(play([...queued, periodOver(), { type: 'step-done', step: 'gather', digits: '1' }]));
    const digitsWhileTalking = last(play([...queued, agentConnected, { type: 'digits', digits: '5' }]));
    // Assert
    expect(doneTwice.steps).toEqual([]);
    expect(doneTwice.effects).toEqual([{ type: 'report', problem: 'stale event in phase queued: step-done gather while awaiting enqueue' }]);
    expect(digitsWhileTalking).toMatchObject({ steps: [], effects: [{ type: 'report' }], state: { phase: 'connected' } });
  });

  it('apologises and hangs up on an event for an unknown call', () => {
    // Act
    const { steps, effects, state } = runFlow(periodOver(), undefined, makeFlow(), makeContext(), CALL);
    // Assert
    expect(spoken(steps)).toEqual(['Извините, произошла ошибка.', 'hang-up']);
    expect(effects).toEqual([{ type: 'report', problem: 'event step-done for a call without state' }]);
    expect(state).toMatchObject({ callId: 'call-1', phase: 'goodbye' });
  });

  it('repeats the first answer, without effects, when the first invocation is retried', () => {
    // Arrange
    const first = runFlow(started, undefined, makeFlow(), makeContext(), CALL);
    // Act
    const again = runFlow(started, first.state, makeFlow(), makeContext(), CALL);
    // Assert
    expect(again.steps).toEqual(first.steps);
    expect(again.effects).toEqual([]);
  });

  it('never throws: a broken flow becomes an apology attempt, a hang-up and a report', () => {
    // Arrange
    const broken = { ...makeFlow(), menu: null } as unknown as ReturnType<typeof makeFlow>;
    const [, enqueued] = play(queued);
    // Act
    const turn = runFlow(periodOver(), enqueued!.state, { ...broken, callback: null } as unknown as ReturnType<typeof makeFlow>, makeContext(), CALL);
    // Assert
    expect(turn.steps[turn.steps.length - 1]).toEqual({ type: 'hang-up', cause: 'normal' });
    expect(turn.effects[0]).toMatchObject({ type: 'report' });
    expect(turn.effects).toContainEqual(expect.objectContaining({ type: 'abandon-contact' }));
  });
});

describe('runFlow: outbound callbacks', () => {
  it('waits through the start and ringing, then introduces the call and joins the agent on answer', () => {
    // Act
    const turns = play([{ type: 'call-started', direction: 'outbound', from: '+74951234567', to: '+79161234567' }, { type: 'ringing' }, { type: 'answered' }], { state: dialingState() });
    // Assert
    expect(turns[0]).toMatchObject({ steps: [], effects: [] });
    expect(turns[1]!.state.rang).toBe(true);
    expect(spoken(last(turns).steps)).toEqual(['Здравствуйте! Это компания «Пример», вы просили перезвонить.', 'connect']);
    expect(last(turns).effects).toEqual([{ type: 'dial-result', result: 'answered' }]);
    expect(last(turns).state).toMatchObject({ phase: 'connected', contactStatus: 'connected', agentId: 'a1' });
  });

  it('says the consent and records after the connect when the flow records', () => {
    // Arrange
    const flow = makeFlow({ recording: { enabled: true, consentPrompt: { ru: 'Разговор записывается.' } } });
    // Act
    const { steps } = last(play([{ type: 'answered' }], { flow, state: dialingState() }));
    // Assert
    expect(spoken(steps)).toEqual(['Здравствуйте! Это компания «Пример», вы просили перезвонить.', 'Разговор записывается.', 'connect', 'start-recording']);
  });

  it.each([
    ['busy', [{ type: 'hang-up', leg: 'caller', cause: 'busy' }], 'busy'],
    ['no answer after ringing', [{ type: 'ringing' }, callerHungUp], 'no-answer'],
    ['a hang-up before any ring', [callerHungUp], 'failed'],
    ['a failed dial', [{ type: 'step-failed', step: 'connect', error: 'unreachable' }], 'failed'],
  ] as Array<[string, CallEvent[], string]>)('records the dial result of %s', (_name, events, result) => {
    // Act
    const turn = last(play(events, { state: dialingState() }));
    // Assert
    expect(turn.effects).toContainEqual({ type: 'dial-result', result });
    expect(turn.steps).toEqual([]);
    expect(turn.state.phase).toBe('ended');
  });

  it('waits through an interruption before the answer, and takes a refused answer as a failed dial it hangs up', () => {
    // Act
    const interrupted = last(play([{ type: 'step-interrupted' }], { state: dialingState() }));
    const refused = last(play([{ type: 'invalid-response', error: 'bad' }], { state: dialingState() }));
    // Assert
    expect(interrupted).toMatchObject({ steps: [], effects: [], state: { phase: 'dialing' } });
    expect(refused.effects).toContainEqual({ type: 'dial-result', result: 'failed' });
    expect(refused).toMatchObject({ steps: [{ type: 'hang-up', cause: 'normal' }], state: { phase: 'goodbye', endedBy: 'flow' } });
  });

  it('ends the contact when the customer hangs up while talking, and apologises on a failed connect', () => {
    // Act
    const hungUp = last(play([{ type: 'answered' }, callerHungUp], { state: dialingState() }));
    const connectFailed = last(play([{ type: 'answered' }, failed('connect')], { state: dialingState() }));
    // Assert
    expect(hungUp.effects).toEqual([{ type: 'end-contact', reason: 'caller hung up' }]);
    expect(spoken(connectFailed.steps)).toEqual(['Извините, произошла ошибка.', 'hang-up']);
    expect(connectFailed.effects.map((e) => e.type)).toEqual(['report', 'end-contact']);
  });
});
