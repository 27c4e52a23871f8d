// The survey's metric events: sent once, each answer once, `surveysAnswered` with the first answer only.
import { describe, expect, it } from 'vitest';
import type { Contact } from '../contacts/model.ts';
import { contactEvents } from './contact-events.ts';
import { evaluate } from './formula.ts';
import { METRIC_CATALOG } from './catalog/index.ts';
import { addMeasures, type Measures } from './values.ts';

const closed: Contact = {
  tenantId: 't1', contactId: 'c1', channel: 'telegram', queueId: 'support', agentId: 'anna', status: 'closed', statusSince: '2026-12-02T07:00:00.000Z',
  priority: 0, requiredSkills: [], enqueuedAt: '2026-12-02T06:50:00.000Z', createdAt: '2026-12-02T06:50:00.000Z', history: [], version: 7,
} as unknown as Contact;
const facts = { thresholdSeconds: () => 20, isOpen: () => true };
const sent = { ...closed, surveyRequest: { sentAt: '2026-12-02T07:00:01.000Z', via: 'messenger' as const, nps: true, expiresAt: '2026-12-03T07:00:01.000Z' }, version: 8 };
const rated = { ...sent, survey: { score: 4, answeredAt: '2026-12-02T07:01:00.000Z', via: 'messenger' as const, ref: 'm1' }, version: 9 };
const both = { ...rated, survey: { ...rated.survey, nps: 6, npsAnsweredAt: '2026-12-02T07:02:00.000Z', npsRef: 'm2' }, version: 10 };

describe('survey metric events', () => {
  it('counts the survey sent, the rating and the NPS answer each once, for the agent, queue and channel', () => {
    // Act
    const events = [...contactEvents(closed, sent, facts), ...contactEvents(sent, rated, facts), ...contactEvents(rated, both, facts), ...contactEvents(both, both, facts)];
    // Assert
    expect(events).toEqual([
      { id: 'c1#survey-sent', at: '2026-12-02T07:00:01.000Z', queueId: 'support', channel: 'telegram', agentId: 'anna', add: { surveysSent: 1 } },
      { id: 'c1#survey', at: '2026-12-02T07:01:00.000Z', queueId: 'support', channel: 'telegram', agentId: 'anna', add: { surveys: 1, surveyScore: 4, satisfied: 1, surveysAnswered: 1 } },
      { id: 'c1#nps', at: '2026-12-02T07:02:00.000Z', queueId: 'support', channel: 'telegram', agentId: 'anna', add: { npsAnswers: 1, promoters: 0, detractors: 1 } },
    ]);
  });

  it('counts one answered survey when both answers arrive at once, or an NPS answer alone', () => {
    const atOnce = contactEvents(sent, both, facts);
    expect(atOnce.map((e) => e.id)).toEqual(['c1#survey', 'c1#nps']);
    expect(atOnce.reduce((n, e) => n + (e.add.surveysAnswered ?? 0), 0)).toBe(1);
    const npsOnly = contactEvents(sent, { ...sent, survey: { nps: 10, answeredAt: '2026-12-02T07:03:00.000Z', via: 'messenger' } }, facts);
    expect(npsOnly).toEqual([expect.objectContaining({ id: 'c1#nps', add: { npsAnswers: 1, promoters: 1, detractors: 0, surveysAnswered: 1 } })]);
  });

  it('keeps reading stored answers with a score alone (before NPS)', () => {
    const old = { ...closed, survey: { score: 2, answeredAt: '2026-12-02T07:01:00.000Z', via: 'keypad' as const } };
    expect(contactEvents(closed, old, facts).map((e) => e.add)).toEqual([{ surveys: 1, surveyScore: 2, satisfied: 0, surveysAnswered: 1 }]);
  });
});

describe('survey formulas', () => {
  const formula = (id: string) => {
    const m = METRIC_CATALOG.find((x) => x.id === id);
    if (m?.source !== 'interval') throw new Error(id);
    return m.formula;
  };
  /** Ten NPS answers 0…9 plus a 10: promoters 9, 10; detractors 0–6. */
  const answers = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const measures = answers.reduce<Measures>((m, nps) => addMeasures(m, { npsAnswers: 1, promoters: nps >= 9 ? 1 : 0, detractors: nps <= 6 ? 1 : 0 }), { surveysSent: 20, surveysAnswered: 11, surveys: 4, surveyScore: 14, satisfied: 3 });

  it('computes NPS as promoters minus detractors over the NPS answers, −100…100, and CSAT on 1–5', () => {
    expect(evaluate(formula('nps'), measures)).toBeCloseTo(((2 - 7) / 11) * 100, 9);
    expect(evaluate(formula('nps'), { npsAnswers: 3, promoters: 3, detractors: 0 })).toBe(100);
    expect(evaluate(formula('nps'), { npsAnswers: 2, promoters: 0, detractors: 2 })).toBe(-100);
    expect(evaluate(formula('nps'), { surveys: 5, surveyScore: 25 })).toBeNull();
    expect(evaluate(formula('csat_average'), measures)).toBe(3.5);
    expect(evaluate(formula('csat_satisfied_share'), measures)).toBe(75);
  });

  it('computes the response rate as answered surveys among those sent', () => {
    expect(evaluate(formula('survey_response_rate'), measures)).toBe(55);
    expect(evaluate(formula('survey_response_rate'), { surveysAnswered: 1 })).toBeNull();
  });
});
