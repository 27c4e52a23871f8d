/**
 * A tenant's analytics settings: its own rules beside the built-in ones, its thresholds, and who hears of problem
 * conversations. One versioned record per tenant; every analysis names the version it ran under, so a stored
 * result can be told apart from one under newer rules. Zod-free and pure.
 */
import type { AlertRecipient } from '../alerts/model.ts';
import { DEFAULT_THRESHOLDS, type AnalysisThresholds } from './analyse.ts';
import type { AnalysisRule } from './rules.ts';
import { CONVERSATION_ALERT_TRIGGERS, type ConversationAlertTrigger } from './values.ts';

export interface AnalyticsAlertSettings {
  /** Which triggers alert the supervisors (the console always; SMS/e-mail to `recipients`). */
  triggers: ConversationAlertTrigger[];
  /** Also check each new message and transcript segment while the contact is live. */
  live: boolean;
  /** Who gets an SMS or e-mail besides the console (none: the console only). */
  recipients: AlertRecipient[];
}

export interface AnalyticsSettings {
  tenantId: string;
  /** 0: never saved (the built-in rules and thresholds). Each save adds one. */
  version: number;
  rules: AnalysisRule[];
  thresholds: AnalysisThresholds;
  alerts: AnalyticsAlertSettings;
  updatedAt?: string;
  updatedBy?: string;
}

export const ANALYTICS_SETTINGS_LIMITS = { rules: 500, recipients: 10 } as const;

export function defaultAnalyticsSettings(tenantId: string): AnalyticsSettings {
  return { tenantId, version: 0, rules: [], thresholds: { ...DEFAULT_THRESHOLDS }, alerts: { triggers: [...CONVERSATION_ALERT_TRIGGERS], live: true, recipients: [] } };
}

/** A stored record read with today's defaults under it: a threshold added after it was saved takes its default. */
export function withDefaults(stored: AnalyticsSettings): AnalyticsSettings {
  const defaults = defaultAnalyticsSettings(stored.tenantId);
  return { ...stored, thresholds: { ...defaults.thresholds, ...stored.thresholds }, alerts: { ...defaults.alerts, ...stored.alerts } };
}

/** The rule ids of the tenant's rules that are also built-in ones (a tenant rule may not shadow a built-in rule). */
export function clashingRuleIds(rules: readonly AnalysisRule[], builtIn: readonly AnalysisRule[]): string[] {
  const taken = new Set(builtIn.map((rule) => rule.ruleId));
  const seen = new Set<string>();
  const clashes = new Set<string>();
  for (const rule of rules) {
    if (taken.has(rule.ruleId) || seen.has(rule.ruleId)) clashes.add(rule.ruleId);
    seen.add(rule.ruleId);
  }
  return [...clashes];
}
