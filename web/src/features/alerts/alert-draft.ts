/** The alert rule form: a draft as typed, the API body it becomes, and the server's refusal as field messages. */
import type { AlertRecipient, AlertRule, CreateAlert } from '@cc/shared/alerts/model';
import { ALERT_LIMITS, type Comparison } from '@cc/shared/alerts/values';
import type { MessageKey } from '../../i18n/messages.ts';
import type { ProblemError } from '../../api/errors.ts';

export type Scope = 'tenant' | 'queue' | 'agent';

export interface AlertDraft {
  alertId?: string;
  name: string;
  metric: string;
  scope: Scope;
  queueId: string;
  agentId: string;
  comparison: Comparison;
  threshold: string;
  windowSeconds: string;
  quietSeconds: string;
  /** E-mails and phones, one per line or comma-separated. */
  recipients: string;
  enabled: boolean;
}

export type AlertField = 'name' | 'metric' | 'scope' | 'threshold' | 'windowSeconds' | 'quietSeconds' | 'recipients' | 'form';
export type AlertErrors = Partial<Record<AlertField, MessageKey>> & { detail?: string };

export const EMPTY_DRAFT: AlertDraft = { name: '', metric: 'contacts_waiting', scope: 'queue', queueId: '', agentId: '', comparison: 'gt', threshold: '0', windowSeconds: '0', quietSeconds: '300', recipients: '', enabled: true };

const PHONE = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const draftOf = (rule: AlertRule): AlertDraft => ({
  alertId: rule.alertId,
  name: rule.name ?? '',
  metric: rule.metric,
  scope: rule.queueId !== undefined ? 'queue' : rule.agentId !== undefined ? 'agent' : 'tenant',
  queueId: rule.queueId ?? '',
  agentId: rule.agentId ?? '',
  comparison: rule.comparison,
  threshold: String(rule.threshold),
  windowSeconds: String(rule.windowSeconds),
  quietSeconds: String(rule.quietSeconds),
  recipients: rule.recipients.map((r) => ('phone' in r ? r.phone : r.email)).join('\n'),
  enabled: rule.enabled,
});

/** Each address as a recipient; a phone typed with spaces, dashes or brackets is taken in E.164. */
export function recipientsOf(text: string): { recipients: AlertRecipient[]; invalid: string[] } {
  const recipients: AlertRecipient[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean)) {
    const phone = raw.replace(/[\s()-]/g, '');
    if (PHONE.test(phone)) recipients.push({ phone });
    else if (EMAIL.test(raw)) recipients.push({ email: raw });
    else invalid.push(raw);
  }
  return { recipients, invalid };
}

const wholeSeconds = (text: string, max: number) => {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
};

/** The create body, or the fields to fix before sending. */
export function bodyOf(draft: AlertDraft): { body: CreateAlert } | { errors: AlertErrors } {
  const errors: AlertErrors = {};
  const threshold = Number(draft.threshold.replace(',', '.'));
  if (draft.threshold.trim() === '' || !Number.isFinite(threshold)) errors.threshold = 'alerts.error.threshold';
  const windowSeconds = wholeSeconds(draft.windowSeconds, ALERT_LIMITS.windowMaxSeconds);
  if (windowSeconds === undefined) errors.windowSeconds = 'alerts.error.seconds';
  const quietSeconds = wholeSeconds(draft.quietSeconds, ALERT_LIMITS.quietMaxSeconds);
  if (quietSeconds === undefined) errors.quietSeconds = 'alerts.error.seconds';
  const { recipients, invalid } = recipientsOf(draft.recipients);
  if (invalid.length > 0 || recipients.length > ALERT_LIMITS.recipients) errors.recipients = 'alerts.error.recipients';
  if ((draft.scope === 'queue' && !draft.queueId) || (draft.scope === 'agent' && !draft.agentId)) errors.scope = 'alerts.error.scope';
  if (Object.keys(errors).length > 0 || windowSeconds === undefined || quietSeconds === undefined) return { errors: { ...errors, form: 'alerts.form.fix' } };
  return {
    body: {
      ...(draft.name.trim() && { name: draft.name.trim() }),
      metric: draft.metric,
      ...(draft.scope === 'queue' && { queueId: draft.queueId }),
      ...(draft.scope === 'agent' && { agentId: draft.agentId }),
      comparison: draft.comparison,
      threshold,
      windowSeconds,
      quietSeconds,
      recipients,
      enabled: draft.enabled,
    },
  };
}

/** The server's refusal by field (a 400's `errors[]` by path), with its words for anything else. */
export function serverErrors(error: ProblemError): AlertErrors {
  const errors: AlertErrors = {};
  for (const { path } of (error.problem?.errors ?? []) as { path?: unknown }[]) {
    const p = typeof path === 'string' ? path : '';
    if (p === 'metric') errors.metric = 'alerts.error.metric';
    else if (p === 'queueId' || p === 'agentId') errors.scope = 'alerts.error.scope';
    else if (p.startsWith('recipients')) errors.recipients = 'alerts.error.recipients';
    else if (p === 'threshold') errors.threshold = 'alerts.error.threshold';
    else if (p === 'windowSeconds' || p === 'quietSeconds') errors[p] = 'alerts.error.seconds';
  }
  return { ...errors, form: 'alerts.error.save', ...(error.problem?.detail && { detail: error.problem.detail }) };
}
