/**
 * Hand-built conversation analyses for QA tests (the engine's output shape, written with
 * `deps.analyses.save`): every category scored clean unless a test says otherwise.
 */
import { ANALYSIS_CATEGORIES, type AnalysisCategory, type AnalysisFinding, type AnalysisReason, type CategoryScore, type StoredConversationAnalysis } from '../analytics/values.ts';

/** What a test changes: findings and scores per category; reasons and `flagged` follow from the scores unless given. */
export interface AnalysisFixture extends Partial<Omit<StoredConversationAnalysis, 'scores'>> {
  contactId: string;
  scores?: Partial<Record<AnalysisCategory, Partial<CategoryScore>>>;
}

/** A stored analysis of `contactId`: a chat in `support` closed at noon UTC on 3 December 2026, unless the fixture says. */
export function makeAnalysis(fixture: AnalysisFixture): StoredConversationAnalysis {
  const scores = Object.fromEntries(ANALYSIS_CATEGORIES.map((category) => [category, { value: 0, unit: 'count', flagged: false, ...fixture.scores?.[category] } satisfies CategoryScore])) as Record<AnalysisCategory, CategoryScore>;
  const reasons: AnalysisReason[] = fixture.reasons ?? ANALYSIS_CATEGORIES.filter((c) => scores[c].flagged).map((category) => ({ category, value: scores[category].value }));
  const findings: AnalysisFinding[] = fixture.findings ?? [];
  const { scores: _scores, ...rest } = fixture;
  return {
    tenantId: 'tenant-a',
    queueId: 'support',
    channel: 'telegram',
    agentId: 'anna',
    closedAt: '2026-12-03T12:00:00.000Z',
    medium: 'chat',
    analysedAt: '2026-12-03T12:00:05.000Z',
    segmentCount: 6,
    rulesVersion: 1,
    findingCount: findings.length,
    language: 'ru',
    languageDetected: true,
    flagged: reasons.length > 0,
    ...rest,
    findings,
    scores,
    reasons,
  };
}
