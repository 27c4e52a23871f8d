import type { Message } from '../messaging/model.ts';
import type { ContactStatus } from '../routing/model.ts';
import type { Conversation } from './model.ts';
import { type PreChatMenu, matchPreChatChoice } from './pre-chat.ts';

/** Statuses after which a contact takes no more messages: the next one opens a follow-up contact. */
export const FINISHED_CONTACT_STATUSES: readonly ContactStatus[] = ['closed', 'abandoned'];

/** Whether a contact in `status` still takes the conversation's messages. */
export function isContactOpen(status: ContactStatus): boolean {
  return !FINISHED_CONTACT_STATUSES.includes(status);
}

/** What the inbound service knows when a customer's message arrives. */
export interface InboundSituation {
  conversation: Conversation | undefined;
  /** The contact `conversation.openContactId` points at, as read now (it may have closed meanwhile). */
  currentContact: { contactId: string; status: ContactStatus } | undefined;
  message: Pick<Message, 'kind' | 'text' | 'button' | 'direction'>;
  /** The channel's pre-chat menu, if it has one. */
  menu: PreChatMenu | undefined;
  /** The channel's queue for new conversations. */
  defaultQueueId: string | undefined;
}

/** Where the message goes. */
export type InboundDecision =
  /** Into the open contact. */
  | { action: 'append'; contactId: string }
  /** Into a new queued contact, with the messages that waited for the menu pick. */
  | {
      action: 'open';
      queueId: string;
      menuChoice?: string;
      previousContactId?: string;
      attachMessageIds: string[];
    }
  /** Nowhere yet: the customer must pick a queue first (`sendMenu` when the menu is not out yet). */
  | { action: 'hold'; sendMenu: boolean }
  /**
   * Onto the last, finished contact without reopening anything: a press on a button of an old message
   * (a satisfaction survey) or our own side's echo.
   */
  | { action: 'record'; contactId: string | undefined }
  /** Cannot place it: the channel has neither a default queue nor a menu. */
  | { action: 'unroutable'; reason: string };

/**
 * Decides which contact a customer's message belongs to: the open one; else a new queued contact
 * (in the queue picked in the pre-chat menu, or picked ahead via a deep link, or the channel's
 * default), linked to the previous contact when there was one; or it holds the message until the
 * customer picks a queue. A customer who writes instead of pressing a menu button is not kept
 * waiting twice: the second held message opens a contact in the default queue.
 */
export function decideInbound(situation: InboundSituation): InboundDecision {
  const { conversation, currentContact, message, menu } = situation;
  if (currentContact && isContactOpen(currentContact.status)) return { action: 'append', contactId: currentContact.contactId };

  const previousContactId = conversation?.lastContactId;
  if (message.direction === 'outbound') return { action: 'record', contactId: previousContactId };

  const pending = conversation?.pendingMessageIds ?? [];
  const picked = matchPreChatChoice(menu, message);
  if (picked) {
    return open(picked.queueId, picked.menuChoice ?? picked.queueId, previousContactId, pending);
  }
  if (message.kind === 'button_reply' && previousContactId && !conversation?.awaitingQueueChoice) {
    return { action: 'record', contactId: previousContactId };
  }
  if (conversation?.chosenQueueId) {
    return open(conversation.chosenQueueId, conversation.chosenMenuChoice, previousContactId, pending);
  }
  // The menu went out (on this message or on `/start`): the first message waits for the pick.
  if (menu && (!conversation?.awaitingQueueChoice || pending.length === 0)) return { action: 'hold', sendMenu: !conversation?.awaitingQueueChoice };

  const queueId = situation.defaultQueueId ?? menu?.options[0]?.queueId;
  if (!queueId) return { action: 'unroutable', reason: 'the channel has no default queue and no pre-chat menu' };
  return open(queueId, undefined, previousContactId, pending);
}

function open(queueId: string, menuChoice: string | undefined, previousContactId: string | undefined, pending: string[]): InboundDecision {
  return {
    action: 'open',
    queueId,
    ...(menuChoice !== undefined && { menuChoice }),
    ...(previousContactId !== undefined && { previousContactId }),
    attachMessageIds: pending,
  };
}
