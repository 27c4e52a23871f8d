/**
 * What one simulated messenger provides: how its customer's actions look on the wire, what it
 * does with our webhook's answers, and the fake API our senders call. Each provider folder
 * (`telegram/`, `whatsapp/`, …) exports a factory for it, registered in `providers.ts`; the
 * simulator core stays provider-neutral.
 */
import type { Hono } from 'hono';
import type { SimulatedChannel, SimulatedKind } from './channels.ts';
import type { FailureSwitch } from './failures.ts';
import type { ApiCall, ChatButton, ChatEntry, NewChatEntry, RegisteredWebhook, WebhookOutcome } from './model.ts';
import type { CustomerIdentity, Persona } from './personas.ts';
import type { KeptFile, SimulatedFile } from './files.ts';
import type { Forgery, WebhookRequest } from './wire.ts';

/** One customer action in progress: who does it, on which channel, when, and where the webhook goes. */
export interface CustomerContext {
  channel: SimulatedChannel;
  persona: Persona;
  /** The persona's ids on the channel. */
  id: CustomerIdentity;
  at: Date;
  webhook: RegisteredWebhook;
  forgery?: Forgery;
}

/** The customer opened the chat: the webhook to send and the line the chat shows for it. */
export interface OpenedChat {
  request: WebhookRequest;
  text: string;
  textEn: string;
}

/** A button press: the webhook to send, extra fields of the customer's line, and what to remember once it exists. */
export interface PressedButton {
  request: WebhookRequest;
  entryFields?: Partial<ChatEntry>;
  onEntry?: (entry: ChatEntry) => void;
}

export type { SimulatedFile } from './files.ts';

/** One messenger as the simulator plays it; optional parts are the features the provider has. */
export interface SimulatedProvider {
  readonly kind: SimulatedKind;
  /** Whether `recipient` (chat_id, `to`, peer_id, receiver, as our API call names it) is this persona. */
  isRecipient(identity: CustomerIdentity, recipient: string): boolean;
  /** The customer types `text`: the webhook and the provider's id of the message. */
  message(context: CustomerContext, text: string): { request: WebhookRequest; providerMessageId: string };
  /** The customer sends a photo or a document: the webhook, and the provider keeps the bytes for its file API. */
  sendFile?(context: CustomerContext, file: SimulatedFile): { request: WebhookRequest; providerMessageId: string; file?: KeptFile };
  /** The customer opens the chat; `{say}` when the provider sends it as a text (Telegram `/start`), undefined when it sends nothing. */
  open(context: CustomerContext, payload: string | undefined): OpenedChat | { say: string } | undefined;
  /** The customer presses `button` under our message `source`. */
  press(context: CustomerContext, source: ChatEntry, button: ChatButton): PressedButton;
  /** Whether the provider takes our webhook's answer as a delivery (default: any 2xx). */
  accepts?(status: number, body: string): boolean;
  /** What the provider does with an accepted answer's body (Alice speaks it in the chat). */
  answered?(channel: SimulatedChannel, persona: Persona, body: string): void;
  /** Read receipts: reports our messages to a persona as delivered or read. */
  reportStatuses?(channel: SimulatedChannel, persona: Persona, entries: ChatEntry[], status: 'delivered' | 'read'): Promise<void>;
  /** The provider's check of a webhook URL, and the body our answer must equal (if any). */
  handshake?(channel: SimulatedChannel, url: string): { request: WebhookRequest; expected?: string };
  /** The fake provider API our senders call, mounted at `/simulator/<kind>`. */
  api?(): Hono;
}

/**
 * What a provider may ask of the simulator core (chat lines, API call records, webhooks, switches, the clock). The
 * core implements it; providers see only this, so the core and the provider folders never import each other.
 */
export interface ProviderHost {
  now(): Date;
  /** The clock in Unix seconds, as providers date their messages. */
  unixSeconds(): number;
  /** A new id that grows across restarts (time-based), for ids the provider keeps increasing. */
  nextId(): number;
  providers(): SimulatedProvider[];
  findChannel(kind: SimulatedKind, match: (channel: SimulatedChannel) => boolean): Promise<SimulatedChannel | undefined>;
  personaFor(channel: SimulatedChannel, recipient: string): Persona | undefined;
  webhookOf(channel: SimulatedChannel): RegisteredWebhook;
  registeredWebhook(channelId: string): RegisteredWebhook | undefined;
  registerWebhook(channel: SimulatedChannel, webhook: Omit<RegisteredWebhook, 'at'>): void;
  takeFailure(channelId: string, personaId: string, text?: string): FailureSwitch | undefined;
  recordCall(call: Omit<ApiCall, 'seq' | 'at'>): ApiCall;
  recordOutbound(channel: SimulatedChannel, personaId: string, message: { text: string; buttons?: ChatButton[]; providerMessageId: string; file?: KeptFile }): ChatEntry;
  /** Keeps a file (a customer's, or one our side uploaded); `url` is where anyone may fetch it from the simulator. */
  keepFile(file: SimulatedFile): KeptFile & { url: string };
  /** A kept file by id. */
  file(id: string): KeptFile | undefined;
  /** The absolute URL of a path under `/simulator` (for links the provider hands out). */
  publicUrl(path: string): string;
  /** Fetches a file from a link our side gave (Viber fetches pictures and files itself). */
  fetchMedia(url: string): Promise<{ status: number; bytes: Uint8Array; contentType: string | undefined }>;
  recordRefusal(channel: SimulatedChannel, personaId: string, text: { ru: string; en: string }): void;
  addEntry(fields: NewChatEntry): ChatEntry;
  entry(entryId: string): ChatEntry | undefined;
  touch(entry: ChatEntry, changes: Partial<ChatEntry>): void;
  send(request: WebhookRequest, accepts?: (status: number, body: string) => boolean): Promise<WebhookOutcome>;
}

/** Builds a provider for one simulator (provider state, such as open Alice sessions, lives in the closure). */
export type ProviderFactory = (sim: ProviderHost) => SimulatedProvider;

/** Builds every provider of one simulator, by kind (`providers.ts`; the core takes it so it never imports them). */
export type ProvidersFactory = (sim: ProviderHost) => Record<SimulatedKind, SimulatedProvider>;
