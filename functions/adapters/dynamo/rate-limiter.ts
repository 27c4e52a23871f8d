import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import { TTL_ATTRIBUTE } from '@cc/shared/db/table';
import type { RateDecision, RateLimit, RateLimiter } from '@cc/shared/limits/ports';
import type { DynamoTable } from './table.ts';

/**
 * Fixed-window counters: one item per key and window, incremented atomically (`ADD`), so concurrent
 * Lambda instances share one count; TTL removes a window's item once it is over.
 */
export class DynamoRateLimiter implements RateLimiter {
  constructor(private readonly table: DynamoTable) {}

  async hit(tenantId: string, key: string, limit: RateLimit, now: Date): Promise<RateDecision> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const windowStart = nowSeconds - (nowSeconds % limit.windowSeconds);
    const windowEnd = windowStart + limit.windowSeconds;
    const { Attributes } = await this.table.documents.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: keys.rateWindow(tenantId, key, windowStart),
        UpdateExpression: 'ADD #count :one SET #entity = :entity, #ttl = :ttl',
        ExpressionAttributeNames: { '#count': 'count', '#entity': 'entity', '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':entity': 'rateCounter', ':ttl': windowEnd + limit.windowSeconds },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const count = Number(Attributes?.['count'] ?? 1);
    return { allowed: count <= limit.max, count, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
  }
}
