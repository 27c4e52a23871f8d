import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { keys } from '@cc/shared/db/keys';
import { TTL_ATTRIBUTE } from '@cc/shared/db/table';
import type { AgentTimelineRepository } from '@cc/shared/timeline/ports';
import { TIMELINE_RETENTION_DAYS, type ContactEntry, type StatusEntry } from '@cc/shared/timeline/values';
import { ConflictError } from '@cc/shared/errors';
import { fromItem, type DynamoTable } from './table.ts';

/** How far before a day its contacts are looked for: a handling that began earlier and still overlaps the day is missed. */
const CONTACT_LOOKBACK_MS = 24 * 3_600_000;
/** Entries before a day's start read to find the status in force at it (several only when some share one instant). */
const STATUSES_BEFORE = 3;

const expiresAt = (iso: string) => Math.floor(Date.parse(iso) / 1000) + TIMELINE_RETENTION_DAYS * 24 * 3600;

/**
 * The agents' day logs (docs/data-model.md, pattern 41): one partition per agent, status spans under `STATUS#`
 * and handled contacts under `CONTACT#`, each sorted by time, so a day is a few range queries and never a scan.
 * Writes come off the stream and are conditional on the record's version: a redelivered or older stream record
 * writes nothing, and that lost condition is not an error.
 */
export class DynamoTimelineRepository implements AgentTimelineRepository {
  constructor(private readonly table: DynamoTable) {}

  async recordStatus(tenantId: string, entry: StatusEntry): Promise<void> {
    const item = { ...keys.agentStatusEntry(tenantId, entry.agentId, entry.since, entry.status), ...entry, [TTL_ATTRIBUTE]: expiresAt(entry.since) };
    try {
      await this.table.put('agentStatusEntry', item, { expression: 'attribute_not_exists(pk) OR #version < :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': entry.version } });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  async recordContact(tenantId: string, entry: ContactEntry): Promise<void> {
    const { customerName, ...fields } = entry;
    const values: Record<string, unknown> = { ...fields, entity: 'agentContactEntry', [TTL_ATTRIBUTE]: expiresAt(entry.startedAt) };
    const names = Object.keys(values);
    const sets = names.map((name, i) => `#f${i} = :f${i}`);
    if (customerName !== undefined) sets.push('#customerName = if_not_exists(#customerName, :customerName)');
    try {
      await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.agentContactEntry(tenantId, entry.agentId, entry.startedAt, entry.contactId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_not_exists(pk) OR #contactVersion < :contactVersion',
          ExpressionAttributeNames: { ...Object.fromEntries(names.map((name, i) => [`#f${i}`, name])), '#contactVersion': 'contactVersion', ...(customerName !== undefined && { '#customerName': 'customerName' }) },
          ExpressionAttributeValues: { ...Object.fromEntries(names.map((name, i) => [`:f${i}`, values[name]])), ':contactVersion': entry.contactVersion, ...(customerName !== undefined && { ':customerName': customerName }) },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async statusesBetween(tenantId: string, agentId: string, from: Date, to: Date): Promise<StatusEntry[]> {
    const { pk, statusPrefix } = keys.agentLogOf(tenantId, agentId);
    const [inside, before] = await Promise.all([
      this.range<StatusEntry>(pk, `${statusPrefix}${from.toISOString()}`, `${statusPrefix}${to.toISOString()}`),
      this.range<StatusEntry>(pk, statusPrefix, `${statusPrefix}${from.toISOString()}`, { newestFirst: true, limit: STATUSES_BEFORE }),
    ]);
    return [...before.reverse(), ...inside];
  }

  async contactsBetween(tenantId: string, agentId: string, from: Date, to: Date): Promise<ContactEntry[]> {
    const { pk, contactPrefix } = keys.agentLogOf(tenantId, agentId);
    const entries = await this.range<ContactEntry>(pk, `${contactPrefix}${new Date(from.getTime() - CONTACT_LOOKBACK_MS).toISOString()}`, `${contactPrefix}${to.toISOString()}`);
    return entries.filter((entry) => entry.closedAt === undefined || Date.parse(entry.closedAt) > from.getTime());
  }

  /** Items with `lo <= sk <= hi`, following pages unless `limit` is given. */
  private async range<T>(pk: string, lo: string, hi: string, options: { newestFirst?: boolean; limit?: number } = {}): Promise<T[]> {
    const items: T[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.table.documents.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
          ExpressionAttributeValues: { ':pk': pk, ':lo': lo, ':hi': hi },
          ScanIndexForward: !options.newestFirst,
          ...(options.limit !== undefined && { Limit: options.limit }),
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) items.push(fromItem<T>(item)!);
      ExclusiveStartKey = options.limit === undefined ? page.LastEvaluatedKey : undefined;
    } while (ExclusiveStartKey);
    return items;
  }
}
