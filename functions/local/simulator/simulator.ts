/**
 * The local messenger simulator: plays each provider towards the contact center. As the customer
 * it sends correctly signed webhooks (or forged ones on request) to our webhook URLs; as the
 * provider's API it receives our outbound calls (see provider-api.ts), records them and answers as
 * the provider would, including 429s and permanent errors when a switch asks for them. The
 * customer's actions are here, provider-neutral; the state they share is in core.ts, and what
 * differs per messenger is in its folder (`telegram/`, `whatsapp/`, …), registered in providers.ts.
 */
import type { ApiCall, ChatEntry, CustomerActionResult, WebhookOutcome } from './model.ts';
import { SimulatorError } from './model.ts';
import { customerIdentity } from './personas.ts';
import { chatFileOf } from './files.ts';
import type { CustomerContext, SimulatedFile, SimulatedProvider } from './provider.ts';
import { SimulatorCore, type SimulatorOptions } from './core.ts';
import { createProviders } from './providers.ts';
import type { Forgery, WebhookRequest } from './wire.ts';

export type { FailureMode, FailureSwitch } from './failures.ts';
export type { ApiCall, ChatButton, ChatEntry, CustomerActionResult, RegisteredWebhook, WebhookOutcome } from './model.ts';
export { SimulatorError, readButtonPayload } from './model.ts';
export { SimulatorCore, type SimulatorOptions } from './core.ts';

/** See the file comment. Create one per local runtime (or per test) and `stop()` it at the end. */
export class MessengerSimulator extends SimulatorCore {
  constructor(options: SimulatorOptions) {
    super(options, createProviders);
  }

  // ───────────────────────── the customer side ─────────────────────────

  /**
   * The customer types `text` in the channel's app: the provider's webhook for it is signed and
   * POSTed to our webhook URL (forged when asked). Alice answers synchronously, so a Yandex reply
   * appears in the chat at once.
   */
  async say(channelId: string, personaId: string, text: string, options: { forgery?: Forgery } = {}): Promise<CustomerActionResult> {
    const { provider, context } = await this.customer(channelId, personaId, options.forgery);
    const { request, providerMessageId } = provider.message(context, text);
    const entry = this.addEntry({ channelId, personaId, from: 'customer', text, providerMessageId });
    return this.deliverCustomerRequest(provider, context, entry, request);
  }

  /**
   * The customer sends a photo or a document: the provider keeps the bytes for its file API (Telegram
   * getFile and the file URL, WhatsApp's media URL, VK's and Viber's direct links) and POSTs the webhook
   * naming the file. @throws SimulatorError (400) for Alice, whose users send no files.
   */
  async sendFile(channelId: string, personaId: string, file: SimulatedFile, options: { forgery?: Forgery } = {}): Promise<CustomerActionResult> {
    const { provider, context } = await this.customer(channelId, personaId, options.forgery);
    if (!provider.sendFile) throw new SimulatorError(400, `${provider.kind} takes no files from its users`);
    const sent = provider.sendFile(context, file);
    const { request, providerMessageId } = sent;
    const shown = chatFileOf(sent.file ?? this.keepFile(file));
    const entry = this.addEntry({ channelId, personaId, from: 'customer', text: file.caption ? `📎 ${file.fileName} — ${file.caption}` : `📎 ${file.fileName}`, providerMessageId, file: shown });
    return this.deliverCustomerRequest(provider, context, entry, request);
  }

  /**
   * The customer opens the chat: Telegram `/start <payload>`, Viber `conversation_started`, VK
   * `message_allow`, a new Alice session; WhatsApp has no such event, so nothing is sent.
   */
  async start(channelId: string, personaId: string, options: { payload?: string; forgery?: Forgery } = {}): Promise<CustomerActionResult | undefined> {
    const { provider, context } = await this.customer(channelId, personaId, options.forgery);
    const opened = provider.open(context, options.payload);
    if (!opened) return undefined;
    if ('say' in opened) return this.say(channelId, personaId, opened.say, options);
    const entry = this.addEntry({ channelId, personaId, from: 'customer', text: opened.text, textEn: opened.textEn });
    return this.deliverCustomerRequest(provider, context, entry, opened.request);
  }

  /**
   * The customer presses a button under one of our messages: Telegram callback_query, WhatsApp
   * interactive reply, VK message with the button's payload, Viber reply (text = ActionBody), Alice
   * ButtonPressed. @throws SimulatorError (404) when the message has no such button.
   */
  async press(channelId: string, personaId: string, entryId: string, payload: string, options: { forgery?: Forgery } = {}): Promise<CustomerActionResult> {
    const { provider, context } = await this.customer(channelId, personaId, options.forgery);
    const source = this.log.find((entry) => entry.id === entryId && entry.channelId === channelId && entry.from === 'business');
    const button = source?.buttons?.find((candidate) => candidate.payload === payload);
    if (!source || !button) throw new SimulatorError(404, `No button ${payload} under message ${entryId}`);
    const pressed = provider.press(context, source, button);
    const entry = this.addEntry({ channelId, personaId, from: 'customer', text: `▸ ${button.title}`, ...pressed.entryFields });
    pressed.onEntry?.(entry);
    return this.deliverCustomerRequest(provider, context, entry, pressed.request);
  }

