import type { StoredMessage } from '@cc/shared/conversations/model';
import type { ConnectionRepository, RealtimePush } from '@cc/shared/realtime/ports';
import type { WidgetDelivery } from './outbox.ts';

/**
 * Delivers replies to web chat visitors over the same WebSocket API as the consoles: to the tenant's
 * connections whose user is the visitor (the widget's conversation id). Until the widget connects
 * that way, replies stay stored (`sent`) for the widget to load.
 */
export class ConnectionWidgetDelivery implements WidgetDelivery {
  constructor(private readonly deps: { connections: ConnectionRepository; push: RealtimePush }) {}

  async deliver(message: StoredMessage): Promise<boolean> {
    const visitors = (await this.deps.connections.listByTenant(message.tenantId)).filter((c) => c.userId === message.conversationExternalId && c.roles.length === 0);
    const delivered = await Promise.all(visitors.map((c) => this.deps.push.post(c.connectionId, { type: 'message.created', message })));
    return delivered.some(Boolean);
  }
}
