/**
 * The analytics settings as the admin edits them: thresholds as typed text, recipients as lines, own rules with
 * their ids kept (a saved rule keeps its id; a new one gets the next free `own.<n>`). Pure, so it is unit-tested.
 */
import type { AnalysisThresholds } from '@cc/shared/analytics/analyse';
import type { AnalysisRule } from '@cc/shared/analytics/rules';
import type { AnalyticsSettings } from '@cc/shared/analytics/settings';
import type { ConversationAlertTrigger } from '@cc/shared/analytics/values';
import { recipientsOf } from '../../alerts/alert-draft.ts';

export type ThresholdKey = keyof AnalysisThresholds;
/** In the order the form shows them; whole numbers except the rates. */
export const THRESHOLD_KEYS: readonly ThresholdKey[] = ['profanity', 'escalation_request', 'negativity', 'remarks_to_agent', 'exclamations', 'fillerPer100Words', 'fillerPerMinute', 'agentInterruptions', 'agentTalkSharePercent', 'silenceMinSeconds', 'silenceLongestSeconds', 'lowLoyaltyScore'];
const FRACTIONAL: ReadonlySet<ThresholdKey> = new Set(['fillerPer100Words', 'fillerPerMinute']);

export interface RuleDraft {
  ruleId: string;
  category: AnalysisRule['category'];
  phrase: string;
  speaker: NonNullable<AnalysisRule['speaker']> | 'default';
  where: NonNullable<AnalysisRule['where']>;
  negatable: boolean;
}

export interface SettingsDraft {
  version: number;
  rules: RuleDraft[];
  thresholds: Record<ThresholdKey, string>;
  triggers: ConversationAlertTrigger[];
  live: boolean;
  recipients: string;
}

export function draftOf(settings: AnalyticsSettings): SettingsDraft {
  return {
    version: settings.version,
    rules: settings.rules.map((rule) => ({ ruleId: rule.ruleId, category: rule.category, phrase: rule.phrase, speaker: rule.speaker ?? 'default', where: rule.where ?? 'anywhere', negatable: rule.negatable ?? false })),
    thresholds: Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, String(settings.thresholds[key])])) as Record<ThresholdKey, string>,
    triggers: [...settings.alerts.triggers],
    live: settings.alerts.live,
    recipients: settings.alerts.recipients.map((r) => ('phone' in r ? r.phone : r.email)).join('\n'),
  };
}

/** A new rule of `category` with the next free id. */
export function newRule(rules: readonly RuleDraft[], category: RuleDraft['category']): RuleDraft {
  const taken = new Set(rules.map((r) => r.ruleId));
  let n = rules.length + 1;
  while (taken.has(`own.${n}`)) n += 1;
  return { ruleId: `own.${n}`, category, phrase: '', speaker: 'default', where: 'anywhere', negatable: category === 'negativity' || category === 'escalation_request' };
}

export function ruleOf(draft: RuleDraft): AnalysisRule {
  return {
    ruleId: draft.ruleId,
    category: draft.category,
    phrase: draft.phrase.trim(),
    ...(draft.speaker !== 'default' && { speaker: draft.speaker }),
    ...(draft.where !== 'anywhere' && { where: draft.where }),
    ...(draft.negatable && { negatable: true }),
  };
}

export type DraftProblem = { field: 'threshold'; key: ThresholdKey } | { field: 'phrase'; ruleId: string } | { field: 'recipients'; invalid: string[] };

/** The `PUT /api/analytics/settings` body, or what to fix first (the server checks the phrases' grammar). */
export function bodyOf(draft: SettingsDraft): { body: Omit<AnalyticsSettings, 'tenantId' | 'updatedAt' | 'updatedBy'> } | { problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const thresholds = {} as AnalysisThresholds;
  for (const key of THRESHOLD_KEYS) {
    const value = Number(draft.thresholds[key].replace(',', '.'));
    if (draft.thresholds[key].trim() === '' || !Number.isFinite(value) || value < 0 || (!FRACTIONAL.has(key) && !Number.isInteger(value))) problems.push({ field: 'threshold', key });
    thresholds[key] = value;
  }
  for (const rule of draft.rules) if (rule.phrase.trim() === '') problems.push({ field: 'phrase', ruleId: rule.ruleId });
  const { recipients, invalid } = recipientsOf(draft.recipients);
  if (invalid.length > 0) problems.push({ field: 'recipients', invalid });
  if (problems.length > 0) return { problems };
  return { body: { version: draft.version, rules: draft.rules.map(ruleOf), thresholds, alerts: { triggers: draft.triggers, live: draft.live, recipients } } };
}
