/**
 * Alert rules as the API takes and stores them. A rule watches one metric of one queue, one agent or the whole
 * tenant (`queueId`, `agentId` or neither) and tells its recipients by SMS or e-mail, and the supervisors online,
 * once when the value crosses the threshold and once when it comes back.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { metricById } from '../metrics/catalog/index.ts';
import { ALERT_LIMITS, COMPARISONS, QUIET_SECONDS_DEFAULT, type AlertState } from './values.ts';

export { ALERT_LIMITS } from './values.ts';

/** E.164 as SNS takes it: a plus, the country code and up to 15 digits. */
const PhoneSchema = lazySchema(() => z.string().regex(/^\+[1-9]\d{6,14}$/, 'a phone number in international format, such as +79161234567'));
const LanguageSchema = lazySchema(() => z.enum(['ru', 'en']));

export const AlertRecipientSchema = lazySchema(() => z.union([
  z.object({ email: z.email().max(254), language: LanguageSchema.optional() }).strict(),
  z.object({ phone: PhoneSchema, language: LanguageSchema.optional() }).strict(),
], { error: 'a recipient is { "email": "…" } or { "phone": "+7…" }' }));
export type AlertRecipient = z.infer<typeof AlertRecipientSchema>;

const fields = () => ({
  name: z.string().trim().min(1).max(ALERT_LIMITS.nameMaxLength).optional(),
  metric: z.string().min(1).max(64),
  queueId: IdSchema.optional(),
  agentId: IdSchema.optional(),
  comparison: z.enum(COMPARISONS),
  threshold: z.number().finite(),
  /**
   * Live metrics: how long the breach must last before the rule fires (0: at once). Interval metrics: the trailing
   * window the value is computed over, in whole 15-minute intervals (0: the tenant's day so far).
   */
  windowSeconds: z.number().int().min(0).max(ALERT_LIMITS.windowMaxSeconds),
  /** After a notice, how long a flapping value stays quiet. */
  quietSeconds: z.number().int().min(0).max(ALERT_LIMITS.quietMaxSeconds),
  recipients: z.array(AlertRecipientSchema).max(ALERT_LIMITS.recipients),
  enabled: z.boolean(),
});

/** Why a rule's metric and scope do not fit, or undefined when they do. */
export function scopeProblem(rule: { metric: string; queueId?: string | undefined; agentId?: string | undefined }): { path: string; message: string } | undefined {
  if (rule.queueId !== undefined && rule.agentId !== undefined) return { path: 'agentId', message: 'a rule watches one queue, one agent or the whole tenant, not both' };
  const metric = metricById(rule.metric);
  if (!metric) return { path: 'metric', message: `unknown metric "${rule.metric}": GET /api/metrics lists them` };
  const dimension = scopeOf(rule).dimension;
  if (!metric.dimensions.includes(dimension)) return { path: 'metric', message: `"${rule.metric}" is not kept per ${dimension}; it is kept per ${metric.dimensions.join(', ')}` };
  return undefined;
}

const checkScope = (rule: { metric: string; queueId?: string | undefined; agentId?: string | undefined }, ctx: z.RefinementCtx) => {
  const problem = scopeProblem(rule);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
};

/** `POST /api/alerts`: the metric, the scope, the comparison and threshold; the rest has defaults. */
export const CreateAlertSchema = lazySchema(() => {
  const f = fields();
  return z.object({ ...f, windowSeconds: f.windowSeconds.default(0), quietSeconds: f.quietSeconds.default(QUIET_SECONDS_DEFAULT), recipients: f.recipients.default([]), enabled: f.enabled.default(true) })
    .strict().superRefine(checkScope);
});
export type CreateAlert = z.infer<typeof CreateAlertSchema>;

/** `PATCH /api/alerts/:alertId`: any field; `queueId`/`agentId: null` widens the scope. */
export const PatchAlertSchema = lazySchema(() => {
  const f = fields();
  return z.object({
    name: f.name.nullable(), metric: f.metric, queueId: f.queueId.nullable(), agentId: f.agentId.nullable(), comparison: f.comparison, threshold: f.threshold,
    windowSeconds: f.windowSeconds, quietSeconds: f.quietSeconds, recipients: f.recipients, enabled: f.enabled,
  }).partial().strict().refine((p) => Object.keys(p).length > 0, 'nothing to change');
});
export type PatchAlert = z.infer<typeof PatchAlertSchema>;

/** What a rule last saw: its state for `decide`, the value, and when a breach began (for a sustained window). */
export interface AlertWatch extends AlertState {
  value?: number | null;
  evaluatedAt?: string;
  /** When the value began to breach, while it does (a live rule fires once it has for `windowSeconds`). */
  breachSince?: string;
  /** When the rule has asked to be evaluated again without a change (its timer), if it has. */
  recheckAt?: string;
}

export interface AlertRule {
  tenantId: string;
  alertId: string;
  name?: string;
  metric: string;
  queueId?: string;
  agentId?: string;
  comparison: CreateAlert['comparison'];
  threshold: number;
  windowSeconds: number;
  quietSeconds: number;
  recipients: AlertRecipient[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Bumped on every write, edits and evaluations alike: each is conditional on the version it read. */
  version: number;
  watch: AlertWatch;
}

/** The dimension a rule watches and its value (`*` for the tenant, as the aggregates name it). */
export function scopeOf(rule: { queueId?: string | undefined; agentId?: string | undefined }): { dimension: 'queue' | 'agent' | 'tenant'; value: string } {
  if (rule.queueId !== undefined) return { dimension: 'queue', value: rule.queueId };
  if (rule.agentId !== undefined) return { dimension: 'agent', value: rule.agentId };
  return { dimension: 'tenant', value: '*' };
}

/** A rule with `patch` applied (`null` clears a field); the caller checks the result with `scopeProblem`. */
export function patchedRule(rule: AlertRule, patch: PatchAlert, at: string): AlertRule {
  const next: AlertRule = { ...rule, updatedAt: at };
  for (const [key, value] of Object.entries(patch) as [keyof PatchAlert, unknown][]) {
    if (value === null) delete (next as Partial<AlertRule>)[key as 'name' | 'queueId' | 'agentId'];
    else if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  // What the rule watches changed: it starts afresh rather than carry a state of another figure.
  const watched = (r: AlertRule) => [r.metric, r.queueId, r.agentId, r.comparison, r.threshold, r.windowSeconds].join('|');
  if (watched(next) !== watched(rule) || (patch.enabled === false && rule.enabled)) next.watch = { firing: false };
  return next;
}
