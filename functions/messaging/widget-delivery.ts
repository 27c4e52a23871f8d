import type { StoredMessage } from '@cc/shared/conversations/model';
import type { ConnectionRepository, RealtimePush } from '@cc/shared/realtime/ports';
import { toWidgetMessageView } from '@cc/shared/widget/model';
import type { MediaStore } from '@cc/shared/media/ports';
import { pushToVisitor } from '../widget/push.ts';
import { widgetFileLink } from '../media/outbound.ts';
import type { WidgetDelivery } from './outbox.ts';

/**
 * Delivers replies to web chat visitors over the same WebSocket API as the consoles: to the open
 * widgets of the message's conversation (visitor connections: no roles, bound to that conversation by
 * the visitor token), as a `widget.message` without internal ids. A visitor with no widget open loads
 * the reply from the history when they come back; either way the message is `sent`, and the widget's
 * receipts move it to `delivered` and `read`.
 */
export class ConnectionWidgetDelivery implements WidgetDelivery {
  constructor(private readonly deps: { connections: ConnectionRepository; push: RealtimePush; media?: { store?: MediaStore | undefined } | undefined }) {}

  /** An agent's file goes as a short-lived link the widget opens without any sign-in (docs/attachments.md). */
  async deliver(message: StoredMessage): Promise<boolean> {
    const fileUrl = await widgetFileLink(message, this.deps.media?.store);
    return (await pushToVisitor(this.deps, message.tenantId, message.conversationId, { type: 'widget.message', message: toWidgetMessageView({ ...message, status: 'sent' }, fileUrl) })) > 0;
  }
}
