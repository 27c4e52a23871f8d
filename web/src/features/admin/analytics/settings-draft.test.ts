import { describe, expect, it } from 'vitest';
import type { AnalyticsSettings } from '@cc/shared/analytics/settings';
import type { AnalysisThresholds } from '@cc/shared/analytics/analyse';
import { bodyOf, draftOf, newRule } from './settings-draft.ts';

const THRESHOLDS: AnalysisThresholds = { profanity: 1, escalation_request: 1, negativity: 2, remarks_to_agent: 2, exclamations: 3, fillerPer100Words: 3, fillerPerMinute: 4.5, agentInterruptions: 3, agentTalkSharePercent: 75, silenceMinSeconds: 5, silenceLongestSeconds: 30, lowLoyaltyScore: 50 };
const saved: AnalyticsSettings = {
  tenantId: 't1',
  version: 3,
  rules: [{ ruleId: 'own.1', category: 'escalation_request', phrase: 'позовите директора', negatable: true }],
  thresholds: THRESHOLDS,
  alerts: { triggers: ['escalation_request'], live: true, recipients: [{ phone: '+79161234567' }, { email: 'qa@romashka.demo' }] },
};

describe('analytics settings draft', () => {
  it('round-trips the saved settings into the PUT body', () => {
    // Act
    const result = bodyOf(draftOf(saved));
    // Assert
    expect(result).toEqual({ body: { version: 3, rules: saved.rules, thresholds: saved.thresholds, alerts: saved.alerts } });
  });

  it('gives a new rule the next free id and negation for complaint-like categories', () => {
    // Arrange
    const rules = draftOf(saved).rules;
    // Act
    const added = newRule(rules, 'escalation_request');
    const filler = newRule([...rules, added], 'filler_words');
    // Assert
    expect(added).toMatchObject({ ruleId: 'own.2', negatable: true, speaker: 'default', where: 'anywhere' });
    expect(filler).toMatchObject({ ruleId: 'own.3', negatable: false });
  });

  it('names every field to fix: thresholds that are not numbers (or fractions where counts are), empty phrases, bad recipients', () => {
    // Arrange
    const draft = draftOf(saved);
    draft.thresholds.profanity = '1.5';
    draft.thresholds.fillerPerMinute = '3,5';
    draft.thresholds.lowLoyaltyScore = '';
    draft.rules.push(newRule(draft.rules, 'negativity'));
    draft.recipients = '+79161234567\nnot-an-address';
    // Act
    const result = bodyOf(draft);
    // Assert
    expect(result).toEqual({ problems: [{ field: 'threshold', key: 'profanity' }, { field: 'threshold', key: 'lowLoyaltyScore' }, { field: 'phrase', ruleId: 'own.2' }, { field: 'recipients', invalid: ['not-an-address'] }] });
  });
});
