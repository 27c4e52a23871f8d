import { describe, expect, it } from 'vitest';
import { agentConnected, agentLeft, callerHungUp, keys, last, makeFlow, play, started } from './testing.ts';
import type { CallStep } from './vocabulary.ts';

const spoken = (steps: readonly CallStep[]) => steps.map((s) => (s.type === 'say' ? s.speech.text : s.type === 'gather' ? `gather:${s.speech?.text ?? ''}` : s.type));
const surveyed = [started, keys('1'), agentConnected, agentLeft];
const npsFlow = () => makeFlow({
  survey: {
    prompt: { ru: 'Оцените разговор от 1 до 5.', en: 'Rate the call from 1 to 5.' },
    thanks: { ru: 'Спасибо за оценку!', en: 'Thank you for your rating!' },
    nps: { enabled: true, prompt: { ru: 'Порекомендуете ли вы нас, от 0 до 10?', en: 'Would you recommend us, from 0 to 10?' } },
  },
});

describe('runFlow: the NPS question after the survey', () => {
  it('asks 0–10 after the score (two keys, # or a pause ends), stores the score at once and the NPS beside it', () => {
    // Act
    const turns = play([...surveyed, keys('4'), keys('10')], { flow: npsFlow() });
    // Assert
    expect(turns[3]!.effects).toContainEqual({ type: 'survey-asked', nps: true });
    const asked = turns[4]!;
    expect(asked.effects).toEqual([{ type: 'store-survey', score: 4 }]);
    expect(spoken(asked.steps)).toEqual(['gather:Порекомендуете ли вы нас, от 0 до 10?']);
    expect(asked.steps[0]).toMatchObject({ minDigits: 1, maxDigits: 2, validDigits: '0123456789' });
    expect(last(turns).effects).toEqual([{ type: 'store-survey', score: 4, nps: 10 }]);
    expect(spoken(last(turns).steps)).toEqual(['Спасибо за оценку!', 'hang-up']);
  });

  it('takes a single key as 0–9, repeats once after a wrong answer, and keeps the score when NPS goes unanswered', () => {
    expect(last(play([...surveyed, keys('5'), keys('0')], { flow: npsFlow() })).effects).toEqual([{ type: 'store-survey', score: 5, nps: 0 }]);
    // Act
    const turns = play([...surveyed, keys('3'), keys('42'), keys('')], { flow: npsFlow() });
    // Assert
    expect(spoken(turns[5]!.steps)).toEqual(['gather:Порекомендуете ли вы нас, от 0 до 10?']);
    expect(spoken(last(turns).steps)).toEqual(['Спасибо за оценку!', 'hang-up']);
    expect(turns.flatMap((t) => t.effects).filter((e) => e.type === 'store-survey')).toEqual([{ type: 'store-survey', score: 3 }]);
  });

  it('keeps the score of a caller who hangs up during the NPS question', () => {
    // Act
    const turns = play([...surveyed, keys('2'), callerHungUp], { flow: npsFlow() });
    // Assert
    expect(turns.flatMap((t) => t.effects).filter((e) => e.type === 'store-survey')).toEqual([{ type: 'store-survey', score: 2 }]);
    expect(last(turns).state.phase).toBe('ended');
  });

  it('asks no NPS when the flow has it off, and speaks it in English on an English call', () => {
    expect(last(play([...surveyed, keys('4')])).effects).toEqual([{ type: 'store-survey', score: 4 }]);
    const english = makeFlow({ ...npsFlow(), language: 'en' });
    const turns = play([...surveyed, keys('4')], { flow: english });
    expect(spoken(last(turns).steps)).toEqual(['gather:Would you recommend us, from 0 to 10?']);
  });
});
