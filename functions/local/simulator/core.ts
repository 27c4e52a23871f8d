/**
 * The provider-neutral core of the messenger simulator: the channels it knows (and the webhooks
 * registered for them), the personas, the failure switches, the chat log and the wire. The
 * providers (`telegram/`, `whatsapp/`, …, registered in providers.ts) build on what it offers;
 * `MessengerSimulator` (simulator.ts) adds the customer's actions.
 */
import type { ChannelSource, SimulatedChannel, SimulatedKind } from './channels.ts';
import { ChatLog } from './chat-log.ts';
import { type KeptFile, SimulatorFiles, chatFileOf } from './files.ts';
import { type FailureMode, type FailureSwitch, FailureSwitches } from './failures.ts';
import { type ApiCall, type ChatButton, type ChatEntry, type NewChatEntry, type RegisteredWebhook, SimulatorError, type WebhookOutcome } from './model.ts';
import { type CustomerIdentity, DEFAULT_PERSONAS, type Persona, customerIdentity, inventPersona } from './personas.ts';
import type { ProviderHost, ProvidersFactory, SimulatedFile, SimulatedProvider } from './provider.ts';
import type { WebhookRequest } from './wire.ts';

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
  /** Where the simulator is reachable, for the file URLs it puts in webhooks (VK, Viber). Default `http://127.0.0.1`. */
  publicBaseUrl?: string;
  /** How the fake providers fetch files from our links (Viber); defaults to global fetch. */
  mediaFetch?: typeof fetch;
}

const EPOCH_2025 = Date.UTC(2025, 0, 1);

/** See the file comment; `deliver` (read receipts) is the one customer action the core itself triggers. */
export abstract class SimulatorCore implements ProviderHost {
  private readonly source: ChannelSource;
  private readonly fetchImpl: typeof fetch;
  private readonly clock: () => Date;
  private readonly autoDeliver: boolean;
  private readonly deliverDelayMs: number;
  private readonly personas = new Map<string, Persona>();
  private channels = new Map<string, SimulatedChannel>();
  private readonly registered = new Map<string, RegisteredWebhook>();
  private readonly failures = new FailureSwitches();
  protected readonly log: ChatLog;
  private readonly byKind: Record<SimulatedKind, SimulatedProvider>;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly files = new SimulatorFiles();
  private readonly publicBaseUrl: string;
  private readonly mediaFetch: typeof fetch;
  private lastId = 0;

