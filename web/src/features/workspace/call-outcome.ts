import { isVoiceKind } from '@cc/shared/channels/catalog';
import type { Contact, DialAttempt } from '@cc/shared/contacts/model';

/** One fact of how a past call ended, as the customer history lists it. */
export type CallOutcomeItem =
  | { kind: 'voicemail'; at: string; durationSeconds?: number }
  | { kind: 'dial'; at: string; result: DialAttempt['result'] }
  | { kind: 'survey'; score: number };

/**
 * What a call or callback contact came to: the voicemail it carries (left when the contact was made), each dial of
 * the callback in time order, then the caller's survey score. Nothing for chats, whose surveys the chat shows.
 */
export function callOutcome(contact: Pick<Contact, 'channel' | 'createdAt' | 'voicemail' | 'dialAttempts' | 'survey'>): CallOutcomeItem[] {
  if (!isVoiceKind(contact.channel)) return [];
  const items: CallOutcomeItem[] = [];
  if (contact.voicemail) {
    const seconds = contact.voicemail.durationSeconds;
    items.push({ kind: 'voicemail', at: contact.createdAt, ...(seconds !== undefined && Number.isFinite(seconds) && { durationSeconds: Math.round(seconds) }) });
  }
  const dials = [...(contact.dialAttempts ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const attempt of dials) items.push({ kind: 'dial', at: attempt.at, result: attempt.result });
  if (contact.survey) items.push({ kind: 'survey', score: contact.survey.score });
  return items;
}
