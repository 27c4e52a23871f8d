import { randomUUID } from 'node:crypto';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import type { ContactRepository } from '@cc/shared/contacts/ports';
import { newOutboundMessage } from '@cc/shared/conversations/build-message';
import { isContactOpen } from '@cc/shared/conversations/decide-inbound';
import { replyMessageIdOf } from '@cc/shared/conversations/ids';
import type { ReplyRequest, StoredMessage } from '@cc/shared/conversations/model';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import { requestResend } from '@cc/shared/conversations/update-message';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import type { Clock, Deps } from '../composition/deps.ts';
import type { UploadedFile } from '@cc/shared/media/outbound';
import { keepUpload, replyAttachment } from '../media/uploads.ts';

/** A message as the console sees it: everything but bookkeeping. */
export function toMessageView(message: StoredMessage) {
  const { appliedEditKeys: _applied, ...view } = message;
  return view;
}
export type MessageView = ReturnType<typeof toMessageView>;

/**
 * The agent's side of a conversation: read a contact's messages, reply (the message and its outbox
 * record in one transaction; the stream sends it), and send a failed reply again. Only the agent
 * holding the contact, or a supervisor, may.
 */
export class ReplyService {
  constructor(private readonly deps: { messaging: MessagingRepository; contacts: ContactRepository; clock: Clock } & Partial<Pick<Deps, 'media'>>) {}

  /** @throws NotFoundError (also for other tenants' contacts), ForbiddenError */
  private async contactFor(principal: Principal, contactId: string): Promise<Contact> {
    const contact = await this.deps.contacts.get(principal.tenantId, contactId);
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (contact.agentId !== principal.userId && !hasRole(principal.roles, 'supervisor')) throw new ForbiddenError('Only the agent handling this contact, or a supervisor, may do this');
    return contact;
  }

  /** The contact's messages, oldest first. @throws NotFoundError, ForbiddenError */
  async list(principal: Principal, contactId: string): Promise<StoredMessage[]> {
    await this.contactFor(principal, contactId);
    return this.deps.messaging.listContactMessages(principal.tenantId, contactId);
  }

  /**
   * Keeps an agent's file for a reply on an open contact they hold (or a supervisor), for the reply to
   * name by its `uploadId`. @throws NotFoundError, ForbiddenError, ConflictError (finished), InvalidRequestError (no files on this channel), FileRefusedError
   */
  async upload(principal: Principal, contactId: string, file: { fileName: string | undefined; declaredType: string | undefined; bytes: Uint8Array }): Promise<UploadedFile> {
    const contact = await this.contactFor(principal, contactId);
    if (!isContactOpen(contact.status)) throw new ConflictError(`Contact ${contactId} is ${contact.status}; replies are closed`, { status: contact.status });
    const store = this.deps.media?.store;
    if (!store) throw new InvalidRequestError('Files cannot be sent: no file storage is configured', { reason: 'no_file_storage' });
    return keepUpload(store, { tenantId: principal.tenantId, contactId, channel: contact.channel, ...file });
  }

  /**
   * Stores the reply and its outbox record atomically; sending happens off the stream. The same
   * `clientMessageId` twice stores one message (`created: false` the second time).
   * @throws NotFoundError, ForbiddenError, ConflictError (the contact is finished), InvalidRequestError (not a messenger contact)
   */
  async reply(principal: Principal, contactId: string, request: ReplyRequest): Promise<{ message: StoredMessage; created: boolean }> {
    const contact = await this.contactFor(principal, contactId);
    if (!isContactOpen(contact.status)) throw new ConflictError(`Contact ${contactId} is ${contact.status}; replies are closed`, { status: contact.status });
    if (!contact.conversationId) throw new InvalidRequestError(`Contact ${contactId} has no messenger conversation to reply in`);
    const conversation = await this.deps.messaging.getConversation(principal.tenantId, contact.conversationId);
    if (!conversation) throw new InvalidRequestError(`Contact ${contactId} has no messenger conversation to reply in`);
    const replyTo = request.replyToMessageId ? await this.deps.messaging.getMessage(principal.tenantId, request.replyToMessageId) : undefined;
    if (request.replyToMessageId && replyTo?.conversationId !== conversation.conversationId) throw new InvalidRequestError('replyToMessageId is not a message of this conversation');

    const at = this.deps.clock.now().toISOString();
    const text = request.text ?? '';
    const upload = request.attachments?.[0];
    const attachment = upload && (await replyAttachment(this.deps.media?.store, { tenantId: principal.tenantId, contactId, channel: contact.channel, uploadId: upload.uploadId, caption: text, at }));
    const messageId = request.clientMessageId ? replyMessageIdOf(contactId, request.clientMessageId) : `msg_${randomUUID()}`;
    const message = newOutboundMessage({
      messageId,
      conversation,
      contactId,
      text,
      attachment,
      buttons: request.buttons,
      replyToProviderMessageId: replyTo?.providerMessageId,
      authorId: principal.userId,
      // A supervisor writing into someone else's chat (barged in) signs it, for the agent and the customer alike.
      ...(contact.agentId !== principal.userId && { authorName: principal.name }),
      at,
    });
    const outcome = await this.deps.messaging.writeOutbound(message, { tenantId: principal.tenantId, messageId, attempt: 1, createdAt: at });
    if (outcome === 'created') return { message, created: true };
    const existing = await this.deps.messaging.getMessage(principal.tenantId, messageId);
    return { message: existing ?? message, created: false };
  }

  /** Puts a failed reply back in the outbox. @throws NotFoundError, ForbiddenError, ConflictError (not failed, or a race) */
  async resend(principal: Principal, messageId: string): Promise<StoredMessage> {
    const message = await this.deps.messaging.getMessage(principal.tenantId, messageId);
    if (!message) throw new NotFoundError('Message', messageId);
    if (message.contactId) await this.contactFor(principal, message.contactId);
    else if (!hasRole(principal.roles, 'supervisor')) throw new ForbiddenError('Only a supervisor may resend a message outside a contact');
    const next = requestResend(message, this.deps.clock.now());
    if (!next) throw new ConflictError('Only a failed message of ours can be sent again', { status: message.status });
    await this.deps.messaging.writeOutbound(next, { tenantId: principal.tenantId, messageId, attempt: next.sendAttempt, createdAt: this.deps.clock.now().toISOString() }, message.version);
    return next;
  }
}
