/**
 * What an alert tells: one notice per crossing (fired or recovered), and the short text each recipient gets by
 * SMS or e-mail in their language. SMS text stays within one or two segments: the metric, the scope, the value.
 */
import type { MetricDefinition } from '../metrics/catalog/index.ts';
import type { MetricUnit } from '../metrics/values.ts';
import type { AlertRecipient } from './model.ts';
import type { Comparison } from './values.ts';

export interface AlertNotice {
  tenantId: string;
  noticeId: string;
  alertId: string;
  kind: 'fired' | 'recovered';
  at: string;
  metric: string;
  scope: { dimension: 'queue' | 'agent' | 'tenant'; value: string; name?: string };
  value: number;
  comparison: Comparison;
  threshold: number;
  ruleName?: string;
  recipients: AlertRecipient[];
  /** Filled in as each recipient is sent to, in `recipients` order. */
  deliveries?: NoticeDelivery[];
}

export interface NoticeDelivery {
  channel: 'sms' | 'email';
  to: string;
  status: 'sent' | 'failed';
  /** The provider's message id (SNS MessageId, SES MessageId, the local outbox's id). */
  providerId?: string;
  error?: string;
}

/** One message for one recipient, as a notifier sends it. */
export interface OutgoingMessage {
  channel: 'sms' | 'email';
  to: string;
  subject: string;
  text: string;
}

const SIGN: Record<Comparison, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤' };

function formatValue(value: number, unit: MetricUnit, language: 'ru' | 'en'): string {
  const number = (n: number, digits = 1) => new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits }).format(n);
  switch (unit) {
    case 'seconds': {
      const whole = Math.round(value);
      if (Math.abs(whole) < 60) return language === 'ru' ? `${whole} с` : `${whole} s`;
      const minutes = Math.floor(whole / 60);
      const seconds = whole % 60;
      return language === 'ru' ? `${minutes} мин ${seconds} с` : `${minutes} min ${seconds} s`;
    }
    case 'percent':
      return `${number(value)} %`;
    case 'score':
      return number(value, 2);
    default:
      return number(value, 0);
  }
}

/** Where the figure is: a queue's or agent's name when known, else its id; the whole contact center for the tenant. */
function scopeText(scope: AlertNotice['scope'], language: 'ru' | 'en'): string {
  const name = scope.name ?? scope.value;
  if (scope.dimension === 'queue') return language === 'ru' ? `очередь «${name}»` : `queue "${name}"`;
  if (scope.dimension === 'agent') return language === 'ru' ? `оператор ${name}` : `agent ${name}`;
  return language === 'ru' ? 'весь контакт-центр' : 'whole contact center';
}

/** The message for `recipient` about `notice`. */
export function noticeMessage(notice: AlertNotice, metric: MetricDefinition, recipient: AlertRecipient): OutgoingMessage {
  const language = recipient.language ?? 'ru';
  const fired = notice.kind === 'fired';
  const value = formatValue(notice.value, metric.unit, language);
  const threshold = `${SIGN[notice.comparison]} ${formatValue(notice.threshold, metric.unit, language)}`;
  const where = scopeText(notice.scope, language);
  const head = language === 'ru' ? (fired ? 'Тревога' : 'Норма') : (fired ? 'Alert' : 'Recovered');
  const subject = `${head}: ${metric.name[language]} — ${where}`;
  const text = language === 'ru'
    ? (fired ? `${subject}. Сейчас ${value}, порог ${threshold}.` : `${subject}. Сейчас ${value}, снова в норме (порог ${threshold}).`)
    : (fired ? `${subject}. Now ${value}, threshold ${threshold}.` : `${subject}. Now ${value}, back within the threshold (${threshold}).`);
  const rule = notice.ruleName ? (language === 'ru' ? ` Правило: ${notice.ruleName}.` : ` Rule: ${notice.ruleName}.`) : '';
  const channel = 'phone' in recipient ? 'sms' : 'email';
  return { channel, to: 'phone' in recipient ? recipient.phone : recipient.email, subject, text: `${text}${rule}` };
}
