/**
 * What each provider POSTs to a webhook, built the way the provider documents it (see the samples
 * in ../shared/wire/), and how it authenticates the call. Pure functions: ids, times and secrets
 * come in as arguments, the exact bytes to send come out.
 */
import { randomBytes } from 'node:crypto';
import { hmacSha256Hex } from '@cc/shared/messaging/signature';
import type { Persona } from './personas.ts';

/** One HTTP call a provider makes to our webhook, body as the exact bytes it signs. */
export interface WebhookRequest {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  rawBody?: string;
}

/**
 * How to forge a call: `bad-signature` authenticates with a wrong secret, `missing-signature`
 * leaves the authentication out (for VK, the `secret` field; for Alice, a foreign skill id).
 */
export type Forgery = 'bad-signature' | 'missing-signature';

/** A secret that is certainly not the channel's. */
export const forgedSecret = () => `forged-${randomBytes(12).toString('hex')}`;

/**
 * JSON text in which the given bigint values are written as bare integer literals, as Viber writes
 * 64-bit `message_token`s (beyond 2^53, so a JS number would lose digits).
 */
export function stringifyWithBigInts(value: unknown): string {
  const marker = `__bigint_${randomBytes(6).toString('hex')}__`;
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${marker}${v.toString()}` : v));
  return json.replace(new RegExp(`"${marker}(-?\\d+)"`, 'g'), '$1');
}

// ───────────────────────── Telegram Bot API ─────────────────────────

/** The bot as Telegram describes it in `from` of its own messages. */
export interface TelegramBotUser {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
}

/** A private chat's user object (`from`) for a persona. */
export function telegramUser(persona: Persona, userId: number) {
  return {
    id: userId,
    is_bot: false,
    first_name: persona.firstName,
    ...(persona.lastName ? { last_name: persona.lastName } : {}),
    ...(persona.username ? { username: persona.username } : {}),
    language_code: persona.language,
  };
}

/** The private chat with a persona (`chat`); its id equals the user id. */
export function telegramChat(persona: Persona, userId: number) {
  return {
    id: userId,
    first_name: persona.firstName,
    ...(persona.lastName ? { last_name: persona.lastName } : {}),
    ...(persona.username ? { username: persona.username } : {}),
    type: 'private' as const,
  };
}

/** An Update with a text message; a leading `/command` gets its `bot_command` entity as Telegram adds it. */
export function telegramMessageUpdate(input: { updateId: number; messageId: number; date: number; persona: Persona; userId: number; text: string }) {
  const command = /^\/[A-Za-z0-9_]+/.exec(input.text);
  return {
    update_id: input.updateId,
    message: {
      message_id: input.messageId,
      from: telegramUser(input.persona, input.userId),
      chat: telegramChat(input.persona, input.userId),
      date: input.date,
      text: input.text,
      ...(command ? { entities: [{ offset: 0, length: command[0].length, type: 'bot_command' }] } : {}),
    },
  };
}

/** An Update with a press on an inline keyboard button of one of the bot's messages. */
export function telegramCallbackQueryUpdate(input: {
  updateId: number;
  callbackQueryId: string;
  persona: Persona;
  userId: number;
  bot: TelegramBotUser;
  message: { message_id: number; date: number; text: string; reply_markup?: unknown };
  chatInstance: string;
  data: string;
}) {
  return {
    update_id: input.updateId,
    callback_query: {
      id: input.callbackQueryId,
      from: telegramUser(input.persona, input.userId),
      message: { message_id: input.message.message_id, from: input.bot, chat: telegramChat(input.persona, input.userId), date: input.message.date, text: input.message.text, ...(input.message.reply_markup ? { reply_markup: input.message.reply_markup } : {}) },
      chat_instance: input.chatInstance,
      data: input.data,
    },
  };
}

/** Telegram authenticates a webhook call with the setWebhook `secret_token` in X-Telegram-Bot-Api-Secret-Token. */
export function telegramWebhook(url: string, update: unknown, secretToken: string | undefined, forgery?: Forgery): WebhookRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const secret = forgery === 'bad-signature' ? forgedSecret() : forgery === 'missing-signature' ? undefined : secretToken;
  if (secret) headers['x-telegram-bot-api-secret-token'] = secret;
  return { method: 'POST', url, headers, rawBody: JSON.stringify(update) };
}

// ───────────────────────── WhatsApp Cloud API ─────────────────────────

/** The business account and number a WhatsApp channel speaks for (entry.id, metadata). */
export interface WhatsAppBusiness {
  wabaId: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
}

/** The envelope Meta wraps every Cloud API notification in: one entry, one `messages` change. */
function whatsAppNotification(business: WhatsAppBusiness, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.wabaId,
        changes: [
          {
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId }, ...value },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** A `messages` webhook with one message from a customer (text or an interactive reply). */
export function whatsAppMessageWebhook(business: WhatsAppBusiness, customer: { name: string; waId: string }, message: Record<string, unknown>) {
  return whatsAppNotification(business, { contacts: [{ profile: { name: customer.name }, wa_id: customer.waId }], messages: [message] });
}

/** A `messages` webhook carrying delivery statuses of our messages (sent, delivered, read). */
export function whatsAppStatusWebhook(business: WhatsAppBusiness, statuses: Array<{ id: string; recipientId: string; status: 'sent' | 'delivered' | 'read'; timestamp: number; conversationId: string }>) {
  return whatsAppNotification(business, {
    statuses: statuses.map((s) => ({
      id: s.id,
      recipient_id: s.recipientId,
      status: s.status,
      timestamp: String(s.timestamp),
      // Meta stops sending conversation and pricing with `read`.
      ...(s.status === 'read'
        ? {}
        : { conversation: { id: s.conversationId, origin: { type: 'service' } }, pricing: { billable: true, pricing_model: 'CBP', category: 'service' } }),
    })),
  });
}

/** Meta signs the raw body: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 keyed with the app secret>`. */
export function whatsAppWebhook(url: string, payload: unknown, appSecret: string | undefined, forgery?: Forgery): WebhookRequest {
  const rawBody = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forgery !== 'missing-signature') headers['x-hub-signature-256'] = `sha256=${hmacSha256Hex(forgery === 'bad-signature' || !appSecret ? forgedSecret() : appSecret, rawBody)}`;
  return { method: 'POST', url, headers, rawBody };
}

