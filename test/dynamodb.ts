import { inject } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { randomUUID } from 'node:crypto';
import { createTableInput } from '@cc/shared/db/table';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../functions/local/dynamodb-local.ts';

/**
 * The run's DynamoDB Local, which the global setup starts for the projects that use it.
 * @throws Error naming the file suffix when the test is in a project without one (vitest.config.ts).
 */
export function dynamodbLocalEndpoint(): string {
  const endpoint = inject('dynamodbEndpoint');
  if (!endpoint) throw new Error('No DynamoDB Local in this project: DynamoDB tests are named *.int.test.ts (see vitest.config.ts)');
  return endpoint;
}

/** A fresh table with the production definition on the run's DynamoDB Local, and clients for it. */
export async function createTestTable(prefix = 'test') {
  const endpoint = dynamodbLocalEndpoint();
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
