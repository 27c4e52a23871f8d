/** The simulator's records: chat lines, webhook outcomes, API calls and registered webhooks. */
import type { SimulatedKind } from './channels.ts';
import type { FailureMode } from './failures.ts';
import type { ChatFile } from './files.ts';
import type { Forgery, WebhookRequest } from './wire.ts';

/** A button under a message of ours, as the customer sees it. */
export interface ChatButton {
  title: string;
  payload: string;
}

/** How our webhook answered a call the simulator made. */
export interface WebhookOutcome {
  status: number;
  /** The provider would treat the delivery as done (2xx; VK also needs the body `ok`). */
  accepted: boolean;
  body: string;
  forged?: Forgery;
  /** Network error, when the call did not get an answer. */
  error?: string;
}

/** One line of a simulated chat. `rev` grows whenever the entry changes, so pollers fetch `rev > since`. */
export interface ChatEntry {
  rev: number;
  id: string;
  channelId: string;
  personaId: string;
  from: 'customer' | 'business' | 'system';
  text: string;
  at: string;
  buttons?: ChatButton[];
  /** A file in the line: the customer's, or one our side sent (its bytes as the fake API received them). */
  file?: ChatFile;
  /** Customer lines: how our webhook answered. */
  webhook?: WebhookOutcome;
  /** Business lines: the provider's id of the message (Telegram message_id, wamid, VK id, Viber token). */
  providerMessageId?: string;
  /** Business lines: what the provider has reported so far. */
  delivery?: 'sent' | 'delivered' | 'read';
  /** Customer button presses: whether the bot answered the press (Telegram answerCallbackQuery). */
  answered?: boolean;
  /** System lines: what happened (`api_error`, `handshake`, `webhook_registered`). */
  event?: string;
  /** The English text where `text` is ours rather than someone's words (Russian, the page's first language). */
  textEn?: string;
}

/** The fields of a new chat line; the log assigns `rev`, `id` and `at`. */
export type NewChatEntry = Omit<ChatEntry, 'rev' | 'id' | 'at'>;

/** A call our side made to a fake provider API, as received, with the answer given. */
export interface ApiCall {
  seq: number;
  at: string;
  kind: SimulatedKind;
  /** The channel whose credentials authenticated the call, when any did. */
  channelId?: string;
  /** The provider's method name: sendMessage, messages, messages.send, send_message, set_webhook… */
  method: string;
  httpMethod: string;
  path: string;
  headers: Record<string, string>;
  /** The parameters as parsed (JSON body, form fields or query). */
  params: Record<string, unknown>;
  status: number;
  response: string;
  /** The failure switch that produced the answer. */
  failure?: FailureMode;
}

/** A webhook the provider was told to call (setWebhook / set_webhook), replacing the channel's default URL. */
export interface RegisteredWebhook {
  url: string;
  secretToken?: string;
  allowedUpdates?: string[];
  eventTypes?: string[];
  at: string;
}

/** The result of a customer action: the chat line it produced and how our webhook answered. */
export interface CustomerActionResult {
  entry: ChatEntry;
  webhook: WebhookOutcome;
  /** The request as sent, for tests that check the exact wire format. */
  request: WebhookRequest;
}

/** A simulator request that cannot be served; `status` is the HTTP status the simulator API answers. */
export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}

/** Our button payload back from a provider's button object (`{button: "…"}` as our senders write it, or a string). */
export function readButtonPayload(payload: unknown): string | undefined {
  if (typeof payload === 'string') {
    try {
      return readButtonPayload(JSON.parse(payload)) ?? payload;
    } catch {
      return payload;
    }
  }
  if (typeof payload === 'object' && payload !== null && typeof (payload as { button?: unknown }).button === 'string') return (payload as { button: string }).button;
  return undefined;
}
