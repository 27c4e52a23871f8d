import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_CATEGORIES, type AnalysisCategory, type AnalysisPhrase, type AnalysisSearchEntry } from '../analytics/values.ts';
import { agentQualityReport, surveyFiguresOf, type AgentReportInput } from './agent-report.ts';

const entry = (contactId: string, agentId: string | undefined, categories: AnalysisCategory[] = [], phrases: AnalysisPhrase[] = []): AnalysisSearchEntry => ({
  contactId, queueId: 'support', channel: 'telegram', ...(agentId !== undefined && { agentId }), closedAt: '2026-12-02T10:00:00.000Z',
  language: 'ru', flagged: categories.length > 0, categories, loyaltyScore: 10, phrases,
});
const input = (over: Partial<AgentReportInput>): AgentReportInput => ({
  agentId: 'anna', from: '2026-12-01', to: '2026-12-03', timeZone: 'Europe/Moscow', evaluations: [], entries: [], surveys: { agent: {}, team: {} }, ...over,
});

describe('an agent’s quality report', () => {
  it('averages the scored evaluations per local day and leaves days without any empty', () => {
    // Arrange: 22:30 UTC on 1 December is already 2 December in Moscow; a null total counts but is not averaged.
    const evaluations = [
      { agentId: 'anna', evaluatedAt: '2026-12-01T22:30:00.000Z', total: 80 },
      { agentId: 'anna', evaluatedAt: '2026-12-02T09:00:00.000Z', total: 65 },
      { agentId: 'anna', evaluatedAt: '2026-12-02T10:00:00.000Z', total: null },
      { agentId: 'boris', evaluatedAt: '2026-12-02T10:00:00.000Z', total: 10 },
      { agentId: 'anna', evaluatedAt: '2026-11-30T10:00:00.000Z', total: 5 },
    ];
    // Act
    const report = agentQualityReport(input({ evaluations }));
    // Assert: 2 Dec (80 + 65) / 2 = 72.5; Boris's and November's are not Anna's report.
    expect(report.scores).toEqual([
      { date: '2026-12-01', average: null, evaluations: 0 },
      { date: '2026-12-02', average: 72.5, evaluations: 3 },
      { date: '2026-12-03', average: null, evaluations: 0 },
    ]);
    expect(report.totals).toMatchObject({ evaluations: 3, averageScore: 72.5 });
  });

  it('rates each category per 100 conversations for the agent against the whole team (hand-worked)', () => {
    // Arrange: Anna 4 conversations (profanity in 1, filler words in 2); Boris 4 (filler words in 1); one with no agent.
    const entries = [
      entry('a1', 'anna', ['profanity', 'filler_words']), entry('a2', 'anna', ['filler_words']), entry('a3', 'anna'), entry('a4', 'anna'),
      entry('b1', 'boris', ['filler_words']), entry('b2', 'boris'), entry('b3', 'boris'), entry('b4', 'boris'),
      entry('n1', undefined, ['negativity']),
    ];
    // Act
    const report = agentQualityReport(input({ entries }));
    // Assert: profanity 1/4 = 25 vs 1/8 = 12.5; filler words 2/4 = 50 vs 3/8 = 37.5; negativity was nobody's.
    expect(report.categories).toEqual([
      { category: 'profanity', agent: 25, team: 12.5, agentCount: 1, teamCount: 1 },
      { category: 'filler_words', agent: 50, team: 37.5, agentCount: 2, teamCount: 3 },
    ]);
    expect(report.totals).toMatchObject({ conversations: 4, flaggedConversations: 2, teamConversations: 8, teamFlaggedConversations: 3 });
  });

  it('lists the agent’s phrases summed over conversations, most said first, never the team’s', () => {
    const entries = [
      entry('a1', 'anna', ['profanity'], [{ category: 'profanity', text: 'блин', count: 2 }, { category: 'filler_words', text: 'как бы', count: 1 }]),
      entry('a2', 'anna', ['profanity'], [{ category: 'profanity', text: 'блин', count: 1 }, { category: 'filler_words', text: 'ну', count: 1 }]),
      entry('b1', 'boris', ['profanity'], [{ category: 'profanity', text: 'чёрт', count: 9 }]),
    ];
    const report = agentQualityReport(input({ entries }));
    expect(report.phrases).toEqual([
      { category: 'profanity', text: 'блин', count: 3, conversations: 2 },
      { category: 'filler_words', text: 'как бы', count: 1, conversations: 1 },
      { category: 'filler_words', text: 'ну', count: 1, conversations: 1 },
    ]);
  });

  it('computes CSAT, the satisfied share, NPS and the response rate as the reports do, and null without answers', () => {
    // Arrange: 4 ratings summing 17 (3 of them 4 or 5); 5 NPS answers, 3 promoters, 1 detractor; 10 sent, 6 answered.
    const measures = { surveys: 4, surveyScore: 17, satisfied: 3, npsAnswers: 5, promoters: 3, detractors: 1, surveysSent: 10, surveysAnswered: 6 };
    // Act / Assert
    expect(surveyFiguresOf(measures)).toEqual({ csat: 4.25, csatSatisfiedShare: 75, nps: 40, responseRate: 60, surveysAnswered: 6, npsAnswers: 5 });
    expect(surveyFiguresOf({})).toEqual({ csat: null, csatSatisfiedShare: null, nps: null, responseRate: null, surveysAnswered: 0, npsAnswers: 0 });
    expect(agentQualityReport(input({ surveys: { agent: measures, team: {} } })).surveys.team.nps).toBeNull();
  });

  it('never rates the agent above 100 per 100, and the team’s counts include the agent’s', () => {
    const arbitraryEntry = fc.record({
      agentId: fc.constantFrom('anna', 'boris', undefined),
      categories: fc.subarray([...ANALYSIS_CATEGORIES]),
    });
    fc.assert(fc.property(fc.array(arbitraryEntry, { maxLength: 40 }), (rows) => {
      const report = agentQualityReport(input({ entries: rows.map((r, i) => entry(`c${i}`, r.agentId, r.categories)) }));
      for (const rate of report.categories) {
        expect(rate.agent).toBeLessThanOrEqual(100);
        expect(rate.team).toBeLessThanOrEqual(100);
        expect(rate.teamCount).toBeGreaterThanOrEqual(rate.agentCount);
        expect(rate.teamCount).toBeGreaterThan(0);
      }
      expect(report.totals.teamConversations).toBe(rows.filter((r) => r.agentId !== undefined).length);
    }));
  });
});
