/**
 * Analytics on the table's stream: a contact whose conversation ended is analysed; each new message of a live
 * contact is checked for an alert; a new conversation alert is pushed to the supervisors online and sent by SMS
 * and e-mail to the tenant's recipients, once.
 */
import { alertMessage } from '@cc/shared/analytics/alerts';
import { segmentsOfChat } from '@cc/shared/analytics/segments';
import type { ConversationAlert } from '@cc/shared/analytics/values';
import { hasRole } from '@cc/shared/auth/values';
import { ContactSchema, type Contact } from '@cc/shared/contacts/model';
import { StoredMessageSchema } from '@cc/shared/conversations/model';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import { broadcast } from '../realtime/reactions.ts';
import type { ChangeReaction } from '../streams/app.ts';
import type { ConversationAnalyser } from './analyser.ts';

type AnalyticsReactionDeps = Pick<Deps, 'contacts' | 'connections' | 'push' | 'conversationAlerts' | 'alertNotifier'>;

/** Statuses in which the customer is still being served: a supervisor can still step in. */
const LIVE = new Set<Contact['status']>(['queued', 'offered', 'connected', 'after-contact-work']);

/**
 * Whether this change ends the conversation: the contact leaves `connected` (the agent's part is over; a call's
 * transcript is refused after this, so it is complete), or reaches an end without having been connected.
 */
export function conversationEnded(before: Contact | undefined, after: Contact): boolean {
  if (before?.status === after.status) return false;
  if (before?.status === 'connected') return true;
  return (after.status === 'closed' || after.status === 'abandoned' || after.status === 'transferred') && before?.status !== 'after-contact-work';
}

export async function deliverConversationAlert(deps: AnalyticsReactionDeps, analyser: ConversationAnalyser, alert: ConversationAlert): Promise<void> {
  const { recipients } = (await analyser.settings(alert.tenantId)).alerts;
  const deliveries: NonNullable<ConversationAlert['deliveries']> = [];
  for (const recipient of recipients) {
    const message = alertMessage(alert, recipient);
    if (!deps.alertNotifier) {
      deliveries.push({ channel: message.channel, to: message.to, status: 'failed', error: 'no SMS or e-mail sender in this deployment' });
      continue;
    }
    try {
      await deps.alertNotifier.send(message);
      deliveries.push({ channel: message.channel, to: message.to, status: 'sent' });
    } catch (error) {
      // A refused number is recorded on the alert rather than retried for ever.
      logger.error('Conversation alert not sent', { error, tenantId: alert.tenantId, alertId: alert.alertId, channel: message.channel });
      deliveries.push({ channel: message.channel, to: message.to, status: 'failed', error: error instanceof Error ? error.message.slice(0, 300) : String(error) });
    }
  }
  // A redelivered record finds its deliveries recorded: nothing is sent or pushed twice.
  if (!(await deps.conversationAlerts.recordDeliveries(alert, deliveries))) return;
  await broadcast(deps, alert.tenantId, (c) => hasRole(c.roles, 'supervisor'), { type: 'conversation.alert', alert: { ...alert, deliveries } });
}

export function analyticsReactions(deps: AnalyticsReactionDeps, analyser: ConversationAnalyser): ChangeReaction[] {
  return [
    {
      name: 'analytics: analyse the ended conversation',
      entity: 'contact',
      async react(change) {
        if (!change.newImage) return;
        const after = ContactSchema.parse(change.newImage);
        const before = change.oldImage ? ContactSchema.parse(change.oldImage) : undefined;
        if (conversationEnded(before, after)) await analyser.analyseContact(after);
      },
    },
    {
      name: 'analytics: live check of a new message',
      entity: 'message',
      async react(change) {
        if (change.eventName !== 'INSERT' || !change.newImage) return;
        const message = StoredMessageSchema.parse(change.newImage);
        const { contactId, tenantId } = message;
        if (contactId === undefined) return;
        const segments = segmentsOfChat([message]);
        await analyser.checkLive(tenantId, segments, message.sentAt, async () => {
          const contact = await deps.contacts.get(tenantId, contactId);
          return contact && LIVE.has(contact.status) ? contact : undefined;
        });
      },
    },
    {
      name: 'analytics: deliver a conversation alert',
      entity: 'conversationAlert',
      async react(change) {
        if (change.eventName !== 'INSERT' || !change.newImage) return;
        const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, entity: _entity, expiresAt: _expires, ...alert } = change.newImage;
        await deliverConversationAlert(deps, analyser, alert as unknown as ConversationAlert);
      },
    },
  ];
}
