/**
 * What was said in a contact, as the analytics engine reads it: a call's stored transcript or a chat's stored
 * messages, turned into segments by the one rule in `@cc/shared/analytics/segments`. The stream's analysis and the
 * console's highlighting (`GET /api/analytics/contacts/:id`) both read it here, so a finding's `segmentIndex`
 * points at the same segment in both.
 */
import { segmentsOfCall, segmentsOfChat } from '@cc/shared/analytics/segments';
import type { ConversationMedium, ConversationSegment } from '@cc/shared/analytics/values';
import { isVoiceKind } from '@cc/shared/channels/catalog';
import type { Contact } from '@cc/shared/contacts/model';
import type { Deps } from '../composition/deps.ts';

export type ConversationDeps = Pick<Deps, 'messaging' | 'transcripts'>;

export interface ContactConversation {
  medium: ConversationMedium;
  segments: ConversationSegment[];
}

export async function conversationOf(deps: ConversationDeps, contact: Pick<Contact, 'tenantId' | 'contactId' | 'channel'>): Promise<ContactConversation> {
  if (isVoiceKind(contact.channel)) return { medium: 'call', segments: segmentsOfCall(await deps.transcripts.list(contact.tenantId, contact.contactId)) };
  return { medium: 'chat', segments: segmentsOfChat(await deps.messaging.listContactMessages(contact.tenantId, contact.contactId)) };
}
