// Achievement rules judged over a period's figures: thresholds, the team's best, qualification and timing.
import { describe, expect, it } from 'vitest';
import { metricById, type IntervalMetric } from '../metrics/catalog/index.ts';
import { BUILT_IN_RULES } from './built-in.ts';
import { earnedEarly, standing, winners, type AgentFigures } from './rules.ts';
import type { AchievementRuleContent } from './values.ts';

const metric = (id: string) => metricById(id) as IntervalMetric;
const rule = (id: keyof typeof BUILT_IN_RULES) => BUILT_IN_RULES[id];
const agent = (agentId: string, values: Record<string, number | null>): AgentFigures => ({ agentId, values: { contacts_handled: 3, ...values } });
const winnersOf = (r: AchievementRuleContent, team: AgentFigures[], closed = true) => winners(r, metric(r.metric), team, closed).map((w) => w.agentId);

describe('the built-in achievements', () => {
  it('gives «Библиотекарь» to agents who set a topic on every contact', () => {
    expect(winnersOf(rule('librarian'), [agent('anna', { wrap_up_topic_coverage: 100 }), agent('boris', { wrap_up_topic_coverage: 66.7 })])).toEqual(['anna']);
  });

  it('gives «Голкипер» to agents with no missed offer, never to one who handled nothing', () => {
    const team = [agent('anna', { missed_offers: 0 }), agent('boris', { missed_offers: 1 }), agent('vera', { missed_offers: 0, contacts_handled: 0 })];
    expect(winnersOf(rule('goalkeeper'), team)).toEqual(['anna']);
  });

  it('gives «Спикер» to the agent with the most conversation time, and to everyone tied for it', () => {
    expect(winnersOf(rule('speaker'), [agent('anna', { conversation_time: 1050 }), agent('boris', { conversation_time: 300 })])).toEqual(['anna']);
    expect(winnersOf(rule('speaker'), [agent('anna', { conversation_time: 600 }), agent('boris', { conversation_time: 600 })])).toEqual(['anna', 'boris']);
    expect(winnersOf(rule('speaker'), [agent('anna', { conversation_time: 0 })])).toEqual([]);
  });

  it('gives «Спринтер» only when the slowest answer was under four seconds', () => {
    const team = [agent('anna', { slowest_answer_time: 3.9 }), agent('boris', { slowest_answer_time: 4 }), agent('vera', { slowest_answer_time: null })];
    expect(winnersOf(rule('sprinter'), team)).toEqual(['anna']);
  });

  it('says why: the figure, the comparison, the threshold and the contacts handled', () => {
    const [win] = winners(rule('sprinter'), metric('slowest_answer_time'), [agent('anna', { slowest_answer_time: 2 })], true);
    expect(win!.why).toEqual({ metric: 'slowest_answer_time', value: 2, comparison: 'lt', threshold: 4, handled: 3 });
    const [top] = winners(rule('speaker'), metric('conversation_time'), [agent('anna', { conversation_time: 9 }), agent('boris', { conversation_time: 5 })], true);
    expect(top!.why).toEqual({ metric: 'conversation_time', value: 9, comparison: 'top', handled: 3, of: 2 });
  });
});

describe('when a rule is earned', () => {
  const volume: AchievementRuleContent = { ...rule('librarian'), metric: 'contacts_handled', comparison: 'gte', threshold: 5 };

  it('earns a growing figure reaching its threshold at once, and everything else only when the period closed', () => {
    expect(earnedEarly(volume, metric('contacts_handled'))).toBe(true);
    expect(winnersOf(volume, [agent('anna', { contacts_handled: 5 })], false)).toEqual(['anna']);
    for (const id of ['librarian', 'goalkeeper', 'speaker', 'sprinter'] as const) {
      expect(earnedEarly(rule(id), metric(rule(id).metric))).toBe(false);
      expect(winnersOf(rule(id), [agent('anna', { wrap_up_topic_coverage: 100, missed_offers: 0, conversation_time: 50, slowest_answer_time: 1 })], false)).toEqual([]);
    }
  });

  it('gives nothing for a rule switched off', () => {
    expect(winnersOf({ ...rule('goalkeeper'), enabled: false }, [agent('anna', { missed_offers: 0 })])).toEqual([]);
  });
});

describe('standing', () => {
  it('tells an agent whether they are on track, behind or still waiting for contacts', () => {
    const team = [agent('anna', { missed_offers: 0, conversation_time: 100 }), agent('boris', { missed_offers: 2, conversation_time: 200 }), agent('vera', { contacts_handled: 0, missed_offers: 0 })];
    expect(standing(rule('goalkeeper'), metric('missed_offers'), 'anna', team, false)).toEqual({ status: 'on-track', value: 0 });
    expect(standing(rule('goalkeeper'), metric('missed_offers'), 'boris', team, false)).toEqual({ status: 'behind', value: 2 });
    expect(standing(rule('goalkeeper'), metric('missed_offers'), 'vera', team, false).status).toBe('waiting');
    expect(standing(rule('speaker'), metric('conversation_time'), 'anna', team, false).status).toBe('behind');
    expect(standing(rule('speaker'), metric('conversation_time'), 'boris', team, false).status).toBe('on-track');
    expect(standing(rule('speaker'), metric('conversation_time'), 'anna', team, true).status).toBe('earned');
  });
});
