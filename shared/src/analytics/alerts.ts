/**
 * Which alerts a conversation raises, and their SMS and e-mail text. Pure: the analyser decides from an engine
 * result, the delivery sends what `alertMessage` writes. docs/analytics.md#alerts.
 */
import type { AlertRecipient } from '../alerts/model.ts';
import type { OutgoingMessage } from '../alerts/notice.ts';
import {
  LIVE_ALERT_TRIGGERS,
  type AnalysisFinding,
  type AnalysisResult,
  type ConversationAlert,
  type ConversationAlertEvidence,
  type ConversationAlertTrigger,
  type ConversationSegment,
} from './values.ts';

/** What one trigger found: the words (escalation, profanity) or the score (loyalty). */
export interface AlertFinding {
  trigger: ConversationAlertTrigger;
  evidence?: ConversationAlertEvidence;
  value?: number;
  threshold?: number;
}

const evidenceOf = (finding: AnalysisFinding, segments: readonly ConversationSegment[]): ConversationAlertEvidence => ({
  speaker: finding.speaker,
  // The whole utterance reads better in an SMS than the matched words alone; bounded so a long one stays one message.
  text: (segments[finding.segmentIndex]?.text ?? finding.span?.text ?? '').slice(0, 200),
  ruleId: finding.ruleId,
});

function wordTriggers(result: AnalysisResult, segments: readonly ConversationSegment[]): AlertFinding[] {
  const found: AlertFinding[] = [];
  const escalation = result.findings.find((f) => f.category === 'escalation_request' && f.speaker === 'customer');
  if (escalation) found.push({ trigger: 'escalation_request', evidence: evidenceOf(escalation, segments) });
  const swearing = result.findings.find((f) => f.category === 'profanity' && f.speaker === 'agent');
  if (swearing) found.push({ trigger: 'agent_profanity', evidence: evidenceOf(swearing, segments) });
  return found;
}

/** The alerts of a finished conversation, among the tenant's `triggers`. */
export function closeAlertsOf(result: AnalysisResult, segments: readonly ConversationSegment[], triggers: readonly ConversationAlertTrigger[]): AlertFinding[] {
  const found = wordTriggers(result, segments);
  const loyalty = result.scores.low_loyalty;
  if (loyalty.flagged) found.push({ trigger: 'low_loyalty', value: loyalty.value, ...(loyalty.threshold !== undefined && { threshold: loyalty.threshold }) });
  return found.filter((f) => triggers.includes(f.trigger));
}

/** The alerts of new words in a live conversation (a message, a transcript segment), among the tenant's `triggers`. */
export function liveAlertsOf(result: AnalysisResult, segments: readonly ConversationSegment[], triggers: readonly ConversationAlertTrigger[]): AlertFinding[] {
  return wordTriggers(result, segments).filter((f) => LIVE_ALERT_TRIGGERS.includes(f.trigger) && triggers.includes(f.trigger));
}

const TRIGGER_TEXT: Record<ConversationAlertTrigger, { ru: string; en: string }> = {
  escalation_request: { ru: 'Клиент просит руководителя', en: 'Customer asks for a manager' },
  agent_profanity: { ru: 'Оператор выражается нецензурно', en: 'Agent uses profanity' },
  low_loyalty: { ru: 'Очень низкая лояльность клиента', en: 'Very low customer loyalty' },
};

/** The SMS or e-mail for one recipient: what happened, in which contact, the words or the score. */
export function alertMessage(alert: ConversationAlert, recipient: AlertRecipient): OutgoingMessage {
  const language = recipient.language ?? 'ru';
  const head = TRIGGER_TEXT[alert.trigger][language];
  const where = language === 'ru' ? `контакт ${alert.contactId}, очередь ${alert.queueId}` : `contact ${alert.contactId}, queue ${alert.queueId}`;
  const live = alert.phase === 'live' ? (language === 'ru' ? ' (идёт сейчас)' : ' (live now)') : '';
  const detail = alert.evidence ? `«${alert.evidence.text}»` : alert.value !== undefined ? (language === 'ru' ? `оценка ${alert.value} из 100` : `score ${alert.value} of 100`) : '';
  const text = [`${head}${live}: ${where}`, detail].filter(Boolean).join('. ');
  const channel = 'phone' in recipient ? 'sms' : 'email';
  return { channel, to: 'phone' in recipient ? recipient.phone : recipient.email, subject: `${head}${live}`, text };
}