  /**
   * The customer reads the chat: the providers with read receipts report our delivered messages as
   * read (WhatsApp `read` statuses, Viber `seen`). Returns how many were reported.
   */
  async read(channelId: string, personaId: string): Promise<number> {
    const channel = await this.channel(channelId);
    const provider = this.providerOf(channel);
    if (!provider.reportStatuses) return 0;
    const unread = this.log.filter((e) => e.channelId === channelId && e.personaId === personaId && e.from === 'business' && e.providerMessageId && e.delivery !== 'read');
    if (unread.length === 0) return 0;
    await provider.reportStatuses(channel, this.persona(personaId), unread, 'read');
    return unread.length;
  }

  /** Reports our accepted messages to a persona as delivered now (what autoDeliver does after a delay). */
  async deliver(channelId: string, personaId: string): Promise<number> {
    const channel = await this.channel(channelId);
    const provider = this.providerOf(channel);
    const pending = this.log.filter((e) => e.channelId === channelId && e.personaId === personaId && e.from === 'business' && e.delivery === 'sent' && e.providerMessageId);
    if (pending.length === 0 || !provider.reportStatuses) return 0;
    await provider.reportStatuses(channel, this.persona(personaId), pending, 'delivered');
    return pending.length;
  }

  /**
   * What the provider does when a webhook is set up by hand or by API: WhatsApp's subscription GET
   * with hub.challenge, VK's `confirmation` request, Viber's `webhook` check. Reports whether our
   * answer would satisfy the provider. @throws SimulatorError (400) for a provider without one.
   */
  async handshake(channelId: string): Promise<{ ok: boolean; expected?: string; outcome: WebhookOutcome; request?: WebhookRequest }> {
    const channel = await this.channel(channelId);
    const provider = this.providerOf(channel);
    if (!provider.handshake) throw new SimulatorError(400, `${channel.kind} has no webhook handshake`);
    const { request, expected } = provider.handshake(channel, this.webhookOf(channel).url);
    const outcome = await this.send(request);
    const ok = outcome.status === 200 && (expected === undefined || outcome.body.trim() === expected);
    const verdict = `HTTP ${outcome.status}${ok ? ' ✓' : ' ✗'}`;
    this.addEntry({ channelId, personaId: '', from: 'system', event: 'handshake', text: `проверка вебхука ${channel.kind}: ${verdict}`, textEn: `${channel.kind} webhook check: ${verdict}` });
    return { ok, ...(expected !== undefined ? { expected } : {}), outcome, request };
  }

  // ───────────────────────── reading the state ─────────────────────────

  /** A persona's chat on a channel (system lines of the channel included), changed after `sinceRev`. */
  transcript(channelId: string, personaId: string, sinceRev = 0): ChatEntry[] {
    return this.log.filter((e) => e.channelId === channelId && (e.personaId === personaId || e.personaId === '') && e.rev > sinceRev);
  }

  /** The API calls received, oldest first, optionally of one channel. */
  calls(channelId?: string): ApiCall[] {
    return this.log.calls(channelId);
  }

  /** The latest change number; pollers pass it back as `since`. */
  get revision(): number {
    return this.log.revision;
  }

  /**
   * Resolves with the first value `probe` returns once the simulator's state changes (or at once);
   * rejects after `timeoutMs`. Tests use it instead of sleeping.
   */
  waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    return this.log.waitFor(probe, timeoutMs);
  }

  /** Waits for our side's next message to a persona on a channel (one after `afterRev`). */
  waitForReply(channelId: string, personaId: string, options: { afterRev?: number; timeoutMs?: number } = {}): Promise<ChatEntry> {
    const after = options.afterRev ?? 0;
    return this.waitFor(() => this.log.find((e) => e.channelId === channelId && e.personaId === personaId && e.from === 'business' && e.rev > after), options.timeoutMs);
  }

  // ───────────────────────── internals ─────────────────────────

  /** The provider and the context of a customer action on a channel. */
  private async customer(channelId: string, personaId: string, forgery: Forgery | undefined): Promise<{ provider: SimulatedProvider; context: CustomerContext }> {
    const channel = await this.channel(channelId);
    const persona = this.persona(personaId);
    const context: CustomerContext = { channel, persona, id: customerIdentity(persona, channelId), at: this.now(), webhook: this.webhookOf(channel), ...(forgery ? { forgery } : {}) };
    return { provider: this.providerOf(channel), context };
  }

  private async deliverCustomerRequest(provider: SimulatedProvider, context: CustomerContext, entry: ChatEntry, request: WebhookRequest): Promise<CustomerActionResult> {
    const outcome = await this.send(request, provider.accepts);
    const webhook = context.forgery ? { ...outcome, forged: context.forgery } : outcome;
    this.touch(entry, { webhook });
    if (outcome.accepted) provider.answered?.(context.channel, context.persona, outcome.body);
    return { entry, webhook, request };
  }
}
