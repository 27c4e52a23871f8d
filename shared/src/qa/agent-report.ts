/**
 * One agent's quality report, pure: evaluation scores by local day, analytics categories per 100 conversations
 * beside the team's, the agent's most frequent problem phrases, and survey figures beside the team's. The service
 * reads the evaluations, search entries and survey measures; nothing here reads a table. docs/qa.md#agent-report.
 */
import { ANALYSIS_CATEGORIES, type AnalysisCategory, type AnalysisSearchEntry } from '../analytics/values.ts';
import { datesBetween, localDate } from '../calendar/values.ts';
import { INTERVAL_METRICS } from '../metrics/catalog/index.ts';
import { evaluate } from '../metrics/formula.ts';
import type { Measures } from '../metrics/values.ts';
import { AGENT_REPORT_TOP_PHRASES, type AgentCategoryRate, type AgentQualityReport, type AgentScorePoint, type AgentTopPhrase, type QaEvaluation, type SurveyFigures } from './values.ts';

/** What the report is made of: the period in the tenant's zone and everything read for it. */
export interface AgentReportInput {
  agentId: string;
  /** Local dates, inclusive. */
  from: string;
  to: string;
  timeZone: string;
  /** The agent's evaluations (others' and those outside the period are left out). */
  evaluations: readonly Pick<QaEvaluation, 'agentId' | 'evaluatedAt' | 'total'>[];
  /** The tenant's analysed conversations over the period; those without an agent are nobody's work and left out. */
  entries: readonly AnalysisSearchEntry[];
  /** Survey measures summed over the period: the agent's and the tenant's. */
  surveys: { agent: Measures; team: Measures };
}

const round = (value: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length, 1));
const per100 = (count: number, of: number): number => (of === 0 ? 0 : round((count * 100) / of, 1));

/** The scores of each day of the period, days without a scored evaluation `null`. */
function scoreSeries(input: AgentReportInput, evaluations: AgentReportInput['evaluations']): AgentScorePoint[] {
  const byDay = new Map<string, { scored: number[]; count: number }>();
  for (const evaluation of evaluations) {
    const day = localDate(evaluation.evaluatedAt, input.timeZone);
    const bucket = byDay.get(day) ?? { scored: [], count: 0 };
    bucket.count += 1;
    if (evaluation.total !== null) bucket.scored.push(evaluation.total);
    byDay.set(day, bucket);
  }
  return datesBetween(input.from, input.to).map((date) => ({ date, average: mean(byDay.get(date)?.scored ?? []), evaluations: byDay.get(date)?.count ?? 0 }));
}

function categoryCounts(entries: readonly AnalysisSearchEntry[]): Map<AnalysisCategory, number> {
  const counts = new Map<AnalysisCategory, number>();
  for (const entry of entries) for (const category of new Set(entry.categories)) counts.set(category, (counts.get(category) ?? 0) + 1);
  return counts;
}

/** The categories either side had, in catalogue order, per 100 of that side's conversations. */
function categoryRates(agent: readonly AnalysisSearchEntry[], team: readonly AnalysisSearchEntry[]): AgentCategoryRate[] {
  const mine = categoryCounts(agent);
  const theirs = categoryCounts(team);
  return ANALYSIS_CATEGORIES.filter((c) => mine.has(c) || theirs.has(c)).map((category) => {
    const agentCount = mine.get(category) ?? 0;
    const teamCount = theirs.get(category) ?? 0;
    return { category, agent: per100(agentCount, agent.length), team: per100(teamCount, team.length), agentCount, teamCount };
  });
}

/** The agent's phrases summed over conversations: most said first, then in most conversations, then alphabetically. */
function topPhrases(entries: readonly AnalysisSearchEntry[]): AgentTopPhrase[] {
  const phrases = new Map<string, AgentTopPhrase>();
  for (const entry of entries) {
    for (const phrase of entry.phrases) {
      const key = `${phrase.category}|${phrase.text}`;
      const known = phrases.get(key);
      if (known) {
        known.count += phrase.count;
        known.conversations += 1;
      } else phrases.set(key, { category: phrase.category, text: phrase.text, count: phrase.count, conversations: 1 });
    }
  }
  return [...phrases.values()]
    .sort((a, b) => b.count - a.count || b.conversations - a.conversations || a.text.localeCompare(b.text) || a.category.localeCompare(b.category))
    .slice(0, AGENT_REPORT_TOP_PHRASES);
}

/** The catalog's own formulas, so the report and `GET /api/reports` never disagree. */
const formulaOf = (id: string) => {
  const metric = INTERVAL_METRICS.find((m) => m.id === id);
  if (!metric) throw new Error(`The metric catalog has no interval metric "${id}"`);
  return metric.formula;
};
const SURVEY_FORMULAS = () => ({ csat: formulaOf('csat_average'), csatSatisfiedShare: formulaOf('csat_satisfied_share'), nps: formulaOf('nps'), responseRate: formulaOf('survey_response_rate') });

/** Survey figures from summed measures: CSAT on 1–5 to two decimals, the shares and NPS to one. */
export function surveyFiguresOf(measures: Measures): SurveyFigures {
  const formulas = SURVEY_FORMULAS();
  const figure = (formula: (typeof formulas)[keyof typeof formulas], digits: number) => {
    const value = evaluate(formula, measures);
    return value === null ? null : round(value, digits);
  };
  return {
    csat: figure(formulas.csat, 2),
    csatSatisfiedShare: figure(formulas.csatSatisfiedShare, 1),
    nps: figure(formulas.nps, 1),
    responseRate: figure(formulas.responseRate, 1),
    surveysAnswered: measures.surveysAnswered ?? 0,
    npsAnswers: measures.npsAnswers ?? 0,
  };
}

/** The agent's quality report over local days `from`–`to`. */
export function agentQualityReport(input: AgentReportInput): AgentQualityReport {
  const { agentId, from, to, timeZone } = input;
  const evaluations = input.evaluations.filter((e) => e.agentId === agentId && localDate(e.evaluatedAt, timeZone) >= from && localDate(e.evaluatedAt, timeZone) <= to);
  const team = input.entries.filter((e) => e.agentId !== undefined);
  const agent = team.filter((e) => e.agentId === agentId);
  return {
    agentId, from, to, timeZone,
    totals: {
      evaluations: evaluations.length,
      averageScore: mean(evaluations.flatMap((e) => (e.total === null ? [] : [e.total]))),
      conversations: agent.length,
      flaggedConversations: agent.filter((e) => e.flagged).length,
      teamConversations: team.length,
      teamFlaggedConversations: team.filter((e) => e.flagged).length,
    },
    scores: scoreSeries(input, evaluations),
    categories: categoryRates(agent, team),
    phrases: topPhrases(agent),
    surveys: { agent: surveyFiguresOf(input.surveys.agent), team: surveyFiguresOf(input.surveys.team) },
  };
}
