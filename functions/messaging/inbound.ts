import type { ContactRepository } from '@cc/shared/contacts/ports';
import { newConversation, newOutboundMessage, newQueuedContact, storedFromInbound } from '@cc/shared/conversations/build-message';
import { decideInbound, isContactOpen, type InboundDecision } from '@cc/shared/conversations/decide-inbound';
import { contactIdForMessage, conversationIdOf, customerIdOf, inboundMessageIdOf, systemMessageIdOf } from '@cc/shared/conversations/ids';
import type { Conversation, InboxRecord, StoredMessage } from '@cc/shared/conversations/model';
import type { InboundCommit, MessagingRepository } from '@cc/shared/conversations/ports';
import { buildPreChatPrompt, matchDeepLink, readPreChatMenu } from '@cc/shared/conversations/pre-chat';
import { applyDeliveryStatus, applyMessageEdit } from '@cc/shared/conversations/update-message';
import type { CustomerRepository } from '@cc/shared/customers/ports';
import { ConflictError } from '@cc/shared/errors';
import type { ConversationEvent, CustomerProfile, DeliveryStatus, Message } from '@cc/shared/messaging/model';
import { channelCredentials } from '@cc/shared/tenancy/channel-secrets';
import type { MessengerSenders } from '../adapters/messengers/index.ts';
import type { Clock } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import type { ChannelResolver, ResolvedChannel } from './channel-resolver.ts';
import type { ChatSurveys } from '../surveys/chat-surveys.ts';

/** What the inbound service reads and writes. */
export interface InboundDeps {
  messaging: MessagingRepository;
  customers: CustomerRepository;
  contacts: ContactRepository;
  senders: MessengerSenders;
  clock: Clock;
}

/** A stream record that may succeed later (its message is not stored yet): retried by the stream, never dropped. */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
}

/** How often a write that lost a race on the conversation is re-decided before the stream retries the record. */
const MAX_ATTEMPTS = 6;
/** A status for a message we cannot find is retried while this young (its send may not be recorded yet), then dropped. */
const STATUS_GRACE_MS = 2 * 60_000;

/**
 * Turns inbox records (stored by the webhooks) into conversations, contacts and messages, after the
 * Chatwoot shape: find or create the customer, find or create the conversation and its contact,
 * store the message keyed by the provider's id. Every step is idempotent, so a redelivered stream
 * record changes nothing.
 */
export class InboundService {
  constructor(
    private readonly deps: InboundDeps,
    private readonly channels: ChannelResolver,
    /** Reads customers' replies after a closed chat as survey answers (absent: no chat surveys). */
    private readonly surveys?: ChatSurveys,
  ) {}

  /** Applies one inbox record. @throws RetryLaterError or a storage error: the stream retries the record */
  async process(record: InboxRecord): Promise<void> {
    const resolved = await this.channels.resolve(record.channelId);
    if (!resolved || resolved.channel.tenantId !== record.tenantId) {
      logger.warn('Inbox record for a channel that no longer exists', { channelId: record.channelId });
      return;
    }
    switch (record.kind) {
      case 'message':
        return this.receiveMessage(resolved, record.message, record.receivedAt);
      case 'status':
        return this.applyStatus(resolved, record.status);
      case 'event':
        return this.receiveEvent(resolved, record.event, record.receivedAt);
    }
  }

  private async recordCustomer(resolved: ResolvedChannel, source: { channel: Message['channel']; customerExternalId: string; customer: CustomerProfile }, at: string) {
    await this.deps.customers.recordSighting({
      tenantId: resolved.channel.tenantId,
      customerId: customerIdOf(resolved.channel.channelId, source.customerExternalId),
      channel: source.channel,
      channelId: resolved.channel.channelId,
      externalId: source.customerExternalId,
      profile: source.customer,
      at,
    });
  }

