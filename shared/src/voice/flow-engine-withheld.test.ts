import { describe, expect, it } from 'vitest';
import type { CallState } from './call-state.ts';
import { runFlow } from './flow-engine.ts';
import { CALL, callerHungUp, CUSTOMER, keys, last, later, makeContext, makeFlow, NUMBER, periodOver, play } from './testing.ts';
import type { CallEvent, CallStep } from './vocabulary.ts';

const spoken = (steps: readonly CallStep[]) => steps.map((s) => (s.type === 'say' ? s.speech.text : s.type));
const from = (caller: string): CallEvent => ({ type: 'call-started', direction: 'inbound', from: caller, to: NUMBER });
const OFFER = 'Нажмите 1, и мы вам перезвоним.';
/** What a withheld or unusable caller number may look like on the wire. */
const WITHHELD = ['anonymous', 'Restricted', '', '+', '2001', '+0123456789'];

describe('runFlow: a caller whose number cannot be called back', () => {
  it.each(WITHHELD)('holds %j without the callback offer, and key 1 asks for nothing', (caller) => {
    // Arrange
    const queued = [from(caller), keys('1')];
    // Act
    const turns = play([...queued, periodOver(), periodOver('1'), { type: 'digits', digits: '1' }]);
    // Assert
    const [, enqueued, announced, keyInStep, keyFromListener] = turns;
    expect(enqueued!.steps.find((s) => s.type === 'enqueue')).not.toHaveProperty('acceptDigits');
    expect(spoken(announced!.steps)).not.toContain(OFFER);
    expect(spoken(announced!.steps)).toEqual(['enqueue']);
    expect(keyInStep!.effects).toEqual([]);
    expect(keyInStep!.state.phase).toBe('queued');
    expect(keyFromListener).toMatchObject({ steps: [], effects: [], state: { phase: 'queued' } });
  });

  it('keeps the offer for a caller with an E.164 number', () => {
    // Act
    const [, enqueued, announced] = play([from(CUSTOMER), keys('1'), periodOver()]);
    // Assert
    expect(enqueued!.steps.find((s) => s.type === 'enqueue')).toMatchObject({ acceptDigits: '1' });
    expect(spoken(announced!.steps)).toContain(OFFER);
  });

  it.each(['voicemail', 'callback'] as const)('says the closed message and goodbye instead of closed then=%s', (then) => {
    // Arrange
    const flow = makeFlow({ closed: { message: { ru: 'Сейчас мы не работаем.' }, then } });
    // Act
    const turn = last(play([from('anonymous'), keys('1')], { flow, context: makeContext({}, { sales: { open: false } }) }));
    // Assert
    expect(spoken(turn.steps)).toEqual(['Сейчас мы не работаем.', 'До свидания!', 'hang-up']);
    expect(turn.effects).toEqual([]);
    expect(turn.state).toMatchObject({ phase: 'closed', endedBy: 'flow' });
  });

  it('keeps holding past the maximum wait rather than taking a voicemail it could not return', () => {
    // Arrange
    const at = (seconds: number) => makeContext({ now: later(seconds) }, { sales: { maxWaitSeconds: 300 } });
    const [, enqueued] = play([from('anonymous'), keys('1')], { context: at(0) });
    // Act
    const due = runFlow(periodOver(), enqueued!.state, makeFlow(), at(300), CALL);
    // Assert
    expect(due.state).toMatchObject({ phase: 'queued', contactStatus: 'waiting' });
    expect(due.steps.map((s) => s.type)).toEqual(['enqueue']);
    expect(due.effects).toEqual([]);
  });

  it('reports a voicemail already being recorded instead of storing it with no number to dial', () => {
    // Arrange: a call that reached the voicemail before this rule (its state as stored then)
    const recording = { location: 'voicemail/call-1.wav', durationSeconds: 9 };
    const [, enqueued] = play([from('anonymous'), keys('1')]);
    const inVoicemail: CallState = { ...enqueued!.state, phase: 'voicemail', awaiting: 'record' };
    // Act
    const recorded = runFlow({ type: 'step-done', step: 'record', recording }, inVoicemail, makeFlow(), makeContext(), CALL);
    const hungUp = runFlow({ ...callerHungUp, recording } as CallEvent, inVoicemail, makeFlow(), makeContext(), CALL);
    // Assert
    for (const turn of [recorded, hungUp]) {
      expect(turn.effects.map((e) => e.type)).not.toContain('store-voicemail');
      expect(turn.effects).toContainEqual({ type: 'report', problem: expect.stringContaining('voicemail/call-1.wav') });
    }
  });
});
