import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, type CfnFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { LambdaDefinition } from '@cc/functions/catalog';
import { GLOBAL_INDEXES } from '@cc/shared/db/table';
import { acknowledgeWildcards } from '../nag.ts';
import { FUNCTIONS_DIR, LOCK_FILE, REPO_ROOT } from '../paths.ts';
import { LAMBDA_BUNDLING } from '../bundling.ts';

/** How much of the table a function may touch. */
export type TableAccess = 'read' | 'readWrite';

/** Props of {@link CcFunction}: the catalog entry plus the few knobs that differ per trigger. */
export interface CcFunctionProps {
  /** The entry of `functions/catalog.ts` this function deploys. */
  readonly definition: LambdaDefinition;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** @default one month */
  readonly logRetention?: RetentionDays;
  /** Extra environment; the house variables are always set. */
  readonly environment?: Record<string, string>;
}

const READ_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'];
const WRITE_ACTIONS = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

/** Actions behind `bindTable`: item reads and queries, plus item writes (and so transactions) for `readWrite`. */
const TABLE_ACTIONS: Record<TableAccess, string[]> = { read: READ_ACTIONS, readWrite: [...READ_ACTIONS, ...WRITE_ACTIONS] };

/**
 * The house Lambda function: Node 24 on ARM64, one minified ESM bundle with source maps built by the
 * local esbuild (never Docker), active tracing, its own log group with a retention, and a role that
 * holds only what is granted explicitly (no AWS-managed policies).
 */
export class CcFunction extends NodejsFunction {
  /** The catalog entry this function deploys. */
  readonly definition: LambdaDefinition;
  /** The function's own log group (retention set, written only by this function). */
  readonly logs: LogGroup;
  /** The execution role; grants are added by `bindTable`, stacks and event sources. */
  readonly executionRole: Role;

  constructor(scope: Construct, id: string, props: CcFunctionProps) {
    const { definition } = props;
    // Both are siblings of the function: they must exist before `super()` hands them over.
    const logs = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const executionRole = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${definition.name} function`,
    });
    logs.grantWrite(executionRole);

    super(scope, id, {
      entry: path.join(FUNCTIONS_DIR, definition.entry),
      handler: 'handler',
      description: definition.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: executionRole,
      logGroup: logs,
      projectRoot: REPO_ROOT,
      depsLockFilePath: LOCK_FILE,
      environment: {
        CC_RUNTIME: 'aws',
        POWERTOOLS_SERVICE_NAME: definition.name,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      // The house options of infra/lib/bundling.ts, which the bundle bench builds with too.
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: LAMBDA_BUNDLING.target,
        banner: LAMBDA_BUNDLING.banner,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        minify: LAMBDA_BUNDLING.minify,
        sourceMap: LAMBDA_BUNDLING.sourcemap,
        sourcesContent: LAMBDA_BUNDLING.sourcesContent,
        bundleAwsSDK: true,
        externalModules: [...LAMBDA_BUNDLING.external],
        esbuildArgs: { '--alias': Object.entries(LAMBDA_BUNDLING.alias).map(([from, to]) => `${from}=${to}`) },
      },
    });
    this.definition = definition;
    this.logs = logs;
    this.executionRole = executionRole;

    // Active tracing, with its permissions in a policy of their own, so the one acknowledged
    // wildcard cannot hide a wildcard granted later through the default policy.
    (this.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' };
    const tracing = new Policy(this, 'TracingPolicy', {
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] })],
    });
    executionRole.attachInlinePolicy(tracing);
    this.node.addDependency(tracing);
    acknowledgeWildcards(tracing, [
      {
        finding: /^Resource::\*$/,
        actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
        reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions; this policy holds nothing else.',
      },
    ]);
  }

  /**
   * Gives the function the table: `TABLE_NAME`, item access to the table and to each GSI of the
   * shared definition (named, no `index/*` wildcard), and the table's KMS key if it has one.
   */
  bindTable(table: ITable, access: TableAccess): void {
    this.addEnvironment('TABLE_NAME', table.tableName);
    const indexArns = GLOBAL_INDEXES.map((gsi) => `${table.tableArn}/index/${gsi.indexName}`);
    this.executionRole.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: TABLE_ACTIONS[access], resources: [table.tableArn, ...indexArns] }),
    );
    if (table.encryptionKey) {
      // What DynamoDB asks of the caller for a table under a customer-managed key; no wildcards.
      const actions = ['kms:Decrypt', 'kms:DescribeKey', ...(access === 'readWrite' ? ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'] : [])];
      table.encryptionKey.grant(this.executionRole, ...actions);
    }
  }

  /** Lets the function decrypt, or encrypt and decrypt, with `key` (channel secrets: `kms:Encrypt`/`kms:Decrypt` only). */
  bindKey(key: IKey, access: 'decrypt' | 'encryptDecrypt'): void {
    key.grant(this.executionRole, ...(access === 'decrypt' ? ['kms:Decrypt'] : ['kms:Encrypt', 'kms:Decrypt']));
  }

  /** The construct id of a catalog entry's function: `http-api` → `HttpApiFunction`. */
  static idFor(definition: LambdaDefinition): string {
    return `${definition.name.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase())}Function`;
  }
}
