/**
 * The local runtime's SMS and e-mail: nothing leaves the machine; every message is kept in the table's local
 * outbox and listed newest first at `GET /local/outbox` (and its page), so a person sees what would have been sent.
 * Never part of a Lambda bundle.
 */
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { OutgoingMessage } from '@cc/shared/alerts/notice';
import type { AlertNotifier } from '@cc/shared/alerts/ports';
import { keys } from '@cc/shared/db/keys';
import type { Clock } from '../../composition/deps.ts';
import { fromItem, type DynamoTable } from '../dynamo/table.ts';

/** A message as the outbox lists it. */
export interface OutboxMessage {
  messageId: string;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string;
  text: string;
  time: string;
}

/** A week of local messages is plenty to look at; older ones expire. */
const OUTBOX_RETENTION_SECONDS = 7 * 86_400;

export class LocalOutbox implements AlertNotifier {
  constructor(private readonly table: DynamoTable, private readonly clock: Clock) {}

  async send(message: OutgoingMessage): Promise<{ providerId: string }> {
    const time = this.clock.now().toISOString();
    const item: OutboxMessage = { messageId: randomUUID(), channel: message.channel, recipient: message.to, subject: message.subject, text: message.text, time };
    await this.table.put('localOutboxMessage', { ...item, ...keys.localOutboxMessage(time, item.messageId), expiresAt: Math.floor(Date.parse(time) / 1000) + OUTBOX_RETENTION_SECONDS });
    return { providerId: `local-${item.messageId}` };
  }

  /** The newest `limit` messages, newest first. */
  async list(limit: number): Promise<OutboxMessage[]> {
    const { Items } = await this.table.documents.send(new QueryCommand({ TableName: this.table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.localOutbox().pk }, ScanIndexForward: false, Limit: limit }));
    return (Items ?? []).map((item) => fromItem<OutboxMessage>(item)!);
  }
}
