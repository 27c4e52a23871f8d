/**
 * A supervisor in a live chat: whisper to its agent (a message only agents see, stored in the conversation and
 * never sent), barge in (recorded on the contact as a `barge` supervision entry, the same vocabulary as calls;
 * their replies then go to the customer signed with their name) and leave again. Taking a chat over is a
 * routing command (`ContactCommands.takeOver`), since it moves the contact between agents.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '@cc/shared/auth/model';
import { mediaOf } from '@cc/shared/channels/catalog';
import type { Contact } from '@cc/shared/contacts/model';
import { joinSupervision, leaveSupervision } from '@cc/shared/contacts/values';
import { newWhisperMessage } from '@cc/shared/conversations/build-message';
import { replyMessageIdOf } from '@cc/shared/conversations/ids';
import type { StoredMessage, WhisperRequest } from '@cc/shared/conversations/model';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import { ConflictError, NotFoundError } from '@cc/shared/errors';
import type { Clock, Deps } from '../composition/deps.ts';
import type { ContactCommands } from '../routing/commands.ts';

export class ChatSupervision {
  constructor(
    private readonly deps: Pick<Deps, 'routing'> & { messaging: MessagingRepository; clock: Clock },
    private readonly commands: Pick<ContactCommands, 'annotate' | 'takeOver'>,
  ) {}

  /**
   * Stores a whisper in the contact's conversation (the push shows it to the agent and to supervisors). The same
   * `clientMessageId` twice stores one message. @throws NotFoundError, ConflictError (not a live chat, or the caller's own)
   */
  async whisper(principal: Principal, contactId: string, request: WhisperRequest): Promise<{ message: StoredMessage; created: boolean }> {
    const contact = await this.liveChat(principal, contactId);
    const conversation = await this.deps.messaging.getConversation(principal.tenantId, contact.conversationId!);
    if (!conversation) throw new ConflictError(`Contact ${contactId} has no conversation to whisper in`);
    const at = this.deps.clock.now().toISOString();
    const messageId = request.clientMessageId ? replyMessageIdOf(contactId, `whisper:${request.clientMessageId}`) : `msg_${randomUUID()}`;
    const message = newWhisperMessage({ messageId, conversation, contactId, text: request.text, authorId: principal.userId, authorName: principal.name, at });
    if ((await this.deps.messaging.addMessage(message)) === 'created') return { message, created: true };
    return { message: (await this.deps.messaging.getMessage(principal.tenantId, messageId)) ?? message, created: false };
  }

  /** The supervisor joins the chat as a second participant (`barge`); asking again changes nothing. @throws NotFoundError, ConflictError */
  async barge(principal: Principal, contactId: string): Promise<Contact> {
    const contact = await this.liveChat(principal, contactId);
    const changed = await this.commands.annotate(principal.tenantId, contactId, (current) => {
      assertConnected(current);
      const supervision = joinSupervision(current.supervision, principal, 'barge', this.deps.clock.now());
      return supervision && { supervision };
    });
    return changed ?? contact;
  }

  /** The supervisor leaves the chat (their open entry closes; nothing is written when they had none). @throws NotFoundError, ConflictError */
  async leave(principal: Principal, contactId: string): Promise<Contact> {
    const contact = await this.chatOf(principal, contactId);
    const changed = await this.commands.annotate(principal.tenantId, contactId, (current) => {
      const supervision = leaveSupervision(current.supervision, principal.userId, this.deps.clock.now());
      return supervision && { supervision };
    });
    return changed ?? contact;
  }

  /**
   * The supervisor takes the chat over (it becomes theirs). Only a chat: a call's contact moved to the supervisor
   * would leave its audio with the agent. @throws NotFoundError, ConflictError (a call, or not connected)
   */
  async takeOver(principal: Principal, contactId: string): Promise<Contact> {
    await this.chatOf(principal, contactId);
    return this.commands.takeOver(principal, contactId);
  }

  private async chatOf(principal: Principal, contactId: string): Promise<Contact> {
    const contact = await this.deps.routing.readContact(principal.tenantId, contactId);
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (mediaOf(contact.channel) !== 'chat' || !contact.conversationId) throw new ConflictError(`Contact ${contactId} is a ${contact.channel} contact, not a chat (supervise calls through their audio)`, { channel: contact.channel });
    return contact;
  }

  private async liveChat(principal: Principal, contactId: string): Promise<Contact> {
    const contact = await this.chatOf(principal, contactId);
    assertConnected(contact);
    if (contact.agentId === principal.userId) throw new ConflictError('This chat is your own', { agentId: contact.agentId });
    return contact;
  }
}

function assertConnected(contact: Contact) {
  if (contact.status !== 'connected') throw new ConflictError(`The chat is ${contact.status}, not connected to an agent`, { status: contact.status });
}
