/** What VK's Callback API POSTs to a community's server and how it authenticates it. */
import { type Forgery, type WebhookRequest, forgedSecret } from '../wire.ts';

/** A private message as VK's `message_new` object carries it (API 5.103+: `{message, client_info}`). */
export function vkMessageNew(input: {
  groupId: number;
  eventId: string;
  apiVersion: string;
  date: number;
  userId: number;
  id: number;
  conversationMessageId: number;
  text: string;
  payload?: string;
  /** Photos and documents as VK describes them (photo with its sizes, doc with its url). */
  attachments?: unknown[];
}) {
  return {
    group_id: input.groupId,
    type: 'message_new',
    event_id: input.eventId,
    v: input.apiVersion,
    object: {
      message: {
        date: input.date,
        from_id: input.userId,
        id: input.id,
        out: 0,
        attachments: input.attachments ?? [],
        conversation_message_id: input.conversationMessageId,
        fwd_messages: [],
        important: false,
        is_hidden: false,
        peer_id: input.userId,
        random_id: 0,
        text: input.text,
        ...(input.payload !== undefined ? { payload: input.payload } : {}),
      },
      client_info: {
        button_actions: ['text', 'vkpay', 'open_app', 'location', 'open_link', 'callback', 'intent_subscribe', 'intent_unsubscribe'],
        keyboard: true,
        inline_keyboard: true,
        carousel: true,
        lang_id: 0,
      },
    },
  };
}

/** `message_allow`: the user allowed the community to write (e.g. from a site widget, `key` says where). */
export function vkMessageAllow(input: { groupId: number; eventId: string; apiVersion: string; userId: number; key?: string }) {
  return { group_id: input.groupId, type: 'message_allow', event_id: input.eventId, v: input.apiVersion, object: { user_id: input.userId, ...(input.key ? { key: input.key } : {}) } };
}

/** VK authenticates an event with the `secret` field of the body; a confirmation request carries none. */
export function vkWebhook(url: string, event: Record<string, unknown>, secret: string | undefined, forgery?: Forgery): WebhookRequest {
  const body = event.type === 'confirmation' || forgery === 'missing-signature' ? event : { ...event, secret: forgery === 'bad-signature' || !secret ? forgedSecret() : secret };
  return { method: 'POST', url, headers: { 'content-type': 'application/json' }, rawBody: JSON.stringify(body) };
}

/** The request VK sends when a server address is added: answer the confirmation string as plain text. */
export function vkConfirmation(groupId: number) {
  return { type: 'confirmation', group_id: groupId };
}
