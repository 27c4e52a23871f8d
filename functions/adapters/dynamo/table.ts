import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '@cc/shared/errors';
import type { EntityType } from '@cc/shared/db/keys';

/** Key attributes and bookkeeping stored on items but not part of the domain records. */
const STORAGE_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'expiresAt'];

/** Strips storage attributes so repositories return plain domain records. */
export function fromItem<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const record: Record<string, unknown> = { ...item };
  for (const name of STORAGE_ATTRIBUTES) delete record[name];
  return record as T;
}

/**
 * Thin helper over the document client for the single table: it adds the entity type to every
 * item, pages through queries, and turns lost conditional writes into `ConflictError`.
 */
export class DynamoTable {
  constructor(
    readonly documents: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: key }));
    return fromItem<T>(Item);
  }

  /** @throws ConflictError when `condition` fails. */
  async put(entity: EntityType, item: Record<string, unknown>, condition?: Pick<QueryCommandInput, 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> & { expression: string }): Promise<void> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...item, entity },
          ...(condition && {
            ConditionExpression: condition.expression,
            ExpressionAttributeNames: condition.ExpressionAttributeNames,
            ExpressionAttributeValues: condition.ExpressionAttributeValues,
          }),
        }),
      );
    } catch (error) {
      throw translateConflict(error, { entity });
    }
  }

  /** Every item of a partition (optionally with a sort-key prefix), following pagination. */
  async queryAll<T>(input: { pk: string; skPrefix?: string } | { index: 'gsi1' | 'gsi2' | 'gsi3'; pk: string; skPrefix?: string }): Promise<T[]> {
    const index = 'index' in input ? input.index : undefined;
    const pkName = index ? `${index}pk` : 'pk';
    const skName = index ? `${index}sk` : 'sk';
    const items: T[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: input.skPrefix ? '#pk = :pk AND begins_with(#sk, :sk)' : '#pk = :pk',
          ExpressionAttributeNames: input.skPrefix ? { '#pk': pkName, '#sk': skName } : { '#pk': pkName },
          ExpressionAttributeValues: input.skPrefix ? { ':pk': input.pk, ':sk': input.skPrefix } : { ':pk': input.pk },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) items.push(fromItem<T>(item)!);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}

/** Maps DynamoDB's lost-condition errors to the domain's `ConflictError`; other errors pass through. */
export function translateConflict(error: unknown, details: Record<string, unknown>): unknown {
  if (error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException) {
    return new ConflictError('The record changed or already exists', details, { cause: error });
  }
  return error;
}
