import type { Contact } from '@cc/shared/contacts/model';
import type { CustomerNotifier } from '@cc/shared/contacts/ports';
import type { PositionView } from '@cc/shared/contacts/position-view';

/** Records queue-position notices instead of sending them (the messaging side sends them through the channel). */
export class LocalCustomerNotifier implements CustomerNotifier {
  readonly sent: { contactId: string; view: PositionView }[] = [];

  async notifyQueuePosition(contact: Contact, view: PositionView): Promise<void> {
    this.sent.push({ contactId: contact.contactId, view });
  }
}
