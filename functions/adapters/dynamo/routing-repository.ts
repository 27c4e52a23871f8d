import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, ScanCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Agent } from '@cc/shared/agents/model';
import { keys } from '@cc/shared/db/keys';
import { EMPTY_COUNTERS, SAMPLE_SLOTS, type QueueDayCounters } from '@cc/shared/contacts/daily-stats';
import { RoutingConflictError } from '@cc/shared/contacts/errors';
import type { Contact } from '@cc/shared/contacts/model';
import type { RoutingCommit, RoutingRepository } from '@cc/shared/contacts/ports';
import { contactItem } from './contact-repository.ts';
import { fromItem, type DynamoTable } from './table.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Daily counter items live about a month, for "today" and "yesterday" figures and a little history. */
const COUNTER_TTL_SECONDS = 35 * 24 * 3600;
const OPEN_STATUSES = ['queued', 'offered', 'after-contact-work'];

/**
 * Routing writes as one `TransactWriteItems` each: the contact conditional on its version (and status), the agent
 * conditional on its version and, when it takes a slot, on its stored load being under capacity (and the voice/chat
 * blocking rule), plus the day's counters. A lost condition surfaces as `RoutingConflictError` naming the party.
 */
export class DynamoRoutingRepository implements RoutingRepository {
  constructor(private readonly table: DynamoTable) {}

  private async consistentGet<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    const { Item } = await this.table.documents.send(new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true }));
    return fromItem<T>(Item);
  }

  readContact(tenantId: string, contactId: string) {
    return this.consistentGet<Contact>(keys.contact(tenantId, contactId));
  }

  readAgent(tenantId: string, agentId: string) {
    return this.consistentGet<Agent>(keys.agent(tenantId, agentId));
  }

  async readAgents(tenantId: string) {
    const agents: Agent[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.table.documents.send(
        new QueryCommand({ TableName: this.table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.agentsOfTenant(tenantId).pk }, ConsistentRead: true, ExclusiveStartKey }),
      );
      for (const item of page.Items ?? []) agents.push(fromItem<Agent>(item)!);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return agents;
  }

  async listWaitingForAgent(tenantId: string, agentId: string) {
    const items = await this.table.queryAll<Contact>({ index: 'gsi2', pk: keys.waitingForAgentOf(tenantId, agentId).gsi2pk });
    return items.filter((c) => c.status === 'queued');
  }

  async commit(change: RoutingCommit): Promise<void> {
    const TableName = this.table.tableName;
    const items: TransactItem[] = [];
    const parties: RoutingConflictError['party'][] = [];
    const { contact, expected } = change;
    items.push({
      Put: {
        TableName,
        Item: { ...contactItem(contact), entity: 'contact' },
        ConditionExpression: expected.status ? '#version = :version AND #status = :status' : '#version = :version',
        ExpressionAttributeNames: { '#version': 'version', ...(expected.status && { '#status': 'status' }) },
        ExpressionAttributeValues: { ':version': expected.version, ...(expected.status && { ':status': expected.status }) },
      },
    });
    parties.push('contact');
    for (const created of change.create ?? []) {
      items.push({ Put: { TableName, Item: { ...contactItem(created), entity: 'contact' }, ConditionExpression: 'attribute_not_exists(pk)' } });
      parties.push('contact');
    }
    if (change.agent) {
      const { next, expectedVersion, takesSlot } = change.agent;
      const names: Record<string, string> = { '#version': 'version' };
      const values: Record<string, unknown> = { ':version': expectedVersion };
      let condition = '#version = :version';
      if (takesSlot) {
        // Defence in depth: the version pins the state the decision read, and the stored load must still leave room.
        const other = takesSlot.kind === 'voice' ? 'chat' : 'voice';
        Object.assign(names, { '#load': 'load', '#kind': takesSlot.kind });
        values[':capacity'] = takesSlot.capacity;
        condition += ' AND (attribute_not_exists(#load) OR #load.#kind < :capacity)';
        if (takesSlot.blocksOther) {
          names['#other'] = other;
          values[':zero'] = 0;
          condition += ' AND (attribute_not_exists(#load) OR #load.#other = :zero)';
        }
      }
      items.push({
        Put: { TableName, Item: { ...next, ...keys.agent(next.tenantId, next.agentId), entity: 'agent' }, ConditionExpression: condition, ExpressionAttributeNames: names, ExpressionAttributeValues: values },
      });
      parties.push('agent');
    }
    if (change.counters) {
      const { tenantId, queueId, date, shard, add, sample } = change.counters;
      const names: Record<string, string> = { '#entity': 'entity', '#tenantId': 'tenantId', '#queueId': 'queueId', '#date': 'date', '#expiresAt': 'expiresAt' };
      const values: Record<string, unknown> = { ':entity': 'queueStats', ':tenantId': tenantId, ':queueId': queueId, ':date': date, ':expiresAt': Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + COUNTER_TTL_SECONDS };
      const sets = ['#entity = :entity', '#tenantId = :tenantId', '#queueId = :queueId', '#date = :date', '#expiresAt = :expiresAt'];
      const adds: string[] = [];
      for (const [field, amount] of Object.entries(add)) {
        names[`#${field}`] = field;
        values[`:${field}`] = amount;
        adds.push(`#${field} :${field}`);
      }
      if (sample) {
        names['#sample'] = `h${sample.slot}`;
        values[':sample'] = sample.seconds;
        sets.push('#sample = :sample');
      }
      items.push({
        Update: {
          TableName,
          Key: keys.queueDayStats(tenantId, queueId, date, shard),
          UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      });
      parties.push('conflict');
    }
    try {
      await this.table.documents.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
        const party = failed >= 0 ? (parties[failed] ?? 'conflict') : 'conflict';
        throw new RoutingConflictError(party, { contactId: contact.contactId, reasons: reasons.map((r) => r.Code ?? 'None') }, { cause: error });
      }
      throw error;
    }
  }

  async readDayCounters(tenantId: string, queueId: string, date: string): Promise<QueueDayCounters> {
    const { pk, skPrefix } = keys.queueStatsOfDay(tenantId, queueId, date);
    const shards = await this.table.queryAll<Record<string, unknown>>({ pk, skPrefix });
    const total: QueueDayCounters = { ...EMPTY_COUNTERS, recentHandleSeconds: [] };
    const numeric = (value: unknown) => (typeof value === 'number' ? value : 0);
    for (const shard of shards) {
      for (const field of ['handled', 'answeredInTime', 'abandoned', 'abandonedLate', 'closed', 'handleSeconds', 'holdSeconds', 'holds'] as const) total[field] += numeric(shard[field]);
      for (let slot = 0; slot < SAMPLE_SLOTS; slot++) if (typeof shard[`h${slot}`] === 'number') total.recentHandleSeconds.push(shard[`h${slot}`] as number);
    }
    return total;
  }

  /** A full scan: used once at local start-up to re-arm timers, never on a request path. */
  async listOpenContacts() {
    const contacts: Contact[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.table.documents.send(
        new ScanCommand({
          TableName: this.table.tableName,
          FilterExpression: '#entity = :contact AND #status IN (:s0, :s1, :s2)',
          ExpressionAttributeNames: { '#entity': 'entity', '#status': 'status' },
          ExpressionAttributeValues: { ':contact': 'contact', ...Object.fromEntries(OPEN_STATUSES.map((s, i) => [`:s${i}`, s])) },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) contacts.push(fromItem<Contact>(item)!);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return contacts;
  }
}
