import type { Contact } from '@cc/shared/contacts/model';
import type { CustomerNotifier } from '@cc/shared/contacts/ports';
import type { PositionView } from '@cc/shared/contacts/position-view';
import type { ClosedNotice } from '@cc/shared/contacts/closed-notice';

/** Records queue-position and closed notices instead of sending them (the messaging side sends them through the channel). */
export class LocalCustomerNotifier implements CustomerNotifier {
  readonly sent: { contactId: string; view: PositionView }[] = [];
  readonly closed: { contactId: string; notice: ClosedNotice }[] = [];

  async notifyQueuePosition(contact: Contact, view: PositionView): Promise<void> {
    this.sent.push({ contactId: contact.contactId, view });
  }

  async notifyClosed(contact: Contact, notice: ClosedNotice): Promise<void> {
    this.closed.push({ contactId: contact.contactId, notice });
  }
}
