import { isVoiceKind } from '@cc/shared/channels/catalog';
import type { Contact, DialAttempt } from '@cc/shared/contacts/model';

/** One fact of how a past call ended, as the customer history lists it. */
export type CallOutcomeItem =
  | { kind: 'voicemail'; at: string; durationSeconds?: number }
  | { kind: 'dial'; at: string; result: DialAttempt['result'] }
  /** The customer's survey answer: the 1–5 rating (CSI) and the 0–10 NPS answer, either may be missing. */
  | { kind: 'survey'; score?: number; nps?: number };

/**
 * What a contact came to: for a call or callback, the voicemail it carries (left when the contact was made) and each
 * dial of the callback in time order; for any contact, then, the customer's survey answer (after a call or a chat).
 */
export function callOutcome(contact: Pick<Contact, 'channel' | 'createdAt' | 'voicemail' | 'dialAttempts' | 'survey'>): CallOutcomeItem[] {
  const items: CallOutcomeItem[] = [];
  if (isVoiceKind(contact.channel)) {
    if (contact.voicemail) {
      const seconds = contact.voicemail.durationSeconds;
      items.push({ kind: 'voicemail', at: contact.createdAt, ...(seconds !== undefined && Number.isFinite(seconds) && { durationSeconds: Math.round(seconds) }) });
    }
    const dials = [...(contact.dialAttempts ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    for (const attempt of dials) items.push({ kind: 'dial', at: attempt.at, result: attempt.result });
  }
  const survey = contact.survey;
  if (survey) items.push({ kind: 'survey', ...(survey.score !== undefined && { score: survey.score }), ...(survey.nps !== undefined && { nps: survey.nps }) });
  return items;
}
