/**
 * The visitor's side of web chat: sessions, the pre-chat form, messages (into the same inbox and
 * inbound service as the messengers), history, the chat's state with the queue position, typing both
 * ways, read receipts and callback requests. Every call is bound to the visitor of a verified token,
 * so a visitor reaches their own conversation only; anything else is a 404.
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { toRoutingAgent } from '@cc/shared/contacts/agent-load';
import type { Contact } from '@cc/shared/contacts/model';
import { newConversation } from '@cc/shared/conversations/build-message';
import { isContactOpen } from '@cc/shared/conversations/decide-inbound';
import { callbackContactIdOf, conversationIdOf, customerIdOf, inboundMessageIdOf } from '@cc/shared/conversations/ids';
import type { Conversation } from '@cc/shared/conversations/model';
import { readPreChatMenu } from '@cc/shared/conversations/pre-chat';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import type { DeliveryStatus, Message } from '@cc/shared/messaging/model';
import { isOpen } from '@cc/shared/routing/business-hours';
import type { Channel } from '@cc/shared/tenancy/model';
import {
  type PreChatForm,
  type VisitorCallback,
  type VisitorClaims,
  type VisitorMessage,
  type VisitorReceipt,
  type WidgetChatState,
  type WidgetDepartment,
  type WidgetMessageView,
  type WidgetStatus,
  toWidgetChatState,
  toWidgetMessageView,
} from '@cc/shared/widget/model';
import type { Deps } from '../composition/deps.ts';
import { guardCallbackRequest } from '../messaging/callback-guard.ts';
import { ingestWebhookResult } from '../messaging/ingest.ts';
import type { ResolvedChannel } from '../messaging/channel-resolver.ts';
import { CreateContactSchema } from '@cc/shared/contacts/requests';
import type { ContactCommands } from '../routing/commands.ts';
import type { RoutingQueries } from '../routing/queries.ts';
import { pushToVisitor } from './push.ts';
import { widgetFileLink } from '../media/outbound.ts';
import { fanOut, toEach } from '../realtime/fan-out.ts';
import type { VisitorTokens } from './visitor-tokens.ts';

/** What the widget service reads and writes. */
export type WidgetServiceDeps = Pick<Deps, 'directory' | 'cipher' | 'messaging' | 'customers' | 'contacts' | 'agents' | 'queues' | 'connections' | 'push' | 'clock' | 'config' | 'rateLimiter' | 'media'>;

/** The services the widget service works through: visitor tokens, and routing's commands and positions. */
export interface WidgetServiceParts {
  tokens: VisitorTokens;
  commands: Pick<ContactCommands, 'createContact'>;
  queries: Pick<RoutingQueries, 'describePosition'>;
}

/** How often a pre-chat write that lost a race on the conversation is re-read and tried again. */
const MAX_ATTEMPTS = 6;
/** Messages a widget loads at once (its conversation, newest last). */
const HISTORY_LIMIT = 100;

/** A department of the channel with the menu choice to record. */
type Department = { queueId: string; title: string; menuChoice?: string };

/** A new anonymous visitor id: 128 random bits. */
const newVisitorId = () => `v_${randomBytes(16).toString('base64url')}`;

export class WidgetService {
  constructor(
    private readonly deps: WidgetServiceDeps,
    private readonly parts: WidgetServiceParts,
  ) {}

  /**
   * A visitor token for the channel: the same visitor when `previous` is a token of this channel (even
   * expired within a day), else a new one.
   */
  async startSession(channel: Channel, previous: string | undefined): Promise<{ token: string; expiresAt: string; visitorId: string; conversationId: string; renewed: boolean }> {
    let visitorId: string | undefined;
    if (previous) {
      const claims = await this.parts.tokens.verify(previous, { tenantId: channel.tenantId, renewal: true }).catch(() => undefined);
      if (claims?.channelId === channel.channelId && claims.tenantId === channel.tenantId) visitorId = claims.visitorId;
    }
    const renewed = visitorId !== undefined;
    visitorId ??= newVisitorId();
    const conversationId = conversationIdOf(channel.channelId, visitorId);
    const issued = await this.parts.tokens.issue({ tenantId: channel.tenantId, channelId: channel.channelId, visitorId, conversationId });
    return { ...issued, visitorId, conversationId, renewed };
  }

