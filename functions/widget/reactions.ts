import { ContactSchema, type Contact } from '@cc/shared/contacts/model';
import type { LiveConnection, LiveMessage } from '@cc/shared/realtime/ports';
import { toWidgetCallView } from '@cc/shared/widget/calls';
import { toWidgetChatState } from '@cc/shared/widget/model';
import type { Deps } from '../composition/deps.ts';
import type { Services } from '../composition/services.ts';
import type { ChangeReaction } from '../streams/app.ts';
import { isVisitorConnection, postToConnections } from './push.ts';

const parse = (image: Record<string, unknown> | undefined): Contact | undefined => (image ? ContactSchema.parse(image) : undefined);

/**
 * Live state for open widgets, off the stream: when a contact changes status, queue or agent, the
 * visitor of a web chat contact gets its new state (connecting, connected with the agent's name,
 * ended), the visitor of a call from the site its call's (`widget.call`), and every web chat visitor waiting in the queues it left or joined gets their new place and
 * estimated wait. Costs one connections query per change, and nothing more while no widget is open.
 * Pushes carry the contact's version, so a redelivered record is harmless.
 */
export function widgetReactions(deps: Pick<Deps, 'connections' | 'push' | 'clock'>, services: Pick<Services, 'routing' | 'widget' | 'widgetCalls'>): ChangeReaction[] {
  const { queries } = services.routing;
  return [
    {
      name: 'widget: push chat state and queue places to visitors',
      entity: 'contact',
      react: async (change) => {
        const before = parse(change.oldImage);
        const after = parse(change.newImage);
        const current = after ?? before;
        if (!current) return;
        if (before && after && before.status === after.status && before.queueId === after.queueId && before.agentId === after.agentId) return;
        const { tenantId } = current;
        const visitors = (await deps.connections.listByTenant(tenantId)).filter(isVisitorConnection);
        if (visitors.length === 0) return;
        const byConversation = new Map<string, LiveConnection[]>();
        for (const v of visitors) byConversation.set(v.visitor!.conversationId, [...(byConversation.get(v.visitor!.conversationId) ?? []), v]);
        const watched = (contact: Contact | undefined) => ((contact?.channel === 'webchat' || contact?.channel === 'webcall') && contact.conversationId !== undefined ? byConversation.get(contact.conversationId) : undefined);
        const now = deps.clock.now();

        const told = new Set<string>();
        const queues = new Set([before?.status === 'queued' ? before.queueId : undefined, after?.status === 'queued' ? after.queueId : undefined].filter((q): q is string => q !== undefined));
        for (const queueId of queues) {
          for (const { contact, view } of await queries.positionsOfQueue(tenantId, queueId)) {
            const connections = watched(contact);
            if (!connections) continue;
            told.add(contact.contactId);
            const message: LiveMessage = contact.channel === 'webcall' ? { type: 'widget.call', call: toWidgetCallView(contact, now, { position: view }) } : { type: 'widget.state', state: toWidgetChatState(contact.conversationId!, contact, { position: view }) };
            await postToConnections(deps, tenantId, connections, message);
          }
        }
        const own = watched(after);
        if (after && own && !told.has(after.contactId)) {
          const message: LiveMessage = after.channel === 'webcall' ? { type: 'widget.call', call: await services.widgetCalls.viewOf(tenantId, after) } : { type: 'widget.state', state: await services.widget.stateOf(tenantId, after.conversationId!, after) };
          await postToConnections(deps, tenantId, own, message);
        }
      },
    },
  ];
}
