/**
 * The local messenger simulator: plays each provider towards the contact center. As the customer
 * it sends correctly signed webhooks (or forged ones on request) to our webhook URLs; as the
 * provider's API it receives our outbound calls (see provider-api.ts), records them and answers as
 * the provider would, including 429s and permanent errors when a switch asks for them.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ChannelSource, SimulatedChannel, SimulatedKind } from './channels.ts';
import { type CustomerIdentity, DEFAULT_PERSONAS, type Persona, customerIdentity, inventPersona, personaName } from './personas.ts';
import { type FailureMode, type FailureSwitch, FailureSwitches } from './failures.ts';
import {
  type Forgery,
  type TelegramBotUser,
  type WebhookRequest,
  type WhatsAppBusiness,
  aliceRequest,
  aliceWebhook,
  telegramCallbackQueryUpdate,
  telegramMessageUpdate,
  telegramWebhook,
  viberConversationStarted,
  viberMessageCallback,
  viberStatusCallback,
  viberUser,
  viberWebhook,
  viberWebhookCheck,
  vkConfirmation,
  vkMessageAllow,
  vkMessageNew,
  vkWebhook,
  whatsAppMessageWebhook,
  whatsAppStatusWebhook,
  whatsAppVerification,
  whatsAppWebhook,
} from './webhooks.ts';

export type { FailureMode, FailureSwitch } from './failures.ts';

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

export interface SimulatorOptions {
  channels: ChannelSource;
  /** How webhooks reach the contact center; defaults to global fetch (tests may route to `app.request`). */
  fetch?: typeof fetch;
  now?: () => Date;
  personas?: Persona[];
  /** Report `delivered` (WhatsApp, Viber) on its own shortly after a message was accepted. Default true. */
  autoDeliver?: boolean;
  deliverDelayMs?: number;
  /** Keep at most this many API calls and chat entries. */
  historyLimit?: number;
}

/** The result of a customer action: the chat line it produced and how our webhook answered. */
export interface CustomerActionResult {
  entry: ChatEntry;
  webhook: WebhookOutcome;
  /** The request as sent, for tests that check the exact wire format. */
  request: WebhookRequest;
}

const EPOCH_2025 = Date.UTC(2025, 0, 1);

/** See the file comment. Create one per local runtime (or per test) and `stop()` it at the end. */
export class MessengerSimulator {
  private readonly source: ChannelSource;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => Date;
  private readonly autoDeliver: boolean;
  private readonly deliverDelayMs: number;
  private readonly historyLimit: number;
  private readonly personas = new Map<string, Persona>();
  private channels = new Map<string, SimulatedChannel>();
  private readonly registered = new Map<string, RegisteredWebhook>();
  private readonly failures = new FailureSwitches();
  private readonly entries: ChatEntry[] = [];
  private readonly apiCalls: ApiCall[] = [];
  private readonly aliceSessions = new Map<string, { sessionId: string; messageId: number; state: unknown }>();
  private readonly vkRandomIds = new Map<string, number>();
  private readonly pendingPresses = new Map<string, string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly waiters = new Set<() => void>();
  private rev = 0;
  private callSeq = 0;
  private lastId = 0;

  constructor(options: SimulatorOptions) {
    this.source = options.channels;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? (() => new Date());
    this.autoDeliver = options.autoDeliver ?? true;
    this.deliverDelayMs = options.deliverDelayMs ?? 400;
    this.historyLimit = options.historyLimit ?? 2000;
    for (const persona of options.personas ?? DEFAULT_PERSONAS) this.personas.set(persona.id, persona);
  }

  // ───────────────────────── channels, personas, switches ─────────────────────────

  /** Re-reads the channel list from the source. */
  async refresh(): Promise<SimulatedChannel[]> {
    const list = await this.source.list();
    this.channels = new Map(list.map((channel) => [channel.channelId, channel]));
    return list;
  }

  /** Every simulated channel, freshly read. */
  listChannels(): Promise<SimulatedChannel[]> {
    return this.refresh();
  }