  /** The channel's departments: its pre-chat menu's options, else its default queue, else the tenant's queues. */
  async departments(channel: Channel): Promise<Department[]> {
    const menu = readPreChatMenu(channel.settings);
    if (menu) return menu.options.map((o) => ({ queueId: o.queueId, title: o.title, ...(o.menuChoice !== undefined && { menuChoice: o.menuChoice }) }));
    const queues = await this.deps.queues.list(channel.tenantId);
    const own = channel.defaultQueueId !== undefined ? queues.filter((q) => q.queueId === channel.defaultQueueId) : [];
    return (own.length > 0 ? own : queues).map((q) => ({ queueId: q.queueId, title: q.name }));
  }

  /** Whether anyone answers now, per department: within business hours and an agent of the queue at work (not offline). */
  async status(channel: Channel): Promise<WidgetStatus> {
    const [departments, queues, agents] = await Promise.all([this.departments(channel), this.deps.queues.list(channel.tenantId), this.deps.agents.list(channel.tenantId)]);
    const now = this.deps.clock.now();
    const working = agents.filter((a) => a.status !== 'offline').map(toRoutingAgent);
    const views: WidgetDepartment[] = departments.map((d) => {
      const queue = queues.find((q) => q.queueId === d.queueId);
      const staffed = working.some((a) => a.profile.some((p) => p.queueId === d.queueId));
      return { queueId: d.queueId, title: d.title, online: queue !== undefined && isOpen(queue, now) && staffed };
    });
    return { channelId: channel.channelId, name: channel.name, online: views.some((d) => d.online), departments: views };
  }

  /** The department a form names (or the first), which must be one the channel offers. @throws ZodError on `queueId`, InvalidRequestError when the channel has none */
  async departmentFor(channel: Channel, queueId: string | undefined): Promise<Department> {
    const departments = await this.departments(channel);
    const chosen = queueId === undefined ? departments[0] : departments.find((d) => d.queueId === queueId);
    if (chosen) return chosen;
    const [first, ...rest] = departments.map((d) => d.queueId);
    if (first === undefined) throw new InvalidRequestError('The channel has no department to write to');
    // Throws the schema's own field error, so the 400 lists `queueId` like any other bad field.
    z.object({ queueId: z.enum([first, ...rest], { message: `not a department of this channel (${[first, ...rest].join(', ')})` }) }).parse({ queueId });
    throw new InvalidRequestError(`${queueId} is not a department of this channel`);
  }

