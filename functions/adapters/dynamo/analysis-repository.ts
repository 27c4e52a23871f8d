import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ConversationAnalysisRepository } from '@cc/shared/analytics/ports';
import type { AnalysisSearch, AnalysisSearchEntry, StoredConversationAnalysis } from '@cc/shared/analytics/values';
import { flaggedCategoriesOf, searchEntryOf } from '@cc/shared/analytics/entry';
import { keys } from '@cc/shared/db/keys';
import { fromItem, translateConflict, type DynamoTable } from './table.ts';
import { ConflictError, InvalidRequestError } from '@cc/shared/errors';

/** Search keys besides the categories: every analysed conversation, and every flagged one. */
const ALL = 'all';
const FLAGGED = 'flagged';
const DAY_MS = 86_400_000;

/** The search keys an analysis is listed under. */
function entryKeysOf(analysis: StoredConversationAnalysis): string[] {
  if (!analysis.flagged) return [ALL];
  return [ALL, FLAGGED, ...flaggedCategoriesOf(analysis)];
}

const dayOf = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/** Where a page stopped: the day, and the sort key of the last entry read (the partition is rebuilt, never taken from the client). */
interface Cursor {
  day: string;
  sk?: string;
}

function readCursor(cursor: string | undefined, category: string): Cursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(parsed.day)) throw new Error('day');
    if (parsed.sk !== undefined && (typeof parsed.sk !== 'string' || !parsed.sk.startsWith(`${category}#`) || parsed.sk.length > 200)) throw new Error('sk');
    return parsed;
  } catch {
    throw new InvalidRequestError('cursor is not one this search returned', { field: 'cursor' });
  }
}

const previousDay = (day: string) => new Date(Date.parse(day) - DAY_MS).toISOString().slice(0, 10);

const writeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

/**
 * Conversation analyses (pattern 44): the analysis beside its contact, and search entries in a partition per UTC
 * day the contact closed, one per flagged category plus `all` and `flagged`, so a search is one range query a day.
 */
export class DynamoAnalysisRepository implements ConversationAnalysisRepository {
  constructor(private readonly table: DynamoTable) {}

  get(tenantId: string, contactId: string) {
    return this.table.get<StoredConversationAnalysis>(keys.conversationAnalysis(tenantId, contactId));
  }

  async save(analysis: StoredConversationAnalysis, previous: StoredConversationAnalysis | undefined): Promise<boolean> {
    const { tenantId, contactId } = analysis;
    const entry = searchEntryOf(analysis);
    const day = dayOf(analysis.closedAt);
    const keep = new Set(entryKeysOf(analysis).map((category) => `${day}|${category}|${analysis.closedAt}`));
    const stale = previous ? entryKeysOf(previous).filter((category) => !keep.has(`${dayOf(previous.closedAt)}|${category}|${previous.closedAt}`)) : [];
    try {
      await this.table.documents.send(new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table.tableName,
              Item: { ...analysis, ...keys.conversationAnalysis(tenantId, contactId), entity: 'conversationAnalysis' },
              // A newer analysis (a later transcript) stays; the same one again (a redelivered record) is written over.
              ConditionExpression: previous
                ? 'analysedAt = :previousAt'
                : 'attribute_not_exists(pk)',
              ...(previous && { ExpressionAttributeValues: { ':previousAt': previous.analysedAt } }),
            },
          },
          ...entryKeysOf(analysis).map((category) => ({
            Put: { TableName: this.table.tableName, Item: { ...entry, ...keys.analysisEntry(tenantId, day, category, analysis.closedAt, contactId), entity: 'analysisEntry' } },
          })),
          ...stale.map((category) => ({
            Delete: { TableName: this.table.tableName, Key: keys.analysisEntry(tenantId, dayOf(previous!.closedAt), category, previous!.closedAt, contactId) },
          })),
        ],
      }));
      return true;
    } catch (error) {
      if (translateConflict(error, {}) instanceof ConflictError) return false;
      throw error;
    }
  }

  async search(tenantId: string, query: AnalysisSearch) {
    const category = query.category ?? (query.flaggedOnly ? FLAGGED : ALL);
    const from = new Date(query.from).toISOString();
    const to = new Date(query.to).toISOString();
    const start = readCursor(query.cursor, category);
    const entries: AnalysisSearchEntry[] = [];
    const filters: string[] = [];
    const values: Record<string, unknown> = { ':low': `${category}#${from}`, ':high': `${category}#${to}~` };
    if (query.agentId !== undefined) {
      filters.push('agentId = :agentId');
      values[':agentId'] = query.agentId;
    }
    if (query.queueId !== undefined) {
      filters.push('queueId = :queueId');
      values[':queueId'] = query.queueId;
    }
    // Newest day first, from the cursor's day when continuing.
    for (let day = start?.day ?? dayOf(to); day >= dayOf(from); day = previousDay(day)) {
      const pk = keys.analysisDay(tenantId, day).pk;
      let lastKey: Record<string, unknown> | undefined = day === start?.day && start.sk !== undefined ? { pk, sk: start.sk } : undefined;
      do {
        const page = await this.table.documents.send(new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
          ...(filters.length > 0 && { FilterExpression: filters.join(' AND ') }),
          ExpressionAttributeValues: { ...values, ':pk': pk },
          ScanIndexForward: false,
          Limit: query.limit - entries.length,
          ExclusiveStartKey: lastKey,
        }));
        for (const item of page.Items ?? []) entries.push(fromItem<AnalysisSearchEntry>(item)!);
        lastKey = page.LastEvaluatedKey;
        if (entries.length >= query.limit) {
          const next: Cursor = lastKey ? { day, sk: String(lastKey.sk) } : { day: previousDay(day) };
          return { entries, ...(next.day >= dayOf(from) && { cursor: writeCursor(next) }) };
        }
      } while (lastKey);
    }
    return { entries };
  }
}
