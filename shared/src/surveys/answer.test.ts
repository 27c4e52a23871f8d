import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../contacts/model.ts';
import { decideSurveyReply, parseSurveyAnswer, pendingStage } from './answer.ts';
import { surveyPayload } from './values.ts';

const sentAt = '2026-11-02T10:00:00.000Z';
const now = new Date('2026-11-02T10:05:00.000Z');
const asked = (nps: boolean, survey?: Contact['survey']): Pick<Contact, 'surveyRequest' | 'survey'> => ({ surveyRequest: { sentAt, via: 'messenger', nps, expiresAt: '2026-11-03T10:00:00.000Z' }, ...(survey && { survey }) });

describe('parseSurveyAnswer', () => {
  it.each([['5', 5], ['5!', 5], [' 4 ', 4], ['оценка 4', 4], ['Оценка: 3', 3], ['ставлю 5', 5], ['4 из 5', 4], ['моя оценка 2.', 2], ['score: 1', 1], ['My rating is 5', 5]])('reads «%s» as %i on the 1–5 question', (text, value) => {
    expect(parseSurveyAnswer('csi', { text })).toEqual({ stage: 'csi', value });
  });

  it.each(['спасибо', '5 минут жду', 'у меня 2 вопроса', '6', '0', '55', 'оценка', '', '4,5'])('does not read «%s» as an answer to the 1–5 question', (text) => {
    expect(parseSurveyAnswer('csi', { text })).toBeUndefined();
  });

  it('reads 0–10 on the NPS question, a survey button by its own question, and nothing when no question waits', () => {
    expect(parseSurveyAnswer('nps', { text: '10' })).toEqual({ stage: 'nps', value: 10 });
    expect(parseSurveyAnswer('nps', { text: '9/10' })).toEqual({ stage: 'nps', value: 9 });
    expect(parseSurveyAnswer('nps', { text: '0' })).toEqual({ stage: 'nps', value: 0 });
    expect(parseSurveyAnswer('nps', { text: 'ok', button: { payload: 'survey:csi:2' } })).toEqual({ stage: 'csi', value: 2 });
    expect(parseSurveyAnswer(undefined, { text: '5' })).toBeUndefined();
    expect(parseSurveyAnswer('csi', { button: { payload: 'queue:sales' }, text: 'Продажи' })).toBeUndefined();
    expect(parseSurveyAnswer('csi', { button: { payload: 'survey:csi:9' } })).toBeUndefined();
    expect(parseSurveyAnswer('csi', { button: { payload: 'survey:ces:2' } })).toBeUndefined();
  });

  it('reads every value of each scale from its button and from the bare number, and no value outside', () => {
    fc.assert(fc.property(fc.constantFrom('csi' as const, 'nps' as const), fc.integer({ min: -5, max: 99 }), (stage, value) => {
      const inScale = stage === 'csi' ? value >= 1 && value <= 5 : value >= 0 && value <= 10;
      const expected = inScale ? { stage, value } : undefined;
      expect(parseSurveyAnswer(stage, { text: String(value) })).toEqual(expected);
      expect(parseSurveyAnswer(undefined, { button: { payload: surveyPayload(stage, value) } })).toEqual(expected);
    }));
  });
});

describe('decideSurveyReply', () => {
  it('records the CSI answer, then asks NPS when enabled, then records NPS and thanks', () => {
    // Act
    const first = decideSurveyReply(asked(true), { text: '4' }, 'm1', now);
    // Assert
    expect(first).toEqual({ kind: 'answer', stage: 'csi', value: 4, next: 'nps', survey: { score: 4, answeredAt: now.toISOString(), via: 'messenger', ref: 'm1' } });
    const survey = first.kind === 'answer' ? first.survey : undefined;
    expect(pendingStage(asked(true, survey))).toBe('nps');
    const later = new Date('2026-11-02T10:06:00.000Z');
    expect(decideSurveyReply(asked(true, survey), { button: { payload: 'survey:nps:9' } }, 'm2', later)).toEqual({
      kind: 'answer', stage: 'nps', value: 9, next: 'thanks', survey: { score: 4, nps: 9, answeredAt: now.toISOString(), npsAnsweredAt: later.toISOString(), via: 'messenger', ref: 'm1', npsRef: 'm2' },
    });
    expect(decideSurveyReply(asked(false), { text: '5' }, 'm1', now)).toMatchObject({ kind: 'answer', next: 'thanks' });
  });

  it('keeps the first answer: a second press changes nothing, a redelivered one is known as such', () => {
    const survey = { score: 2, answeredAt: now.toISOString(), via: 'messenger' as const, ref: 'm1' };
    expect(decideSurveyReply(asked(false, survey), { button: { payload: 'survey:csi:5' } }, 'm2', now)).toEqual({ kind: 'repeat', redelivered: false });
    expect(decideSurveyReply(asked(false, survey), { button: { payload: 'survey:csi:2' } }, 'm1', now)).toEqual({ kind: 'repeat', redelivered: true });
    // Both answered: a typed number is an ordinary message again.
    expect(decideSurveyReply(asked(false, survey), { text: '5' }, 'm3', now)).toEqual({ kind: 'not-an-answer' });
  });

  it('ignores replies after the window, without a survey, and NPS answers nobody asked for', () => {
    expect(decideSurveyReply(asked(true), { text: '5' }, 'm1', new Date('2026-11-03T10:00:01.000Z'))).toEqual({ kind: 'not-an-answer' });
    expect(decideSurveyReply({}, { text: '5' }, 'm1', now)).toEqual({ kind: 'not-an-answer' });
    expect(decideSurveyReply(asked(false), { button: { payload: 'survey:nps:10' } }, 'm1', now)).toEqual({ kind: 'not-an-answer' });
    expect(decideSurveyReply(asked(true), { text: 'когда доставка?' }, 'm1', now)).toEqual({ kind: 'not-an-answer' });
  });

  it('lets no sequence of replies change an answer once given (first answer wins)', () => {
    const reply = fc.record({ ref: fc.constantFrom('a', 'b', 'c', 'd'), text: fc.constantFrom('1', '3', '5', '9', '10', 'hi'), button: fc.option(fc.constantFrom('survey:csi:1', 'survey:csi:5', 'survey:nps:0', 'survey:nps:10'), { nil: undefined }) });
    fc.assert(fc.property(fc.boolean(), fc.array(reply, { maxLength: 12 }), (nps, replies) => {
      let contact = asked(nps);
      const firsts: { score?: number; nps?: number } = {};
      for (const r of replies) {
        const decision = decideSurveyReply(contact, { text: r.text, ...(r.button && { button: { payload: r.button } }) }, r.ref, now);
        if (decision.kind !== 'answer') continue;
        if (decision.stage === 'csi') expect(firsts.score).toBeUndefined();
        else expect(firsts.nps).toBeUndefined();
        firsts[decision.stage === 'csi' ? 'score' : 'nps'] = decision.value;
        contact = { ...contact, survey: decision.survey };
      }
      expect(contact.survey?.score).toBe(firsts.score);
      expect(contact.survey?.nps).toBe(firsts.nps);
    }));
  });
});