  /**
   * The pre-chat form: records the visitor as a customer (name, phone, e-mail) and starts their
   * conversation with the chosen department, where the first message opens the contact. A second form
   * while a contact is open updates the profile only.
   * @throws ZodError (`queueId`) for a department the channel does not offer
   */
  async submitPreChat(visitor: VisitorClaims, channel: Channel, form: PreChatForm): Promise<{ conversationId: string; queueId: string }> {
    const department = await this.departmentFor(channel, form.queueId);
    const now = this.deps.clock.now().toISOString();
    await this.deps.customers.recordSighting({
      tenantId: visitor.tenantId,
      customerId: customerIdOf(channel.channelId, visitor.visitorId),
      channel: 'webchat',
      channelId: channel.channelId,
      externalId: visitor.visitorId,
      profile: { name: form.name, ...(form.phone && { phone: form.phone }), ...(form.email && { email: form.email }), ...(form.locale && { language: form.locale }) },
      at: now,
    });
    for (let attempt = 1; ; attempt++) {
      const existing = await this.deps.messaging.getConversation(visitor.tenantId, visitor.conversationId);
      const current = existing?.openContactId ? await this.deps.contacts.get(visitor.tenantId, existing.openContactId) : undefined;
      if (current && isContactOpen(current.status)) return { conversationId: visitor.conversationId, queueId: current.queueId };
      const base = existing ?? newConversation(visitor.tenantId, { channel: 'webchat', channelId: channel.channelId, conversationExternalId: visitor.visitorId, customerExternalId: visitor.visitorId }, now);
      const next: Conversation = { ...base, chosenQueueId: department.queueId, chosenMenuChoice: department.menuChoice ?? department.queueId, awaitingQueueChoice: false, reachable: true, updatedAt: now, version: base.version + 1 };
      try {
        await this.deps.messaging.saveConversation(next, existing?.version);
        return { conversationId: visitor.conversationId, queueId: department.queueId };
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** The visitor's conversation. @throws NotFoundError for any other id, ConflictError before the pre-chat form */
  private async conversationOf(visitor: VisitorClaims, conversationId: string): Promise<Conversation> {
    if (conversationId !== visitor.conversationId) throw new NotFoundError('Conversation', conversationId);
    const conversation = await this.deps.messaging.getConversation(visitor.tenantId, conversationId);
    if (!conversation) throw new ConflictError('Fill in the pre-chat form first', { reason: 'prechat_required' });
    return conversation;
  }

  /**
   * A visitor's message goes into the inbox exactly like a messenger webhook's: the stream's inbound
   * service appends it to the open contact or opens a queued one in the chosen department.
   * @returns the id the message is stored under, and whether it had been sent before
   * @throws NotFoundError, ConflictError (no pre-chat form yet)
   */
  async sendMessage(visitor: VisitorClaims, resolved: ResolvedChannel, conversationId: string, input: VisitorMessage): Promise<{ messageId: string; duplicate: boolean }> {
    await this.conversationOf(visitor, conversationId);
    const now = this.deps.clock.now();
    const message: Message = {
      channel: 'webchat',
      channelId: resolved.channel.channelId,
      conversationExternalId: visitor.visitorId,
      customerExternalId: visitor.visitorId,
      customer: {},
      direction: 'inbound',
      kind: input.button ? 'button_reply' : 'text',
      ...(input.text !== undefined ? { text: input.text } : input.button && { text: input.button.title }),
      attachments: [],
      ...(input.button && { button: { payload: input.button.payload, title: input.button.title } }),
      providerMessageId: input.clientMessageId,
      dedupKey: `${visitor.visitorId}:${input.clientMessageId}`,
      sentAt: now.toISOString(),
      edited: false,
    };
    const outcome = await ingestWebhookResult(this.deps, resolved, { kind: 'messages', messages: [message] }, now);
    return { messageId: inboundMessageIdOf(resolved.channel.channelId, visitor.visitorId, input.clientMessageId), duplicate: outcome.duplicates > 0 };
  }

  /** The conversation's messages, oldest first (the latest 100). @throws NotFoundError, ConflictError */
  async history(visitor: VisitorClaims, conversationId: string): Promise<WidgetMessageView[]> {
    const conversation = await this.conversationOf(visitor, conversationId);
    const { messages } = await this.deps.messaging.listCustomerMessages(visitor.tenantId, conversation.customerId, { limit: HISTORY_LIMIT });
    const shown = messages.filter((m) => m.conversationId === conversationId && !m.whisper).reverse();
    return Promise.all(shown.map(async (m) => toWidgetMessageView(m, await widgetFileLink(m, this.deps.media?.store))));
  }

  /** The conversation's current contact as the widget shows it: waiting with its place, connecting, connected, ended. */
  async state(visitor: VisitorClaims, conversationId: string): Promise<WidgetChatState> {
    if (conversationId !== visitor.conversationId) throw new NotFoundError('Conversation', conversationId);
    const conversation = await this.deps.messaging.getConversation(visitor.tenantId, conversationId);
    const contactId = conversation?.openContactId ?? conversation?.lastContactId;
    const contact = contactId ? await this.deps.contacts.get(visitor.tenantId, contactId) : undefined;
    return this.stateOf(visitor.tenantId, conversationId, contact);
  }

  /** The widget's state for a contact (its place when queued, its agent's name when connected). */
  async stateOf(tenantId: string, conversationId: string, contact: Contact | undefined): Promise<WidgetChatState> {
    if (!contact) return toWidgetChatState(conversationId, undefined);
    const position = contact.status === 'queued' ? await this.parts.queries.describePosition(tenantId, contact.contactId).catch(() => undefined) : undefined;
    const agent = contact.agentId && (contact.status === 'connected' || contact.status === 'offered') ? await this.deps.agents.get(tenantId, contact.agentId) : undefined;
    return toWidgetChatState(conversationId, contact, { ...(position && { position }), ...(agent && { agentName: agent.name }) });
  }

  /** The visitor types: the contact's agent sees dots. @returns whether an agent's console got it */
  async visitorTyping(visitor: VisitorClaims, conversationId: string): Promise<boolean> {
    const conversation = await this.conversationOf(visitor, conversationId);
    const contact = conversation.openContactId ? await this.deps.contacts.get(visitor.tenantId, conversation.openContactId) : undefined;
    if (!contact?.agentId || !isContactOpen(contact.status)) return false;
    const agentId = contact.agentId;
    const consoles = (await this.deps.connections.listByTenant(visitor.tenantId)).filter((c) => c.userId === agentId && c.roles.length > 0);
    // The one fan-out, so a console that is gone is forgotten here too.
    return (await fanOut(this.deps, visitor.tenantId, toEach(consoles, { type: 'typing', from: 'visitor', contactId: contact.contactId, conversationId, at: this.deps.clock.now().toISOString() }))) > 0;
  }

  /**
   * The agent types in a web chat: the visitor's widget shows dots with the agent's name. Only the agent
   * holding the contact, or a supervisor, may; contacts of other channels are answered `false`.
   * @throws NotFoundError, ForbiddenError
   */
  async agentTyping(principal: Principal, contactId: string): Promise<boolean> {
    const contact = await this.deps.contacts.get(principal.tenantId, contactId);
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (contact.agentId !== principal.userId && !hasRole(principal.roles, 'supervisor')) throw new ForbiddenError('Only the agent handling this contact, or a supervisor, may do this');
    if (contact.channel !== 'webchat' || !contact.conversationId || !isContactOpen(contact.status)) return false;
    const name = principal.name.split(/\s+/)[0] ?? '';
    const sent = await pushToVisitor(this.deps, principal.tenantId, contact.conversationId, { type: 'typing', from: 'agent', contactId, conversationId: contact.conversationId, ...(name && { name }), at: this.deps.clock.now().toISOString() });
    return sent > 0;
  }

  /**
   * The widget showed (`delivered`) or the visitor saw (`read`) our messages: recorded as delivery
   * statuses through the inbox, like a messenger's receipts, and pushed to the agent from there.
   * @throws NotFoundError for a message that is not one of ours in the visitor's conversation
   */
  async receipts(visitor: VisitorClaims, resolved: ResolvedChannel, conversationId: string, receipt: VisitorReceipt): Promise<{ recorded: number }> {
    await this.conversationOf(visitor, conversationId);
    const now = this.deps.clock.now();
    const messages = await Promise.all([...new Set(receipt.messageIds)].map((id) => this.deps.messaging.getMessage(visitor.tenantId, id)));
    const statuses: DeliveryStatus[] = [];
    for (const [i, message] of messages.entries()) {
      if (!message || message.conversationId !== conversationId || message.direction !== 'outbound') throw new NotFoundError('Message', receipt.messageIds[i]!);
      if (message.statusHistory.some((step) => step.status === receipt.status)) continue;
      statuses.push({
        channel: 'webchat',
        channelId: resolved.channel.channelId,
        // The outbox records a widget message's own id as its provider id (and reference).
        providerMessageId: message.providerMessageId ?? message.messageId,
        status: receipt.status,
        recipientExternalId: visitor.visitorId,
        occurredAt: now.toISOString(),
        dedupKey: `${message.messageId}:${receipt.status}`,
      });
    }
    if (statuses.length === 0) return { recorded: 0 };
    const outcome = await ingestWebhookResult(this.deps, resolved, { kind: 'statuses', statuses }, now);
    return { recorded: outcome.stored };
  }

  /**
   * "Call me back": a queued callback contact with the phone and the window, in the chosen department
   * (the channel's first by default), through the routing service. The same `requestId` books one call
   * (a repeat is answered with it and not counted); new ones are limited per visitor and per phone.
   * @throws ZodError (`queueId`) for a department the channel does not offer, RateLimitedError (429)
   */
  async requestCallback(visitor: VisitorClaims, channel: Channel, request: VisitorCallback): Promise<{ contact: Contact; created: boolean }> {
    const department = await this.departmentFor(channel, request.queueId);
    const now = this.deps.clock.now().toISOString();
    const customerId = customerIdOf(channel.channelId, visitor.visitorId);
    const contactId = callbackContactIdOf(channel.channelId, `${visitor.visitorId}:${request.requestId}`);
    const booked = await this.deps.contacts.get(visitor.tenantId, contactId);
    if (booked) return { contact: booked, created: false };
    await guardCallbackRequest(this.deps, {
      tenantId: visitor.tenantId,
      channelId: channel.channelId,
      queueId: department.queueId,
      requesters: [
        { kind: 'visitor', id: visitor.visitorId },
        { kind: 'phone', id: request.phone },
      ],
    });
    await this.deps.customers.recordSighting({ tenantId: visitor.tenantId, customerId, channel: 'webchat', channelId: channel.channelId, externalId: visitor.visitorId, profile: { phone: request.phone, ...(request.name && { name: request.name }) }, at: now });
    const input = CreateContactSchema.parse({
      contactId,
      queueId: department.queueId,
      channel: 'callback',
      channelId: channel.channelId,
      customerId,
      conversationId: visitor.conversationId,
      ...(department.menuChoice !== undefined && { menuChoice: department.menuChoice }),
      callback: {
        phone: request.phone,
        ...(request.notBefore && { notBefore: request.notBefore }),
        ...(request.notAfter && { notAfter: request.notAfter }),
        note: request.note ?? 'Заказан в чате на сайте',
      },
    });
    try {
      return { contact: await this.parts.commands.createContact(visitor.tenantId, input), created: true };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const existing = await this.deps.contacts.get(visitor.tenantId, contactId);
      if (!existing) throw error;
      return { contact: existing, created: false };
    }
  }
}
