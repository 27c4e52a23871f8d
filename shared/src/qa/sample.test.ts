import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysisSearchEntry } from '../analytics/values.ts';
import { dailySample, sampleRank } from './sample.ts';

const entry = (contactId: string, agentId: string | undefined, flagged = false, minute = 0): AnalysisSearchEntry => ({
  contactId, queueId: 'support', channel: 'telegram', ...(agentId && { agentId }), closedAt: `2026-12-03T10:${String(minute).padStart(2, '0')}:00.000Z`,
  language: 'ru', flagged, categories: flagged ? ['profanity'] : [], loyaltyScore: 10, phrases: [],
});

describe('the daily sample', () => {
  it('lists every flagged conversation first, then N of each agent’s others, marking evaluated ones', () => {
    // Arrange: Анна 1 flagged + 5 clean, Борис 1 clean.
    const entries = [entry('f1', 'anna', true, 59), ...[1, 2, 3, 4, 5].map((n) => entry(`a${n}`, 'anna', false, n)), entry('b1', 'boris')];
    // Act
    const sample = dailySample({ tenantId: 't', date: '2026-12-03', perAgent: 2, entries, evaluated: new Map([['f1', ['form-1:f1']]]) });
    // Assert
    expect(sample[0]).toMatchObject({ contactId: 'f1', reason: 'flagged', evaluationIds: ['form-1:f1'] });
    expect(sample.filter((e) => e.agentId === 'anna' && e.reason === 'random')).toHaveLength(2);
    expect(sample.filter((e) => e.agentId === 'boris')).toMatchObject([{ contactId: 'b1', reason: 'random', evaluationIds: [] }]);
  });

  it('is the same list whatever the order it is read in, and another day draws anew', () => {
    const entries = Array.from({ length: 40 }, (_, i) => entry(`c${i}`, `agent${i % 3}`, i % 7 === 0, i % 60));
    fc.assert(fc.property(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), (shuffled) => {
      const again = dailySample({ tenantId: 't', date: '2026-12-03', perAgent: 3, entries: shuffled });
      expect(again).toEqual(dailySample({ tenantId: 't', date: '2026-12-03', perAgent: 3, entries }));
    }));
    const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((date) => dailySample({ tenantId: 't', date, perAgent: 3, entries }).map((e) => e.contactId).join());
    expect(new Set(days).size).toBeGreaterThan(1);
  });

  it('draws min(N, the agent’s unflagged) for every agent, with conversations without an agent as one group', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('anna', 'boris', undefined), fc.boolean()), { maxLength: 30 }), fc.integer({ min: 0, max: 5 }), (rows, perAgent) => {
      const entries = rows.map(([agent, flagged], i) => entry(`c${i}`, agent, flagged, i));
      const sample = dailySample({ tenantId: 't', date: '2026-12-03', perAgent, entries });
      expect(sample.filter((e) => e.reason === 'flagged').map((e) => e.contactId).sort()).toEqual(entries.filter((e) => e.flagged).map((e) => e.contactId).sort());
      for (const agent of ['anna', 'boris', undefined]) {
        const clean = entries.filter((e) => !e.flagged && e.agentId === agent).length;
        expect(sample.filter((e) => e.reason === 'random' && e.agentId === agent)).toHaveLength(Math.min(perAgent, clean));
      }
    }));
  });

  it('draws each of an agent’s conversations about equally often over many days', () => {
    // Arrange: 10 clean conversations, 1 drawn a day over 2000 days: each expected 200 times.
    const entries = Array.from({ length: 10 }, (_, i) => entry(`contact-${i}`, 'anna'));
    const counts = new Map<string, number>();
    // Act
    for (let day = 0; day < 2000; day++) {
      const date = new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      for (const e of dailySample({ tenantId: 'tenant-a', date, perAgent: 1, entries })) counts.set(e.contactId, (counts.get(e.contactId) ?? 0) + 1);
    }
    // Assert: every one within ±30 % of 200 (a fair draw lies there with near certainty).
    expect(counts.size).toBe(10);
    for (const count of counts.values()) expect(Math.abs(count - 200)).toBeLessThan(60);
  });

  it('ranks by a stable hash of seed and contact', () => {
    expect(sampleRank('t|2026-12-03', 'c1')).toBe(sampleRank('t|2026-12-03', 'c1'));
    expect(sampleRank('t|2026-12-03', 'c1')).not.toBe(sampleRank('t|2026-12-04', 'c1'));
  });
});
