import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoTable } from './table.ts';

/**
 * Sets `attribute` on an existing item unless it is set already: what a redelivered stream record needs to record
 * an outcome (the SMS and e-mail sent) exactly once. @returns false when the item had it already
 */
export async function setOnce(table: DynamoTable, key: Record<string, string>, attribute: string, value: unknown): Promise<boolean> {
  try {
    await table.documents.send(new UpdateCommand({
      TableName: table.tableName,
      Key: key,
      UpdateExpression: 'SET #attribute = :value',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#attribute)',
      ExpressionAttributeNames: { '#attribute': attribute },
      ExpressionAttributeValues: { ':value': value },
    }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
