/**
 * The four achievements our first customers named, shipped to every tenant and configurable by its admins
 * (thresholds, period, points, names, switched off). A stored rule with the same id replaces the default.
 */
import type { AchievementRuleContent } from './values.ts';

export const BUILT_IN_RULES: Readonly<Record<'librarian' | 'goalkeeper' | 'speaker' | 'sprinter', AchievementRuleContent>> = {
  librarian: {
    name: { ru: 'Библиотекарь', en: 'Librarian' },
    description: { ru: 'Тематика указана у каждого обращения за день.', en: 'A topic set on every contact of the day.' },
    icon: 'book', metric: 'wrap_up_topic_coverage', comparison: 'gte', threshold: 100, period: 'day', minHandled: 1, points: 10, enabled: true,
  },
  goalkeeper: {
    name: { ru: 'Голкипер', en: 'Goalkeeper' },
    description: { ru: 'Ни одного пропущенного предложения или звонка за день.', en: 'Not one missed offer or call all day.' },
    icon: 'shield', metric: 'missed_offers', comparison: 'lte', threshold: 0, period: 'day', minHandled: 1, points: 10, enabled: true,
  },
  speaker: {
    name: { ru: 'Спикер', en: 'Speaker' },
    description: { ru: 'Больше всех в команде времени в разговорах с клиентами за день.', en: 'The most time in conversations with customers in the team today.' },
    icon: 'microphone', metric: 'conversation_time', comparison: 'top', period: 'day', minHandled: 1, points: 15, enabled: true,
  },
  sprinter: {
    name: { ru: 'Спринтер', en: 'Sprinter' },
    description: { ru: 'Каждое обращение дня принято быстрее чем за 4 секунды (в чатах — первый ответ).', en: 'Every contact of the day answered in under 4 seconds (for chats, the first reply).' },
    icon: 'bolt', metric: 'slowest_answer_time', comparison: 'lt', threshold: 4, period: 'day', minHandled: 1, points: 15, enabled: true,
  },
};

export type BuiltInRuleId = keyof typeof BUILT_IN_RULES;
export const BUILT_IN_RULE_IDS = Object.keys(BUILT_IN_RULES) as BuiltInRuleId[];
export const isBuiltInRule = (ruleId: string): ruleId is BuiltInRuleId => Object.hasOwn(BUILT_IN_RULES, ruleId);
