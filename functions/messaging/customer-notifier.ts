import type { Contact } from '@cc/shared/contacts/model';
import type { ClosedNotice } from '@cc/shared/contacts/closed-notice';
import type { CustomerNotifier } from '@cc/shared/contacts/ports';
import type { PositionView } from '@cc/shared/contacts/position-view';
import { newOutboundMessage } from '@cc/shared/conversations/build-message';
import { systemMessageIdOf } from '@cc/shared/conversations/ids';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import type { CustomerRepository } from '@cc/shared/customers/ports';
import type { Clock } from '../composition/deps.ts';

/**
 * Tells a waiting messenger customer their place in the queue, or that the queue is closed, through their
 * own channel: a system message of the contact's conversation, sent through the outbox like a reply (in
 * English when the customer's messenger speaks English, else Russian). One message per contact version and
 * place (one closed notice per contact), so a redelivered notice sends nothing twice. Voice contacts have no
 * conversation and are skipped.
 */
export class MessagingCustomerNotifier implements CustomerNotifier {
  constructor(private readonly deps: { messaging: MessagingRepository; customers: CustomerRepository; clock: Clock }) {}

  async notifyQueuePosition(contact: Contact, view: PositionView): Promise<void> {
    await this.send(contact, view.text, `${contact.contactId}:${contact.version}:${view.position ?? 'none'}`, 'queue-position');
  }

  /** One auto-reply per contact: the message id is derived from the contact alone, so a redelivered record writes nothing new. */
  async notifyClosed(contact: Contact, notice: ClosedNotice): Promise<void> {
    await this.send(contact, notice.text, contact.contactId, 'closed-notice');
  }

  /** Writes the system message and its outbox record once per `trigger` and `purpose` (a duplicate is a no-op). */
  private async send(contact: Contact, texts: { ru: string; en: string }, trigger: string, purpose: string): Promise<void> {
    if (!contact.conversationId) return;
    const conversation = await this.deps.messaging.getConversation(contact.tenantId, contact.conversationId);
    if (!conversation) return;
    const customer = await this.deps.customers.get(contact.tenantId, conversation.customerId);
    const text = customer?.language?.toLowerCase().startsWith('en') ? texts.en : texts.ru;
    const at = this.deps.clock.now().toISOString();
    const messageId = systemMessageIdOf(trigger, purpose);
    const message = newOutboundMessage({ messageId, conversation, contactId: contact.contactId, text, authorId: 'system', at });
    await this.deps.messaging.writeOutbound(message, { tenantId: contact.tenantId, messageId, attempt: 1, createdAt: at });
  }
}
