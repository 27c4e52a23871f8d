/**
 * Achievement rules judged over a period's figures, pure. A rule on a figure that only grows (a count, a sum of
 * seconds) compared upwards (`gte`, `gt`) is earned the moment it is reached; every other rule (a share, a
 * maximum, "none missed", the team's best) can still be lost until the period ends, so it is earned only then.
 */
import type { Formula } from '../metrics/formula.ts';
import type { AchievementRuleContent, AwardReason, Comparison, ProgressRow } from './values.ts';

/** The catalog facts a rule needs about its metric. */
export interface RuleMetric {
  formula: Formula;
  better?: 'higher' | 'lower';
}

/** One agent's figures over the period, by metric id; `contacts_handled` qualifies them. */
export interface AgentFigures {
  agentId: string;
  values: Readonly<Record<string, number | null | undefined>>;
}

export const HANDLED_METRIC = 'contacts_handled';

/** Whether the figure can only grow as the period goes on (a sum without subtracted terms). */
export const grows = (metric: RuleMetric): boolean => 'sum' in metric.formula && metric.formula.sum.every((term) => !term.startsWith('-'));

/** Whether the rule is earned as soon as its figure is reached, before the period ends. */
export const earnedEarly = (rule: Pick<AchievementRuleContent, 'comparison'>, metric: RuleMetric): boolean => grows(metric) && (rule.comparison === 'gte' || rule.comparison === 'gt');

export function compare(value: number, comparison: Exclude<Comparison, 'top'>, threshold: number): boolean {
  switch (comparison) {
    case 'gte': return value >= threshold;
    case 'gt': return value > threshold;
    case 'lte': return value <= threshold;
    case 'lt': return value < threshold;
  }
}

const handledOf = (figures: AgentFigures): number => figures.values[HANDLED_METRIC] ?? 0;
const valueOf = (rule: Pick<AchievementRuleContent, 'metric'>, figures: AgentFigures): number | null => figures.values[rule.metric] ?? null;

/** The agents who qualify (enough contacts handled) and have a figure. */
function contenders(rule: AchievementRuleContent, team: readonly AgentFigures[]) {
  return team.flatMap((figures) => {
    const value = valueOf(rule, figures);
    return handledOf(figures) >= rule.minHandled && value !== null ? [{ agentId: figures.agentId, value, handled: handledOf(figures) }] : [];
  });
}

/** The team's best figure among the contenders, or `undefined` when there is nothing worth a prize (no figure, or a best of 0 where higher is better). */
function teamBest(metric: RuleMetric, values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const best = metric.better === 'lower' ? Math.min(...values) : Math.max(...values);
  return metric.better !== 'lower' && best <= 0 ? undefined : best;
}

/**
 * Who earns the rule over `team`'s figures: everyone meeting the threshold, or for `top` everyone tied for the team's
 * best. `closed`: the period has ended; before that only a rule earned early can be given.
 */
export function winners(rule: AchievementRuleContent, metric: RuleMetric, team: readonly AgentFigures[], closed: boolean): { agentId: string; why: AwardReason }[] {
  if (!rule.enabled || (!closed && !earnedEarly(rule, metric))) return [];
  const qualified = contenders(rule, team);
  if (rule.comparison === 'top') {
    const best = teamBest(metric, qualified.map((c) => c.value));
    if (best === undefined) return [];
    return qualified.filter((c) => c.value === best).map((c) => ({ agentId: c.agentId, why: { metric: rule.metric, value: c.value, comparison: 'top', handled: c.handled, of: qualified.length } }));
  }
  const threshold = rule.threshold ?? 0;
  return qualified.filter((c) => compare(c.value, rule.comparison as Exclude<Comparison, 'top'>, threshold))
    .map((c) => ({ agentId: c.agentId, why: { metric: rule.metric, value: c.value, comparison: rule.comparison, threshold, handled: c.handled } }));
}

/** Where an agent stands on a rule in a period still going (the workspace card), given the whole team for `top`. */
export function standing(rule: AchievementRuleContent, metric: RuleMetric, agentId: string, team: readonly AgentFigures[], earned: boolean): Pick<ProgressRow, 'status' | 'value'> {
  const own = team.find((f) => f.agentId === agentId);
  const value = own ? valueOf(rule, own) : null;
  if (earned) return { status: 'earned', value };
  if (!own || handledOf(own) < rule.minHandled || value === null) return { status: 'waiting', value };
  if (rule.comparison === 'top') {
    const best = teamBest(metric, contenders(rule, team).map((c) => c.value));
    return { status: best !== undefined && value === best ? 'on-track' : 'behind', value };
  }
  return { status: compare(value, rule.comparison, rule.threshold ?? 0) ? 'on-track' : 'behind', value };
}

/** The metrics a set of rules needs read: theirs and the one that qualifies agents. */
export const metricsOfRules = (rules: readonly Pick<AchievementRuleContent, 'metric'>[], extra: readonly string[] = []): string[] => [...new Set([HANDLED_METRIC, ...rules.map((r) => r.metric), ...extra])];