  private async receiveMessage(resolved: ResolvedChannel, message: Message, receivedAt: string): Promise<void> {
    const { tenantId } = resolved.channel;
    if (message.direction === 'inbound') await this.recordCustomer(resolved, message, receivedAt);
    else if (message.correlation && (await this.deps.messaging.findMessageIdByRef(tenantId, message.channelId, `random:${message.correlation}`))) {
      return; // VK's echo of a reply we sent ourselves: stored already.
    }
    if (message.edited && (await this.applyEdit(resolved, message))) return;

    const stored = storedFromInbound(tenantId, message, receivedAt);
    for (let attempt = 1; ; attempt++) {
      if (await this.deps.messaging.getMessage(tenantId, stored.messageId)) return;
      const commit = await this.planMessage(resolved, stored, message);
      try {
        const outcome = await this.deps.messaging.commitInbound(commit);
        if (outcome === 'stored') logger.info('Message stored', { channelId: message.channelId, messageId: stored.messageId, contactId: commit.message.contactId, opened: commit.contact?.contactId });
        break;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
    if (message.channel === 'telegram' && message.button?.callbackQueryId) await this.answerButton(resolved, message.button.callbackQueryId);
  }

  /** Decides where the message goes and everything that changes with it. */
  private async planMessage(resolved: ResolvedChannel, stored: StoredMessage, message: Message): Promise<InboundCommit> {
    const { channel } = resolved;
    const now = this.deps.clock.now().toISOString();
    const existing = await this.deps.messaging.getConversation(channel.tenantId, stored.conversationId);
    const conversation = existing ?? newConversation(channel.tenantId, message, now);
    const current = conversation.openContactId ? await this.deps.contacts.get(channel.tenantId, conversation.openContactId) : undefined;
    const menu = readPreChatMenu(channel.settings);
    const inbound = message.direction === 'inbound';
    // After the chat closed, a survey answer goes onto that contact: no new contact, no agent.
    const survey = existing && inbound && !(current && isContactOpen(current.status)) ? await this.surveys?.reply(existing, message, stored.messageId) : undefined;
    const decision: InboundDecision = survey ? { action: 'record', contactId: survey.contactId } : decideInbound({ conversation: existing, currentContact: current, message, menu, defaultQueueId: channel.defaultQueueId });
    const next: Conversation = {
      ...conversation,
      ...(inbound && { lastInboundAt: message.sentAt > (conversation.lastInboundAt ?? '') ? message.sentAt : conversation.lastInboundAt, reachable: true }),
      updatedAt: now,
      version: conversation.version + 1,
    };
    const commit: InboundCommit = { message: stored, conversation: next, expectedConversationVersion: existing?.version };

    switch (decision.action) {
      case 'append':
        commit.message = { ...stored, contactId: decision.contactId };
        break;
      case 'record': {
        if (decision.contactId) commit.message = { ...stored, contactId: decision.contactId };
        const followUp = survey && this.surveys?.followUpMessage(next, survey, now);
        if (followUp) commit.outbound = { message: followUp, outbox: { tenantId: channel.tenantId, messageId: followUp.messageId, attempt: 1, createdAt: now } };
        break;
      }
      case 'open': {
        const contact = newQueuedContact({
          tenantId: channel.tenantId,
          contactId: contactIdForMessage(stored.messageId),
          queueId: decision.queueId,
          channel: message.channel,
          channelId: channel.channelId,
          customerId: stored.customerId,
          conversationId: stored.conversationId,
          previousContactId: decision.previousContactId,
          menuChoice: decision.menuChoice,
          at: now,
        });
        commit.contact = contact;
        commit.message = { ...stored, contactId: contact.contactId };
        const waiting = await Promise.all(decision.attachMessageIds.map((id) => this.deps.messaging.getMessage(channel.tenantId, id)));
        const attach = waiting.filter((m): m is StoredMessage => m !== undefined && m.contactId === undefined);
        if (attach.length > 0) commit.attach = { contactId: contact.contactId, messages: attach };
        Object.assign(next, { openContactId: contact.contactId, lastContactId: contact.contactId, awaitingQueueChoice: false, pendingMessageIds: [] });
        delete next.chosenQueueId;
        delete next.chosenMenuChoice;
        break;
      }
      case 'hold': {
        Object.assign(next, { awaitingQueueChoice: true, pendingMessageIds: [...conversation.pendingMessageIds, stored.messageId] });
        if (decision.sendMenu && menu) {
          const prompt = buildPreChatPrompt(menu);
          const menuMessage = newOutboundMessage({ messageId: systemMessageIdOf(stored.messageId, 'pre-chat-menu'), conversation: next, text: prompt.text, buttons: prompt.buttons, authorId: 'system', at: now });
          commit.outbound = { message: menuMessage, outbox: { tenantId: channel.tenantId, messageId: menuMessage.messageId, attempt: 1, createdAt: now } };
        }
        break;
      }
      case 'unroutable':
        logger.error('Message stored without a contact', { channelId: channel.channelId, reason: decision.reason });
        Object.assign(next, { pendingMessageIds: [...conversation.pendingMessageIds, stored.messageId] });
        break;
    }
    return commit;
  }

  /** An edit of a stored message keeps its history. @returns false when the original is not stored (the edit is then stored as the message). */
  private async applyEdit(resolved: ResolvedChannel, edit: Message): Promise<boolean> {
    const { tenantId } = resolved.channel;
    const messageId = inboundMessageIdOf(edit.channelId, edit.conversationExternalId, edit.editOf ?? edit.providerMessageId);
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.messaging.getMessage(tenantId, messageId);
      if (!current) return false;
      const next = applyMessageEdit(current, edit);
      if (!next) return true;
      try {
        await this.deps.messaging.saveMessage(next, current.version);
        return true;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** A provider's delivery report on one of our messages. */
  private async applyStatus(resolved: ResolvedChannel, report: DeliveryStatus): Promise<void> {
    const { tenantId, channelId } = resolved.channel;
    const messageId = await this.deps.messaging.findMessageIdByRef(tenantId, channelId, report.providerMessageId);
    if (!messageId) {
      const age = this.deps.clock.now().getTime() - Date.parse(report.occurredAt);
      if (age < STATUS_GRACE_MS) throw new RetryLaterError(`No message for ${report.channel} id ${report.providerMessageId} yet`);
      logger.info('Delivery status for a message we did not send, ignored', { channelId, status: report.status });
      return;
    }
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.messaging.getMessage(tenantId, messageId);
      const next = current && applyDeliveryStatus(current, report);
      if (!current || !next) return;
      try {
        await this.deps.messaging.saveMessage(next, current.version);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Conversation events: the customer is recorded; `/start <queue>` (or Viber's context) picks the
   * queue ahead; a start on a channel with a pre-chat menu sends the menu; blocking or unsubscribing
   * marks the conversation unreachable until the customer comes back.
   */
  private async receiveEvent(resolved: ResolvedChannel, event: ConversationEvent, receivedAt: string): Promise<void> {
    const { channel } = resolved;
    await this.recordCustomer(resolved, event, receivedAt);
    const conversationId = conversationIdOf(event.channelId, event.conversationExternalId);
    const menu = readPreChatMenu(channel.settings);
    for (let attempt = 1; ; attempt++) {
      const now = this.deps.clock.now().toISOString();
      const existing = await this.deps.messaging.getConversation(channel.tenantId, conversationId);
      const conversation = existing ?? newConversation(channel.tenantId, event, now);
      const next: Conversation = { ...conversation, updatedAt: now, version: conversation.version + 1 };
      let sendMenu = false;
      if (event.type === 'blocked' || event.type === 'unsubscribed' || event.type === 'messages_denied') next.reachable = false;
      else next.reachable = true;
      if (event.type === 'started') {
        const current = conversation.openContactId ? await this.deps.contacts.get(channel.tenantId, conversation.openContactId) : undefined;
        const open = current !== undefined && current.status !== 'closed' && current.status !== 'abandoned';
        const picked = matchDeepLink(menu, event.payload);
        if (picked && !open) Object.assign(next, { chosenQueueId: picked.queueId, chosenMenuChoice: picked.menuChoice ?? picked.queueId });
        else if (menu && !open && !conversation.awaitingQueueChoice) {
          next.awaitingQueueChoice = true;
          sendMenu = true;
        }
      }
      try {
        await this.deps.messaging.saveConversation(next, existing?.version);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
        continue;
      }
      if (sendMenu && menu) {
        const prompt = buildPreChatPrompt(menu);
        const message = newOutboundMessage({ messageId: systemMessageIdOf(`${event.channelId}:${event.dedupKey}`, 'pre-chat-menu'), conversation: next, text: prompt.text, buttons: prompt.buttons, authorId: 'system', at: now });
        await this.deps.messaging.writeOutbound(message, { tenantId: channel.tenantId, messageId: message.messageId, attempt: 1, createdAt: now });
      }
      return;
    }
  }

  /** Stops the spinner on the customer's button (Telegram expects every callback query answered); best effort. */
  private async answerButton(resolved: ResolvedChannel, callbackQueryId: string) {
    const credentials = channelCredentials(resolved.channel, resolved.secrets);
    if (credentials?.kind !== 'telegram') return;
    const result = await this.deps.senders.telegram.answerCallbackQuery(credentials, callbackQueryId);
    if (!result.ok) logger.warn('answerCallbackQuery failed', { channelId: resolved.channel.channelId, reason: result.reason });
  }
}
