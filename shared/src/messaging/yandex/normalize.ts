import { compact } from '../convert.ts';
import type { ConversationEvent, Message, NormalizeContext, WebhookResult } from '../model.ts';
import { ignoreUpdate } from '../webhook-result.ts';
import { type AliceButton, type AliceResponse, AliceResponseSchema, AliceWebhookSchema } from './schema.ts';

/** One skill call reduced to what a contact flow needs. */
export interface AliceUtterance {
  /** SimpleUtterance, ButtonPressed, or another request type (account linking completion is `AccountLinkingComplete`). */
  type: string;
  /** Normalised text (lower case, no punctuation); `''` when the skill was just launched. */
  command: string;
  /** The text as heard or typed. */
  originalUtterance: string;
  /** ButtonPressed: the payload of the button we sent. */
  payload?: unknown;
  sessionId: string;
  messageId: number;
  skillId: string;
  isNewSession: boolean;
  /** Stable per device/app; the customer id when the user is not logged in. */
  applicationId: string;
  /** Stable Yandex account id, only when the user is logged in. */
  userId?: string;
  locale?: string;
  timezone?: string;
  entities: Array<{ type: string; start: number; end: number; value: unknown }>;
  /** What we stored in `session_state` on the previous turn. */
  sessionState?: unknown;
  dangerousContext: boolean;
}

/**
 * Parses a skill call into an utterance. The protocol carries no phone number: a customer's phone
 * needs account linking (OAuth to Yandex ID) or asking for it in the dialogue.
 * @throws ZodError when the body does not match the protocol.
 */
export function parseAliceRequest(input: unknown): AliceUtterance {
  const body = AliceWebhookSchema.parse(input);
  const request = body.request;
  const type = request?.type ?? ('account_linking_complete_event' in body ? 'AccountLinkingComplete' : 'unknown');
  return compact({
    type,
    command: request?.command ?? '',
    originalUtterance: request?.original_utterance ?? '',
    payload: request?.payload,
    sessionId: body.session.session_id,
    messageId: body.session.message_id,
    skillId: body.session.skill_id,
    isNewSession: body.session.new,
    applicationId: body.session.application.application_id,
    userId: body.session.user?.user_id,
    locale: body.meta.locale,
    timezone: body.meta.timezone,
    entities: (request?.nlu?.entities ?? []).map((entity) => ({
      type: entity.type,
      start: entity.tokens.start,
      end: entity.tokens.end,
      value: entity.value,
    })),
    sessionState: body.state?.session,
    dangerousContext: request?.markup?.dangerous_context ?? false,
  });
}

/**
 * Turns a skill call into our model: a launch without a phrase is a `started` event, a phrase a text
 * message, a button press a `button_reply`; other request types are `ignored`. The conversation is
 * the Alice session, the customer the logged-in user or else the application.
 * @throws ZodError when the body does not match the protocol.
 */
export function normalizeAliceRequest(input: unknown, context: NormalizeContext): WebhookResult {
  const utterance = parseAliceRequest(input);
  const customerExternalId = utterance.userId ?? utterance.applicationId;
  const providerMessageId = `${utterance.sessionId}:${utterance.messageId}`;
  const customer = compact({ language: utterance.locale });

  if (utterance.type === 'SimpleUtterance' && utterance.isNewSession && utterance.command === '') {
    const event: ConversationEvent = {
      channel: 'yandex',
      channelId: context.channelId,
      type: 'started',
      conversationExternalId: utterance.sessionId,
      customerExternalId,
      customer,
      occurredAt: context.receivedAt,
      dedupKey: providerMessageId,
    };
    return { kind: 'conversation', events: [event] };
  }
  if (utterance.type !== 'SimpleUtterance' && utterance.type !== 'ButtonPressed') {
    return ignoreUpdate(utterance.type, 'request type not handled');
  }
  const text = utterance.originalUtterance || utterance.command || undefined;
  const pressed = utterance.type === 'ButtonPressed';
  const message: Message = compact({
    channel: 'yandex',
    channelId: context.channelId,
    conversationExternalId: utterance.sessionId,
    customerExternalId,
    customer,
    direction: 'inbound',
    kind: pressed ? 'button_reply' : 'text',
    text: pressed ? text : (text ?? ''),
    attachments: [],
    button: pressed ? compact({ payload: readAliceButtonPayload(utterance.payload), title: text }) : undefined,
    providerMessageId,
    dedupKey: providerMessageId,
    sentAt: context.receivedAt,
    edited: false,
  });
  return { kind: 'messages', messages: [message] };
}

/** The payload string we put on a button with buildAliceResponse, or the raw payload as JSON. */
export function readAliceButtonPayload(payload: unknown): string {
  if (typeof payload === 'object' && payload !== null && typeof (payload as { button?: unknown }).button === 'string') {
    return (payload as { button: string }).button;
  }
  return JSON.stringify(payload ?? {});
}

/** Options of a skill reply. */
export interface AliceResponseOptions {
  /** Speech with TTS markup; defaults to the text. */
  tts?: string;
  endSession?: boolean;
  /** A string payload is wrapped as `{button: payload}` and read back by readAliceButtonPayload. */
  buttons?: Array<{ title: string; payload?: string | Record<string, unknown>; url?: string; hide?: boolean }>;
  sessionState?: Record<string, unknown>;
}

/**
 * Builds the protocol's response: `{version:'1.0', response:{text, tts?, end_session, buttons?}, session_state?}`.
 * @throws ZodError when the text or tts exceeds 1024 characters or a button title 64.
 */
export function buildAliceResponse(text: string, options: AliceResponseOptions = {}): AliceResponse {
  const buttons = options.buttons?.map(
    (button): AliceButton =>
      compact({
        title: button.title,
        payload: typeof button.payload === 'string' ? { button: button.payload } : button.payload,
        url: button.url,
        hide: button.hide,
      }),
  );
  return AliceResponseSchema.parse(
    compact({
      response: compact({ text, tts: options.tts, end_session: options.endSession ?? false, buttons }),
      session_state: options.sessionState,
      version: '1.0',
    }),
  );
}
