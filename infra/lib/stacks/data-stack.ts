import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { GLOBAL_INDEXES, TABLE_BASE_NAME, TABLE_DEFINITION, TTL_ATTRIBUTE } from '@cc/shared/db/table';
import type { TableEncryptionMode } from '../config.ts';

/** Props of {@link DataStack}. */
export interface DataStackProps extends StackProps {
  readonly stage: string;
  /** @default 'aws-managed' */
  readonly tableEncryption?: TableEncryptionMode;
}

/**
 * The single DynamoDB table, built from the shared definition (`shared/src/db/table.ts`) that the
 * local runtime also creates in DynamoDB Local, and the KMS key that encrypts channel secrets.
 * Both are kept when the stack is deleted.
 */
export class DataStack extends Stack {
  /** The contact-center table, with its stream. */
  readonly table: Table;
  /** Encrypts channel credentials (bot tokens, app secrets) stored in the table. */
  readonly secretsKey: Key;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    const tableKey =
      props.tableEncryption === 'customer-managed'
        ? new Key(this, 'TableKey', { enableKeyRotation: true, description: 'Encrypts the contact-center table', removalPolicy: RemovalPolicy.RETAIN })
        : undefined;

    this.table = new Table(this, 'Table', {
      tableName: `${TABLE_BASE_NAME}-${props.stage}`,
      partitionKey: { name: TABLE_DEFINITION.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_DEFINITION.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      stream: StreamViewType[TABLE_DEFINITION.streamViewType],
      timeToLiveAttribute: TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      ...(tableKey
        ? { encryption: TableEncryption.CUSTOMER_MANAGED, encryptionKey: tableKey }
        : { encryption: TableEncryption.AWS_MANAGED }),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of GLOBAL_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
      });
    }

    this.secretsKey = new Key(this, 'SecretsKey', {
      alias: `alias/cc-${props.stage}/channel-secrets`,
      description: 'Encrypts channel secrets stored in the contact-center table',
      enableKeyRotation: true,
      // Deleting the key would make every stored channel secret unreadable.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