/** The subscription check Meta makes when a webhook is saved: a GET that must echo `hub.challenge`. */
export function whatsAppVerification(url: string, verifyToken: string, challenge: string): WebhookRequest {
  const query = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': verifyToken });
  return { method: 'GET', url: `${url}?${query.toString()}`, headers: {} };
}

// ───────────────────────── VK Callback API ─────────────────────────

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
        attachments: [],
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

// ───────────────────────── Viber REST Bot API ─────────────────────────

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

// ───────────────────────── Yandex Dialogs (Alice) ─────────────────────────

/** Alice's normalised command: lower case, punctuation removed (what `request.command` holds). */
export function aliceCommand(utterance: string): string {
  return utterance
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A skill call: a phrase (`SimpleUtterance`) or a press on a button with a payload (`ButtonPressed`). */
export function aliceRequest(input: {
  skillId: string;
  sessionId: string;
  messageId: number;
  isNew: boolean;
  applicationId: string;
  userId: string;
  locale: string;
  utterance: string;
  pressed?: { payload: unknown };
  sessionState?: unknown;
}) {
  const command = aliceCommand(input.utterance);
  const nlu = { tokens: command ? command.split(' ') : [], entities: [], intents: {} };
  const request = input.pressed
    ? { nlu, payload: input.pressed.payload, type: 'ButtonPressed' }
    : { command, original_utterance: input.utterance, type: 'SimpleUtterance', markup: { dangerous_context: false }, payload: {}, nlu };
  return {
    meta: { locale: input.locale, timezone: 'Europe/Moscow', client_id: 'ru.yandex.searchplugin/7.16 (none none; android 4.4.2)', interfaces: { screen: {}, payments: {}, account_linking: {} } },
    session: {
      message_id: input.messageId,
      session_id: input.sessionId,
      skill_id: input.skillId,
      user: { user_id: input.userId },
      application: { application_id: input.applicationId },
      new: input.isNew,
    },
    request,
    state: { session: input.sessionState ?? {}, user: {}, application: {} },
    version: '1.0',
  };
}

/** Alice calls the skill's webhook with no signature; a forged call names another skill. */
export function aliceWebhook(url: string, body: ReturnType<typeof aliceRequest>, forgery?: Forgery): WebhookRequest {
  const sent = forgery ? { ...body, session: { ...body.session, skill_id: crypto.randomUUID() } } : body;
  return { method: 'POST', url, headers: { 'content-type': 'application/json' }, rawBody: JSON.stringify(sent) };
}