  /** A channel by id, re-reading the source once if it is not known yet. @throws Error when there is none. */
  async channel(channelId: string): Promise<SimulatedChannel> {
    const known = this.channels.get(channelId) ?? (await this.refresh(), this.channels.get(channelId));
    if (!known) throw new SimulatorError(404, `No simulated channel ${channelId}`);
    return known;
  }

  /** The first channel of `kind` whose secrets satisfy `match` (an API call's credentials), re-reading once on a miss. */
  async findChannel(kind: SimulatedKind, match: (channel: SimulatedChannel) => boolean): Promise<SimulatedChannel | undefined> {
    const find = () => [...this.channels.values()].find((channel) => channel.kind === kind && match(channel));
    return find() ?? (await this.refresh(), find());
  }

  /** The personas on offer (declared ones plus any invented on the fly). */
  listPersonas(): Persona[] {
    return [...this.personas.values()];
  }

  /** A declared persona, or a new one invented for `personaId` (and remembered). */
  persona(personaId: string, name?: string): Persona {
    const existing = this.personas.get(personaId);
    if (existing) return existing;
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(personaId)) throw new SimulatorError(400, 'personaId: 1-40 characters of a-z, 0-9, _ and -');
    const invented = inventPersona(personaId, name);
    this.personas.set(personaId, invented);
    return invented;
  }

  /** The ids a persona has on a channel. */
  identity(personaId: string, channelId: string): CustomerIdentity {
    return customerIdentity(this.persona(personaId), channelId);
  }

  /** Makes the next `times` outbound message calls of a channel (to `personaId`'s chat, if given) fail the provider's way. */
  failNext(channelId: string, mode: FailureMode, options: Parameters<FailureSwitches['add']>[2] = {}): FailureSwitch {
    return this.failures.add(channelId, mode, options);
  }

  /** Drops every pending failure switch of a channel. */
  clearFailures(channelId: string): void {
    this.failures.clear(channelId);
  }

  /** The pending failure switches of a channel. */
  pendingFailures(channelId: string): FailureSwitch[] {
    return this.failures.pending(channelId);
  }

  /** Consumes one failure switch for an outbound message call to `personaId`, if one applies. @internal */
  takeFailure(channelId: string, personaId: string, text?: string): FailureSwitch | undefined {
    return this.failures.take(channelId, personaId, text);
  }

  /** Where the provider delivers a channel's webhooks: the registered URL, else the channel's own. */
  webhookOf(channel: SimulatedChannel): RegisteredWebhook {
    return this.registered.get(channel.channelId) ?? { url: channel.webhookUrl, ...(channel.secrets.secretToken ? { secretToken: channel.secrets.secretToken } : {}), at: '' };
  }

  /** Records a setWebhook / set_webhook call; an empty URL removes the registration. @internal */
  registerWebhook(channel: SimulatedChannel, webhook: Omit<RegisteredWebhook, 'at'>): void {
    if (!webhook.url) {
      this.registered.delete(channel.channelId);
      return;
    }
    this.registered.set(channel.channelId, { ...webhook, at: this.now().toISOString() });
    this.addEntry({ channelId: channel.channelId, personaId: '', from: 'system', event: 'webhook_registered', text: `вебхук зарегистрирован: ${webhook.url}`, textEn: `webhook registered: ${webhook.url}` });
  }

  /** Whether a channel has a registered webhook (not just the default URL). */
  registeredWebhook(channelId: string): RegisteredWebhook | undefined {
    return this.registered.get(channelId);
  }

  // ───────────────────────── the customer side ─────────────────────────

  /**
   * The customer types `text` in the channel's app: the provider's webhook for it is signed and
   * POSTed to our webhook URL (forged when asked). Alice answers synchronously, so a Yandex reply
   * appears in the chat at once.
   */
  async say(channelId: string, personaId: string, text: string, options: { forgery?: Forgery } = {}): Promise<CustomerActionResult> {
    const channel = await this.channel(channelId);
    const persona = this.persona(personaId);
    const id = customerIdentity(persona, channelId);
    const at = this.now();
    const seconds = Math.floor(at.getTime() / 1000);
    const webhook = this.webhookOf(channel);
    let request: WebhookRequest;
    let providerMessageId: string;
    switch (channel.kind) {
      case 'telegram': {
        const messageId = this.nextId();
        providerMessageId = String(messageId);
        request = telegramWebhook(webhook.url, telegramMessageUpdate({ updateId: this.nextId(), messageId, date: seconds, persona, userId: id.telegramUserId, text }), webhook.secretToken, options.forgery);
        break;
      }
      case 'whatsapp': {
        providerMessageId = this.wamid(id.waId);
        const message = { from: id.waId, id: providerMessageId, timestamp: String(seconds), text: { body: text }, type: 'text' };
        request = whatsAppWebhook(webhook.url, whatsAppMessageWebhook(this.whatsAppBusiness(channel), { name: personaName(persona), waId: id.waId }, message), channel.secrets.appSecret, options.forgery);
        break;
      }
      case 'vk': {
        const cmid = this.nextId();
        providerMessageId = `${id.vkUserId}:${cmid}`;
        const event = vkMessageNew({ groupId: this.vkGroupId(channel), eventId: randomBytes(20).toString('hex'), apiVersion: this.vkApiVersion(channel), date: seconds, userId: id.vkUserId, id: this.nextId(), conversationMessageId: cmid, text });
        request = vkWebhook(webhook.url, event, channel.secrets.secret, options.forgery);
        break;
      }
      case 'viber': {
        const token = this.viberToken();
        providerMessageId = token.toString();
        const body = viberMessageCallback({ timestamp: at.getTime(), messageToken: token, sender: viberUser(persona, id.viberUserId, personaName(persona)), text });
        request = viberWebhook(webhook.url, body, channel.secrets.token, options.forgery);
        break;
      }
      case 'yandex': {
        const session = this.aliceSession(channel, persona, false);
        providerMessageId = `${session.sessionId}:${session.messageId}`;
        request = aliceWebhook(webhook.url, aliceRequest({ ...session.request, utterance: text }), options.forgery);
        break;
      }
    }
    const entry = this.addEntry({ channelId, personaId, from: 'customer', text, providerMessageId });
    return this.deliverCustomerRequest(channel, persona, entry, request, options.forgery);
  }

  /**
   * The customer opens the chat: Telegram `/start <payload>`, Viber `conversation_started`, VK
   * `message_allow`, a new Alice session; WhatsApp has no such event, so nothing is sent.
   */
  async start(channelId: string, personaId: string, options: { payload?: string; forgery?: Forgery } = {}): Promise<CustomerActionResult | undefined> {
    const channel = await this.channel(channelId);
    const persona = this.persona(personaId);
    const id = customerIdentity(persona, channelId);
    const at = this.now();
    const webhook = this.webhookOf(channel);
    let request: WebhookRequest;
    let text: string;
    let textEn: string;
    switch (channel.kind) {
      case 'telegram':
        return this.say(channelId, personaId, options.payload ? `/start ${options.payload}` : '/start', options);
      case 'whatsapp':
        return undefined;
      case 'vk':
        text = '(разрешил сообщения сообщества)';
        textEn = '(allowed messages from the community)';
        request = vkWebhook(webhook.url, vkMessageAllow({ groupId: this.vkGroupId(channel), eventId: randomBytes(20).toString('hex'), apiVersion: this.vkApiVersion(channel), userId: id.vkUserId, ...(options.payload ? { key: options.payload } : {}) }), channel.secrets.secret, options.forgery);
        break;
      case 'viber':
        text = '(открыл чат)';
        textEn = '(opened the chat)';
        request = viberWebhook(webhook.url, viberConversationStarted({ timestamp: at.getTime(), messageToken: this.viberToken(), user: viberUser(persona, id.viberUserId, personaName(persona)), ...(options.payload ? { context: options.payload } : {}), subscribed: false }), channel.secrets.token, options.forgery);
        break;
      case 'yandex': {
        const session = this.aliceSession(channel, persona, true);
        text = '(запустил навык)';
        textEn = '(launched the skill)';
        request = aliceWebhook(webhook.url, aliceRequest({ ...session.request, utterance: '' }), options.forgery);
        break;
      }
    }
    const entry = this.addEntry({ channelId, personaId, from: 'customer', text, textEn });
    return this.deliverCustomerRequest(channel, persona, entry, request, options.forgery);
  }

  /**
   * The customer presses a button under one of our messages: Telegram callback_query, WhatsApp
   * interactive reply, VK message with the button's payload, Viber reply (text = ActionBody), Alice
   * ButtonPressed.
   */
  async press(channelId: string, personaId: string, entryId: string, payload: string, options: { forgery?: Forgery } = {}): Promise<CustomerActionResult> {
    const channel = await this.channel(channelId);
    const persona = this.persona(personaId);
    const id = customerIdentity(persona, channelId);
    const source = this.entries.find((entry) => entry.id === entryId && entry.channelId === channelId && entry.from === 'business');
    const button = source?.buttons?.find((candidate) => candidate.payload === payload);
    if (!source || !button) throw new SimulatorError(404, `No button ${payload} under message ${entryId}`);
    const at = this.now();
    const seconds = Math.floor(at.getTime() / 1000);
    const webhook = this.webhookOf(channel);
    let request: WebhookRequest;
    let callbackQueryId: string | undefined;
    switch (channel.kind) {
      case 'telegram': {
        callbackQueryId = `${BigInt(`0x${randomBytes(7).toString('hex')}`)}`;
        const markup = { inline_keyboard: (source.buttons ?? []).map((b) => [{ text: b.title, callback_data: b.payload }]) };
        const update = telegramCallbackQueryUpdate({
          updateId: this.nextId(),
          callbackQueryId,
          persona,
          userId: id.telegramUserId,
          bot: this.telegramBot(channel),
          message: { message_id: Number(source.providerMessageId), date: Math.floor(Date.parse(source.at) / 1000), text: source.text, reply_markup: markup },
          chatInstance: `-${BigInt(`0x${createHash('sha256').update(`${channelId}:${persona.id}`).digest('hex').slice(0, 15)}`)}`,
          data: payload,
        });
        request = telegramWebhook(webhook.url, update, webhook.secretToken, options.forgery);
        break;
      }
      case 'whatsapp': {
        const list = (source.buttons?.length ?? 0) > 3;
        const message = {
          context: { from: this.whatsAppBusiness(channel).displayPhoneNumber, id: source.providerMessageId },
          from: id.waId,
          id: this.wamid(id.waId),
          timestamp: String(seconds),
          type: 'interactive',
          interactive: list ? { type: 'list_reply', list_reply: { id: payload, title: button.title } } : { type: 'button_reply', button_reply: { id: payload, title: button.title } },
        };
        request = whatsAppWebhook(webhook.url, whatsAppMessageWebhook(this.whatsAppBusiness(channel), { name: personaName(persona), waId: id.waId }, message), channel.secrets.appSecret, options.forgery);
        break;
      }
      case 'vk': {
        const event = vkMessageNew({ groupId: this.vkGroupId(channel), eventId: randomBytes(20).toString('hex'), apiVersion: this.vkApiVersion(channel), date: seconds, userId: id.vkUserId, id: this.nextId(), conversationMessageId: this.nextId(), text: button.title, payload: JSON.stringify({ button: payload }) });
        request = vkWebhook(webhook.url, event, channel.secrets.secret, options.forgery);
        break;
      }
      case 'viber': {
        const body = viberMessageCallback({ timestamp: at.getTime(), messageToken: this.viberToken(), sender: viberUser(persona, id.viberUserId, personaName(persona)), text: payload });
        request = viberWebhook(webhook.url, body, channel.secrets.token, options.forgery);
        break;
      }
      case 'yandex': {
        const session = this.aliceSession(channel, persona, false);
        request = aliceWebhook(webhook.url, aliceRequest({ ...session.request, utterance: button.title, pressed: { payload: { button: payload } } }), options.forgery);
        break;
      }
    }
    const entry = this.addEntry({ channelId, personaId, from: 'customer', text: `▸ ${button.title}`, ...(callbackQueryId ? { answered: false } : {}) });
    if (callbackQueryId) this.pendingPresses.set(callbackQueryId, entry.id);
    return this.deliverCustomerRequest(channel, persona, entry, request, options.forgery);
  }

  /**
   * The customer reads the chat: the providers with read receipts report our delivered messages as
   * read (WhatsApp `read` statuses, Viber `seen`). Returns how many were reported.
   */
  async read(channelId: string, personaId: string): Promise<number> {
    const channel = await this.channel(channelId);
    if (channel.kind !== 'whatsapp' && channel.kind !== 'viber') return 0;
    const unread = this.entries.filter((e) => e.channelId === channelId && e.personaId === personaId && e.from === 'business' && e.providerMessageId && e.delivery !== 'read');
    if (unread.length === 0) return 0;
    await this.reportStatuses(channel, this.persona(personaId), unread, 'read');
    return unread.length;
  }

  /** Reports our accepted messages to a persona as delivered now (what autoDeliver does after a delay). */
  async deliver(channelId: string, personaId: string): Promise<number> {
    const channel = await this.channel(channelId);
    const pending = this.entries.filter((e) => e.channelId === channelId && e.personaId === personaId && e.from === 'business' && e.delivery === 'sent' && e.providerMessageId);
    if (pending.length === 0 || (channel.kind !== 'whatsapp' && channel.kind !== 'viber')) return 0;
    await this.reportStatuses(channel, this.persona(personaId), pending, 'delivered');
    return pending.length;
  }

  /**
   * What the provider does when a webhook is set up by hand or by API: WhatsApp's subscription GET
   * with hub.challenge, VK's `confirmation` request, Viber's `webhook` check. Reports whether our
   * answer would satisfy the provider.
   */
  async handshake(channelId: string): Promise<{ ok: boolean; expected?: string; outcome: WebhookOutcome; request?: WebhookRequest }> {
    const channel = await this.channel(channelId);
    const url = this.webhookOf(channel).url;
    let request: WebhookRequest;
    let expected: string | undefined;
    switch (channel.kind) {
      case 'whatsapp':
        expected = String(100000000 + Math.floor(Math.random() * 899999999));
        request = whatsAppVerification(url, channel.secrets.verifyToken ?? '', expected);
        break;
      case 'vk':
        expected = channel.secrets.confirmation ?? '';
        request = vkWebhook(url, vkConfirmation(this.vkGroupId(channel)), undefined);
        break;
      case 'viber':
        request = viberWebhook(url, viberWebhookCheck({ timestamp: this.now().getTime(), messageToken: this.viberToken() }), channel.secrets.token);
        break;
      default:
        throw new SimulatorError(400, `${channel.kind} has no webhook handshake`);
    }
    const outcome = await this.send(request);
    const ok = outcome.status === 200 && (expected === undefined || outcome.body.trim() === expected);
    const verdict = `HTTP ${outcome.status}${ok ? ' ✓' : ' ✗'}`;
    this.addEntry({ channelId, personaId: '', from: 'system', event: 'handshake', text: `проверка вебхука ${channel.kind}: ${verdict}`, textEn: `${channel.kind} webhook check: ${verdict}` });
    return { ok, ...(expected !== undefined ? { expected } : {}), outcome, request };
  }

  // ───────────────────────── the provider API side (used by provider-api.ts) ─────────────────────────

  /** Viber's check after set_webhook: a signed `webhook` callback that must be answered 200. @internal */
  checkViberWebhook(channel: SimulatedChannel, url: string): Promise<WebhookOutcome> {
    return this.send(viberWebhook(url, viberWebhookCheck({ timestamp: this.now().getTime(), messageToken: this.viberToken() }), channel.secrets.token));
  }

  /** Records a call to a fake API. @internal */
  recordCall(call: Omit<ApiCall, 'seq' | 'at'>): ApiCall {
    const recorded = { ...call, seq: ++this.callSeq, at: this.now().toISOString() };
    this.apiCalls.push(recorded);
    if (this.apiCalls.length > this.historyLimit) this.apiCalls.splice(0, this.apiCalls.length - this.historyLimit);
    this.notify();
    return recorded;
  }

  /** Records a message our side sent through a fake API as a business line of the persona's chat. @internal */
  recordOutbound(channel: SimulatedChannel, personaId: string, message: { text: string; buttons?: ChatButton[]; providerMessageId: string }): ChatEntry {
    const entry = this.addEntry({ channelId: channel.channelId, personaId, from: 'business', text: message.text, providerMessageId: message.providerMessageId, delivery: 'sent', ...(message.buttons?.length ? { buttons: message.buttons } : {}) });
    if (this.autoDeliver && (channel.kind === 'whatsapp' || channel.kind === 'viber')) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.deliver(channel.channelId, personaId).catch(() => undefined);
      }, this.deliverDelayMs);
      this.timers.add(timer);
    }
    return entry;
  }

  /** Notes in the chat that the provider refused one of our calls (a failure switch or a bad request). @internal */
  recordRefusal(channel: SimulatedChannel, personaId: string, text: { ru: string; en: string }): void {
    this.addEntry({ channelId: channel.channelId, personaId, from: 'system', event: 'api_error', text: text.ru, textEn: text.en });
  }

  /** Marks a Telegram callback query as answered; false when the id is unknown or already answered. @internal */
  answerPress(callbackQueryId: string): boolean {
    const entryId = this.pendingPresses.get(callbackQueryId);
    if (!entryId) return false;
    this.pendingPresses.delete(callbackQueryId);
    const entry = this.entries.find((candidate) => candidate.id === entryId);
    if (entry) this.touch(entry, { answered: true });
    return true;
  }

  /** The persona a provider recipient id belongs to on a channel, if it is one of ours. @internal */
  personaFor(channel: SimulatedChannel, recipient: string): Persona | undefined {
    const key: Record<SimulatedKind, keyof CustomerIdentity> = { telegram: 'telegramUserId', whatsapp: 'waId', vk: 'vkUserId', viber: 'viberUserId', yandex: 'aliceUserId' };
    const wanted = channel.kind === 'whatsapp' ? recipient.replace(/^\+/, '') : recipient;
    return [...this.personas.values()].find((persona) => String(customerIdentity(persona, channel.channelId)[key[channel.kind]]) === wanted);
  }

  /** VK's dedup of messages.send: the message id already sent with this peer and random_id, if any. @internal */
  vkSentBefore(channelId: string, peerId: string, randomId: string): number | undefined {
    return this.vkRandomIds.get(`${channelId}:${peerId}:${randomId}`);
  }

  /** Remembers a messages.send random_id. @internal */
  rememberVkRandomId(channelId: string, peerId: string, randomId: string, messageId: number): void {
    this.vkRandomIds.set(`${channelId}:${peerId}:${randomId}`, messageId);
  }

  /** The bot user Telegram shows as `from` of the bot's messages (id = the token's numeric part). @internal */
  telegramBot(channel: SimulatedChannel): TelegramBotUser {
    const id = Number(/^(\d+):/.exec(channel.secrets.botToken ?? '')?.[1] ?? 0);
    const username = typeof channel.settings.botUsername === 'string' ? channel.settings.botUsername : `${channel.channelId.replace(/[^A-Za-z0-9]/g, '_')}_bot`;
    return { id, is_bot: true, first_name: channel.name, username };
  }

  /** The business account and number of a WhatsApp channel. @internal */
  whatsAppBusiness(channel: SimulatedChannel): WhatsAppBusiness {
    const phoneNumberId = channel.secrets.phoneNumberId ?? String(channel.settings.phoneNumberId ?? '');
    const display = typeof channel.settings.displayPhoneNumber === 'string' ? channel.settings.displayPhoneNumber.replace(/\D/g, '') : '74951234567';
    const wabaId = String(100_000_000_000_000 + Number(BigInt(`0x${createHash('sha256').update(`waba:${phoneNumberId}`).digest('hex').slice(0, 12)}`) % 900_000_000_000_000n));
    return { wabaId, displayPhoneNumber: display, phoneNumberId };
  }

  /** The simulator's clock in Unix seconds, as providers date their messages. @internal */
  unixSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  /** A new id that grows across restarts (time-based), for ids the provider keeps increasing. @internal */
  nextId(): number {
    this.lastId = Math.max(this.lastId + 1, Math.floor((this.now().getTime() - EPOCH_2025) / 100));
    return this.lastId;
  }

  /** A WhatsApp message id (`wamid.` + base64). @internal */
  wamid(waId: string): string {
    return `wamid.${Buffer.from(`${waId}:${randomBytes(12).toString('hex').toUpperCase()}`).toString('base64')}`;
  }

  /** A 64-bit Viber message token, beyond 2^53 like the real ones. @internal */
  viberToken(): bigint {
    return 5_000_000_000_000_000_000n + BigInt(this.now().getTime()) * 1000n + BigInt(this.nextId() % 1000);
  }

  // ───────────────────────── reading the state ─────────────────────────

  /** A persona's chat on a channel (system lines of the channel included), changed after `sinceRev`. */
  transcript(channelId: string, personaId: string, sinceRev = 0): ChatEntry[] {
    return this.entries.filter((e) => e.channelId === channelId && (e.personaId === personaId || e.personaId === '') && e.rev > sinceRev);
  }

  /** The API calls received, oldest first, optionally of one channel. */
  calls(channelId?: string): ApiCall[] {
    return channelId ? this.apiCalls.filter((call) => call.channelId === channelId) : [...this.apiCalls];
  }

  /** The latest change number; pollers pass it back as `since`. */
  get revision(): number {
    return this.rev;
  }

  /**
   * Resolves with the first value `probe` returns once the simulator's state changes (or at once);
   * rejects after `timeoutMs`. Tests use it instead of sleeping.
   */
  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const first = probe();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`simulator: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** Waits for our side's next message to a persona on a channel (one after `afterRev`). */
  waitForReply(channelId: string, personaId: string, options: { afterRev?: number; timeoutMs?: number } = {}): Promise<ChatEntry> {
    const after = options.afterRev ?? 0;
    return this.waitFor(() => this.entries.find((e) => e.channelId === channelId && e.personaId === personaId && e.from === 'business' && e.rev > after), options.timeoutMs);
  }

  /** Stops the delivery timers and releases waiters. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  // ───────────────────────── internals ─────────────────────────

  private async deliverCustomerRequest(channel: SimulatedChannel, persona: Persona, entry: ChatEntry, request: WebhookRequest, forgery?: Forgery): Promise<CustomerActionResult> {
    const outcome = await this.send(request, channel.kind);
    const webhook = forgery ? { ...outcome, forged: forgery } : outcome;
    this.touch(entry, { webhook });
    if (channel.kind === 'yandex' && outcome.accepted) this.recordAliceAnswer(channel, persona, outcome.body);
    return { entry, webhook, request };
  }

  /** POSTs (or GETs) a webhook and reads the answer; never throws. */
  private async send(request: WebhookRequest, kind?: SimulatedKind): Promise<WebhookOutcome> {
    try {
      const response = await this.fetchImpl(request.url, { method: request.method, headers: request.headers, ...(request.rawBody !== undefined ? { body: request.rawBody } : {}) });
      const body = await response.text();
      const twoXx = response.status >= 200 && response.status < 300;
      // VK keeps re-sending an event until the answer is exactly "ok".
      const accepted = kind === 'vk' ? response.status === 200 && body.trim() === 'ok' : twoXx;
      return { status: response.status, accepted, body: body.slice(0, 2000) };
    } catch (error) {
      return { status: 0, accepted: false, body: '', error: error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error) };
    }
  }

  /** Alice shows the skill's synchronous answer as the reply. */
  private recordAliceAnswer(channel: SimulatedChannel, persona: Persona, body: string): void {
    try {
      const answer = JSON.parse(body) as { response?: { text?: unknown; end_session?: unknown; buttons?: Array<{ title?: unknown; payload?: unknown }> }; session_state?: unknown };
      const text = typeof answer.response?.text === 'string' ? answer.response.text : '';
      const buttons = (answer.response?.buttons ?? [])
        .filter((b): b is { title: string; payload?: unknown } => typeof b.title === 'string')
        .map((b) => ({ title: b.title, payload: readButtonPayload(b.payload) ?? b.title }));
      const key = `${channel.channelId}:${persona.id}`;
      const session = this.aliceSessions.get(key);
      if (session) session.state = answer.session_state;
      if (answer.response?.end_session === true) this.aliceSessions.delete(key);
      // Alice speaks the answer at once: there is no delivery to report.
      if (text) this.addEntry({ channelId: channel.channelId, personaId: persona.id, from: 'business', text, providerMessageId: `alice:${randomUUID()}`, ...(buttons.length ? { buttons } : {}) });
    } catch {
      this.addEntry({ channelId: channel.channelId, personaId: persona.id, from: 'system', event: 'api_error', text: 'Алиса: ответ навыка не JSON', textEn: 'Alice: the skill answered with something other than JSON' });
    }
  }

  /** The Alice session of a persona on a skill; `fresh` starts a new one. */
  private aliceSession(channel: SimulatedChannel, persona: Persona, fresh: boolean) {
    const key = `${channel.channelId}:${persona.id}`;
    let session = this.aliceSessions.get(key);
    const isNew = fresh || !session;
    if (!session || fresh) {
      session = { sessionId: randomUUID(), messageId: -1, state: undefined };
      this.aliceSessions.set(key, session);
    }
    session.messageId += 1;
    const id = customerIdentity(persona, channel.channelId);
    return {
      sessionId: session.sessionId,
      messageId: session.messageId,
      request: {
        skillId: channel.secrets.skillId ?? '',
        sessionId: session.sessionId,
        messageId: session.messageId,
        isNew,
        applicationId: id.aliceApplicationId,
        userId: id.aliceUserId,
        locale: persona.language === 'en' ? 'en-US' : 'ru-RU',
        sessionState: session.state,
      },
    };
  }

  private async reportStatuses(channel: SimulatedChannel, persona: Persona, entries: ChatEntry[], status: 'delivered' | 'read'): Promise<void> {
    const id = customerIdentity(persona, channel.channelId);
    const url = this.webhookOf(channel).url;
    const seconds = Math.floor(this.now().getTime() / 1000);
    if (channel.kind === 'whatsapp') {
      type Status = 'sent' | 'delivered' | 'read';
      const steps: Status[] = status === 'delivered' ? ['sent', 'delivered'] : ['read'];
      const conversationId = createHash('md5').update(`${channel.channelId}:${persona.id}`).digest('hex');
      const statuses = entries.flatMap((entry) => steps.map((step) => ({ id: entry.providerMessageId!, recipientId: id.waId, status: step, timestamp: seconds, conversationId })));
      const outcome = await this.send(whatsAppWebhook(url, whatsAppStatusWebhook(this.whatsAppBusiness(channel), statuses), channel.secrets.appSecret));
      if (outcome.accepted) for (const entry of entries) this.touch(entry, { delivery: status });
      return;
    }
    for (const entry of entries) {
      const body = viberStatusCallback(status === 'read' ? 'seen' : 'delivered', { timestamp: this.now().getTime(), messageToken: entry.providerMessageId!, userId: id.viberUserId });
      const outcome = await this.send(viberWebhook(url, body, channel.secrets.token));
      if (outcome.accepted) this.touch(entry, { delivery: status });
    }
  }

  private vkGroupId(channel: SimulatedChannel): number {
    return Number(channel.secrets.groupId ?? channel.settings.groupId ?? 0);
  }

  private vkApiVersion(channel: SimulatedChannel): string {
    return typeof channel.settings.apiVersion === 'string' ? channel.settings.apiVersion : '5.199';
  }

  private addEntry(fields: Omit<ChatEntry, 'rev' | 'id' | 'at'>): ChatEntry {
    const rev = ++this.rev;
    const entry: ChatEntry = { ...fields, rev, id: `e${rev}`, at: this.now().toISOString() };
    this.entries.push(entry);
    if (this.entries.length > this.historyLimit) this.entries.splice(0, this.entries.length - this.historyLimit);
    this.notify();
    return entry;
  }

  private touch(entry: ChatEntry, changes: Partial<ChatEntry>): void {
    Object.assign(entry, changes, { rev: ++this.rev });
    this.notify();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
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


