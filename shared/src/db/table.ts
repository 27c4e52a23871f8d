/**
 * The single table's shape: one source of truth for the CDK data stack and for the
 * local runtime, which creates the same table in DynamoDB Local.
 */
export const TABLE_BASE_NAME = 'ContactCenter';

/** Attribute that DynamoDB's TTL deletes expired items by (epoch seconds). */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Global secondary indexes, all with string hash and range keys and ALL projection. */
export const GLOBAL_INDEXES = [
  /** Alternate-id lookups: login → user, channelId → channel, e164 → phone number, connectionId → connection. */
  { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Waiting contacts of a queue, ordered by priority then enqueue time. */
  { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  /** A customer's contacts and messages across channels, newest last (the 360° view). */
  { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
] as const;

export type GlobalIndexName = (typeof GLOBAL_INDEXES)[number]['indexName'];

/** Table definition in a provider-neutral form, mapped to CloudFormation and to CreateTable. */
export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: GLOBAL_INDEXES,
  ttlAttribute: TTL_ATTRIBUTE,
  streamViewType: 'NEW_AND_OLD_IMAGES',
} as const;

/** Input for DynamoDB `CreateTable` (used by the local runtime and integration tests). */
export function createTableInput(tableName: string) {
  const keyAttributes = new Set<string>([TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey]);
  for (const gsi of GLOBAL_INDEXES) {
    keyAttributes.add(gsi.partitionKey);
    keyAttributes.add(gsi.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...keyAttributes].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: GLOBAL_INDEXES.map((gsi) => ({
      IndexName: gsi.indexName,
      KeySchema: [
        { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE_DEFINITION.streamViewType },
  };
}
