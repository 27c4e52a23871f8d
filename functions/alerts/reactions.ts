/**
 * Alerts on the table's stream: a contact or agent change (after the metrics reaction has folded it) re-evaluates
 * the rules on the queues, agents and tenant it touched; a new notice is sent to its recipients (SMS, e-mail) and
 * pushed to the supervisors online.
 */
import { metricById } from '@cc/shared/metrics/catalog/index';
import { noticeMessage, type AlertNotice, type NoticeDelivery } from '@cc/shared/alerts/notice';
import type { AlertNotifier, AlertRepository } from '@cc/shared/alerts/ports';
import { hasRole } from '@cc/shared/auth/values';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import { broadcast } from '../realtime/reactions.ts';
import type { ChangeReaction, ItemChange } from '../streams/app.ts';
import type { AlertEvaluator } from './evaluator.ts';

type NoticeDeps = Pick<Deps, 'connections' | 'push'> & { alerts: AlertRepository; alertNotifier?: AlertNotifier };

/** The few fields a change's images name, read without parsing the whole record (the other reactions validate it). */
function touchedBy(change: ItemChange, fields: { queues: (image: Record<string, unknown>) => unknown[]; agents: (image: Record<string, unknown>) => unknown[] }) {
  const images = [change.oldImage, change.newImage].filter((i): i is Record<string, unknown> => i !== undefined);
  const strings = (list: unknown[]) => [...new Set(list.filter((v): v is string => typeof v === 'string'))];
  const tenantId = (change.newImage ?? change.oldImage)?.['tenantId'];
  return { tenantId: typeof tenantId === 'string' ? tenantId : undefined, queueIds: strings(images.flatMap(fields.queues)), agentIds: strings(images.flatMap(fields.agents)) };
}

const moved = (change: ItemChange) => change.oldImage?.['version'] !== change.newImage?.['version'];

/** Sends a notice to each recipient once (a redelivered record finds its deliveries recorded) and tells the consoles. */
export async function deliverNotice(deps: NoticeDeps, notice: AlertNotice): Promise<void> {
  if ((await deps.alerts.deliveriesOf(notice)) !== undefined) return;
  const metric = metricById(notice.metric);
  const deliveries: NoticeDelivery[] = [];
  for (const recipient of notice.recipients) {
    const channel = 'phone' in recipient ? 'sms' : 'email';
    const to = 'phone' in recipient ? recipient.phone : recipient.email;
    if (!metric || !deps.alertNotifier) {
      deliveries.push({ channel, to, status: 'failed', error: metric ? 'no SMS or e-mail sender in this deployment' : `unknown metric ${notice.metric}` });
      continue;
    }
    try {
      const { providerId } = await deps.alertNotifier.send(noticeMessage(notice, metric, recipient));
      deliveries.push({ channel, to, status: 'sent', providerId });
    } catch (error) {
      // A refused number or address is recorded on the notice (the bell shows it) rather than retried for ever.
      logger.error('Alert notice not sent', { error, tenantId: notice.tenantId, alertId: notice.alertId, channel });
      deliveries.push({ channel, to, status: 'failed', error: error instanceof Error ? error.message.slice(0, 300) : String(error) });
    }
  }
  if (!(await deps.alerts.recordDeliveries(notice, deliveries))) return;
  await broadcast(deps, notice.tenantId, (c) => hasRole(c.roles, 'supervisor'), { type: 'alert.notice', notice: { ...notice, deliveries } });
}

export function alertReactions(deps: NoticeDeps, evaluator: AlertEvaluator): ChangeReaction[] {
  return [
    {
      name: 'alerts: contact figures',
      entity: 'contact',
      async react(change) {
        if (!moved(change)) return;
        const { tenantId, queueIds, agentIds } = touchedBy(change, { queues: (i) => [i['queueId']], agents: (i) => [i['agentId']] });
        if (tenantId) await evaluator.onChange(tenantId, { queueIds, agentIds });
      },
    },
    {
      name: 'alerts: agent figures',
      entity: 'agent',
      async react(change) {
        const figures = (i: Record<string, unknown> | undefined) => JSON.stringify([i?.['status'], i?.['load'], i?.['queueIds']]);
        if (change.eventName === 'MODIFY' && figures(change.oldImage) === figures(change.newImage)) return;
        const queuesOf = (i: Record<string, unknown>) => (Array.isArray(i['queueIds']) ? i['queueIds'] : []);
        const { tenantId, queueIds, agentIds } = touchedBy(change, { queues: queuesOf, agents: (i) => [i['agentId']] });
        if (tenantId) await evaluator.onChange(tenantId, { queueIds, agentIds });
      },
    },
    {
      name: 'alerts: send notice',
      entity: 'alertNotice',
      async react(change) {
        if (change.eventName !== 'INSERT' || !change.newImage) return;
        const { pk: _pk, sk: _sk, entity: _entity, expiresAt: _expires, ...notice } = change.newImage;
        await deliverNotice(deps, notice as unknown as AlertNotice);
      },
    },
  ];
}