  constructor(options: SimulatorOptions, createProviders: ProvidersFactory) {
    this.source = options.channels;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.clock = options.now ?? (() => new Date());
    this.autoDeliver = options.autoDeliver ?? true;
    this.deliverDelayMs = options.deliverDelayMs ?? 400;
    this.log = new ChatLog(this.clock, options.historyLimit ?? 2000);
    this.publicBaseUrl = (options.publicBaseUrl ?? 'http://127.0.0.1').replace(/\/+$/, '');
    this.mediaFetch = options.mediaFetch ?? globalThis.fetch;
    for (const persona of options.personas ?? DEFAULT_PERSONAS) this.personas.set(persona.id, persona);
    this.byKind = createProviders(this);
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

  /** A channel by id, re-reading the source once if it is not known yet. @throws SimulatorError (404) when there is none. */
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

  /** A declared persona, or a new one invented for `personaId` (and remembered). @throws SimulatorError (400) for a malformed id. */
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

  /** The simulated providers, one per kind. @internal */
  providers(): SimulatedProvider[] {
    return Object.values(this.byKind);
  }

  // ───────────────────────── shared with the providers ─────────────────────────

  /** Records a call to a fake API. @internal */
  recordCall(call: Omit<ApiCall, 'seq' | 'at'>): ApiCall {
    return this.log.recordCall(call);
  }

  /** Records a message our side sent through a fake API as a business line of the persona's chat. @internal */
  recordOutbound(channel: SimulatedChannel, personaId: string, message: { text: string; buttons?: ChatButton[]; providerMessageId: string; file?: KeptFile }): ChatEntry {
    const entry = this.addEntry({
      channelId: channel.channelId,
      personaId,
      from: 'business',
      text: message.text,
      providerMessageId: message.providerMessageId,
      delivery: 'sent',
      ...(message.buttons?.length ? { buttons: message.buttons } : {}),
      ...(message.file ? { file: chatFileOf(message.file) } : {}),
    });
    if (this.autoDeliver && this.providerOf(channel).reportStatuses) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.deliver(channel.channelId, personaId).catch(() => undefined);
      }, this.deliverDelayMs);
      this.timers.add(timer);
    }
    return entry;
  }

  /** Keeps a file; its `url` is the simulator's public route to it. @internal */
  keepFile(file: SimulatedFile): KeptFile & { url: string } {
    const kept = this.files.keep(file);
    return { ...kept, url: this.publicUrl(`/api/files/${kept.id}`) };
  }

  /** The absolute URL of a path under `/simulator`. @internal */
  publicUrl(path: string): string {
    return `${this.publicBaseUrl}/simulator${path}`;
  }

  /** A kept file by id. @internal */
  file(id: string): KeptFile | undefined {
    return this.files.get(id);
  }

  /** Fetches a file from one of our links, as a provider that downloads media would; never throws. @internal */
  async fetchMedia(url: string): Promise<{ status: number; bytes: Uint8Array; contentType: string | undefined }> {
    try {
      const response = await this.mediaFetch(url, { signal: AbortSignal.timeout(10_000) });
      return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? undefined };
    } catch {
      return { status: 0, bytes: new Uint8Array(), contentType: undefined };
    }
  }

  /** Notes in the chat that the provider refused one of our calls (a failure switch or a bad request). @internal */
  recordRefusal(channel: SimulatedChannel, personaId: string, text: { ru: string; en: string }): void {
    this.addEntry({ channelId: channel.channelId, personaId, from: 'system', event: 'api_error', text: text.ru, textEn: text.en });
  }

  /** The persona a provider recipient id belongs to on a channel, if it is one of ours. @internal */
  personaFor(channel: SimulatedChannel, recipient: string): Persona | undefined {
    const provider = this.providerOf(channel);
    return [...this.personas.values()].find((persona) => provider.isRecipient(customerIdentity(persona, channel.channelId), recipient));
  }

  /** The simulator's clock. @internal */
  now(): Date {
    return this.clock();
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

  /** Adds a line to a chat. @internal */
  addEntry(fields: NewChatEntry): ChatEntry {
    return this.log.add(fields);
  }

  /** Changes a chat line. @internal */
  touch(entry: ChatEntry, changes: Partial<ChatEntry>): void {
    this.log.touch(entry, changes);
  }

  /** A chat line by id. @internal */
  entry(entryId: string): ChatEntry | undefined {
    return this.log.find((candidate) => candidate.id === entryId);
  }

  /** POSTs (or GETs) a webhook and reads the answer, `accepts` judging it as the provider would (default: 2xx); never throws. @internal */
  async send(request: WebhookRequest, accepts?: (status: number, body: string) => boolean): Promise<WebhookOutcome> {
    try {
      const response = await this.fetchImpl(request.url, { method: request.method, headers: request.headers, ...(request.rawBody !== undefined ? { body: request.rawBody } : {}) });
      const body = await response.text();
      const accepted = accepts ? accepts(response.status, body) : response.status >= 200 && response.status < 300;
      return { status: response.status, accepted, body: body.slice(0, 2000) };
    } catch (error) {
      return { status: 0, accepted: false, body: '', error: error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error) };
    }
  }

  /** Stops the delivery timers and releases waiters. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Reports our accepted messages to a persona as delivered now. */
  abstract deliver(channelId: string, personaId: string): Promise<number>;

  // ───────────────────────── internals ─────────────────────────

  protected providerOf(channel: SimulatedChannel): SimulatedProvider {
    return this.byKind[channel.kind];
  }
}
