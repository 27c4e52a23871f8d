import { inject } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { randomUUID } from 'node:crypto';
import { createTableInput } from '@cc/shared/db/table';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../functions/local/dynamodb-local.ts';

/** A fresh table with the production definition on the run's DynamoDB Local, and clients for it. */
export async function createTestTable(prefix = 'test') {
  const endpoint = inject('dynamodbEndpoint');
  const config = { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const dynamodb = new DynamoDBClient(config);
  const tableName = `${prefix}-${randomUUID().slice(0, 8)}`;
  const created = await dynamodb.send(new CreateTableCommand(createTableInput(tableName)));
  return {
    endpoint,
    tableName,
    streamArn: created.TableDescription?.LatestStreamArn ?? '',
    dynamodb,
    documents: DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }),
    streams: new DynamoDBStreamsClient(config),
    drop: () => dynamodb.send(new DeleteTableCommand({ TableName: tableName })),
  };
}
