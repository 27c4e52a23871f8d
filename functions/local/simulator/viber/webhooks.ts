/** What Viber's REST Bot API POSTs to a bot's webhook (64-bit tokens kept exact) and how it signs it. */
import { hmacSha256Hex } from '@cc/shared/messaging/signature';
import type { Persona } from '../personas.ts';
import { type Forgery, type WebhookRequest, forgedSecret, stringifyWithBigInts } from '../wire.ts';

/** Viber's `chat_hostname`, present on every callback. */
const VIBER_CHAT_HOSTNAME = 'SN-CHAT-04_';

/** The user object of Viber callbacks. */
export function viberUser(persona: Persona, userId: string, name: string) {
  return { id: userId, name, language: persona.language, country: persona.country, api_version: 10 };
}

/** A `message` callback with a text message (a reply-keyboard press arrives the same way, text = ActionBody). */
export function viberMessageCallback(input: { timestamp: number; messageToken: bigint; sender: ReturnType<typeof viberUser>; text: string; trackingData?: string }) {
  return stringifyWithBigInts({
    event: 'message',
    timestamp: input.timestamp,
    chat_hostname: VIBER_CHAT_HOSTNAME,
    message_token: input.messageToken,
    sender: input.sender,
    message: { text: input.text, type: 'text', ...(input.trackingData ? { tracking_data: input.trackingData } : {}) },
    silent: false,
  });
}

/** A `message` callback with a customer's picture or file: Viber hands bots a direct link to the media. */
export function viberMediaCallback(input: { timestamp: number; messageToken: bigint; sender: ReturnType<typeof viberUser>; type: 'picture' | 'file'; media: string; size: number; fileName: string; text?: string | undefined }) {
  const message = input.type === 'picture'
    ? { type: 'picture', media: input.media, thumbnail: input.media, size: input.size, file_name: input.fileName, ...(input.text ? { text: input.text } : {}) }
    : { type: 'file', media: input.media, size: input.size, file_name: input.fileName };
  return stringifyWithBigInts({ event: 'message', timestamp: input.timestamp, chat_hostname: VIBER_CHAT_HOSTNAME, message_token: input.messageToken, sender: input.sender, message, silent: false });
}

/** A `delivered` / `seen` callback about one of our messages. */
export function viberStatusCallback(event: 'delivered' | 'seen', input: { timestamp: number; messageToken: string; userId: string }) {
  return stringifyWithBigInts({ event, timestamp: input.timestamp, chat_hostname: VIBER_CHAT_HOSTNAME, message_token: BigInt(input.messageToken), user_id: input.userId });
}

/** `conversation_started`: the user opened the chat (possibly from a deep link with `context`). */
export function viberConversationStarted(input: { timestamp: number; messageToken: bigint; user: ReturnType<typeof viberUser>; context?: string; subscribed: boolean }) {
  return stringifyWithBigInts({
    event: 'conversation_started',
    timestamp: input.timestamp,
    chat_hostname: VIBER_CHAT_HOSTNAME,
    message_token: input.messageToken,
    type: 'open',
    ...(input.context ? { context: input.context } : {}),
    user: input.user,
    subscribed: input.subscribed,
  });
}

/** The `webhook` callback Viber sends right after set_webhook to check the URL answers 200. */
export function viberWebhookCheck(input: { timestamp: number; messageToken: bigint }) {
  return stringifyWithBigInts({ event: 'webhook', timestamp: input.timestamp, chat_hostname: VIBER_CHAT_HOSTNAME, message_token: input.messageToken });
}

/** Viber signs the raw body: `X-Viber-Content-Signature: <hex HMAC-SHA256 keyed with the auth token>`. */
export function viberWebhook(url: string, rawBody: string, authToken: string | undefined, forgery?: Forgery): WebhookRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forgery !== 'missing-signature') headers['x-viber-content-signature'] = hmacSha256Hex(forgery === 'bad-signature' || !authToken ? forgedSecret() : authToken, rawBody);
  return { method: 'POST', url, headers, rawBody };
}
