import type { Contact } from '@cc/shared/contacts/model';
import type { CustomerNotifier } from '@cc/shared/contacts/ports';
import type { PositionView } from '@cc/shared/contacts/position-view';
import { newOutboundMessage } from '@cc/shared/conversations/build-message';
import { systemMessageIdOf } from '@cc/shared/conversations/ids';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import type { CustomerRepository } from '@cc/shared/customers/ports';
import type { Clock } from '../composition/root.ts';

/**
 * Tells a waiting messenger customer their place in the queue through their own channel: a system
 * message of the contact's conversation, sent through the outbox like a reply (in English when the
 * customer's messenger speaks English, else Russian). One message per contact version and place, so
 * a redelivered notice sends nothing twice. Voice contacts have no conversation and are skipped.
 */
export class MessagingCustomerNotifier implements CustomerNotifier {
  constructor(private readonly deps: { messaging: MessagingRepository; customers: CustomerRepository; clock: Clock }) {}

  async notifyQueuePosition(contact: Contact, view: PositionView): Promise<void> {
    if (!contact.conversationId) return;
    const conversation = await this.deps.messaging.getConversation(contact.tenantId, contact.conversationId);
    if (!conversation) return;
    const customer = await this.deps.customers.get(contact.tenantId, conversation.customerId);
    const text = customer?.language?.toLowerCase().startsWith('en') ? view.text.en : view.text.ru;
    const at = this.deps.clock.now().toISOString();
    const messageId = systemMessageIdOf(`${contact.contactId}:${contact.version}:${view.position ?? 'none'}`, 'queue-position');
    const message = newOutboundMessage({ messageId, conversation, contactId: contact.contactId, text, authorId: 'system', at });
    await this.deps.messaging.writeOutbound(message, { tenantId: contact.tenantId, messageId, attempt: 1, createdAt: at });
  }
}
