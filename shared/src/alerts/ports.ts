/** What alerts need stored and sent. */
import type { AlertRule } from './model.ts';
import type { AlertNotice, NoticeDelivery, OutgoingMessage } from './notice.ts';

export interface AlertRepository {
  list(tenantId: string): Promise<AlertRule[]>;
  get(tenantId: string, alertId: string): Promise<AlertRule | undefined>;
  /** @throws ConflictError when the rule exists already */
  create(rule: AlertRule): Promise<void>;
  /**
   * Writes `rule` (its version one above `expectedVersion`) and, in the same write, the notice it sends.
   * @throws ConflictError when the stored version is not `expectedVersion` (the rule was edited or evaluated meanwhile)
   */
  save(rule: AlertRule, expectedVersion: number, notice?: AlertNotice): Promise<void>;
  delete(tenantId: string, alertId: string): Promise<void>;
  /** The tenant's latest notices, newest first. */
  listNotices(tenantId: string, limit: number): Promise<AlertNotice[]>;
  /** How the notice's recipients were sent to, read consistently (undefined: not yet, or the notice is gone). */
  deliveriesOf(notice: AlertNotice): Promise<NoticeDelivery[] | undefined>;
  /** Records how each recipient was sent to, once: @returns false when the notice had been delivered already */
  recordDeliveries(notice: AlertNotice, deliveries: NoticeDelivery[]): Promise<boolean>;
}

/** Port: sends one SMS or e-mail (AWS: SNS and SES; locally the outbox). @throws when the provider refuses it */
export interface AlertNotifier {
  send(message: OutgoingMessage): Promise<{ providerId: string }>;
}
