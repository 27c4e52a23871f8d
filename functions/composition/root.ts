/**
 * The one composition root: builds every adapter once per process from configuration. Lambda
 * handlers call `getDeps()`; the local runtime installs its own set (same classes, local endpoints
 * and the in-process WebSocket hub) with `installDeps()` before the first invocation.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { AgentRepository } from '@cc/shared/agents/ports';
import type { ContactRepository, Timers } from '@cc/shared/contacts/ports';
import type { QueueRepository } from '@cc/shared/queues/ports';
import type { ConnectionRepository, RealtimePush } from '@cc/shared/realtime/ports';
import type { DirectoryRepository, SecretCipher } from '@cc/shared/tenancy/ports';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import type { CustomerRepository } from '@cc/shared/customers/ports';
import type { RateLimiter } from '@cc/shared/limits/ports';
import type { DeliveryQueue } from '@cc/shared/delivery/ports';
import { readConfig, type Config } from './config.ts';
import { DynamoTable } from '../adapters/dynamo/table.ts';
import { DynamoAgentRepository } from '../adapters/dynamo/agent-repository.ts';
import { DynamoDirectoryRepository } from '../adapters/dynamo/directory-repository.ts';
import { DynamoQueueRepository } from '../adapters/dynamo/queue-repository.ts';
import { DynamoConnectionRepository } from '../adapters/dynamo/connection-repository.ts';
import { DynamoContactRepository } from '../adapters/dynamo/contact-repository.ts';
import { DynamoMessagingRepository } from '../adapters/dynamo/messaging-repository.ts';
import { DynamoCustomerRepository } from '../adapters/dynamo/customer-repository.ts';
import { DynamoRateLimiter } from '../adapters/dynamo/rate-limiter.ts';
import { ApiGatewayRealtimePush } from '../adapters/realtime/api-gateway-push.ts';
import { KmsSecretCipher } from '../adapters/secrets/kms-cipher.ts';
import { SqsTimers } from '../adapters/timers/sqs-timers.ts';
import { SqsDeliveryQueue } from '../adapters/delivery/sqs-delivery-queue.ts';
import { createJwtVerifier, type TokenVerifier } from '../auth/token-verifier.ts';
import { createMessengerSenders, type MessengerSenders } from '../adapters/messengers/index.ts';
import type { RetryPolicy } from '../adapters/messengers/retry.ts';

/** Clock port: the domain never reads the system time directly. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface Deps {
  config: Config;
  clock: Clock;
  dynamodb: DynamoDBClient;
  table: DynamoTable;
  agents: AgentRepository;
  directory: DirectoryRepository;
  queues: QueueRepository;
  connections: ConnectionRepository;
  contacts: ContactRepository;
  /** Conversations, messages, the webhook inbox and the outbox. */
  messaging: MessagingRepository;
  customers: CustomerRepository;
  /** Counters of the public routes' limits (callback requests). */
  rateLimiter: RateLimiter;
  push: RealtimePush;
  cipher: SecretCipher;
  verifier: TokenVerifier;
  /** Messenger HTTP clients (Telegram, WhatsApp, VK, Viber) at the configured base URLs. */
  senders: MessengerSenders;
  /**
   * Routing timers, when the composition provides them (AWS: SQS on `TIMER_QUEUE_URL`). Unset, routing picks its
   * own (`functions/routing/deps.ts`): in-process timers locally, logged and dropped in AWS.
   */
  timers?: Timers;
  /**
   * The outbound delivery queue (AWS: SQS on `DELIVERY_QUEUE_URL`; locally in-process). Unset, the outbox
   * reaction delivers inline with one provider call and transient failures are recorded as failed.
   */
  delivery?: DeliveryQueue;
}

/** One provider call per delivery job, cut off well under any function's timeout; the queue does the retrying. */
export const PROVIDER_TIMEOUT_MS = 5_000;

/** The messenger senders at the base URLs of `config` (the providers in AWS, the simulator locally). */
export function createSendersFromConfig(config: Config, overrides?: Partial<RetryPolicy>, timeoutMs = PROVIDER_TIMEOUT_MS): MessengerSenders {
  const retry = { maxAttempts: 1, ...overrides };
  return createMessengerSenders({
    telegram: { baseUrl: config.TELEGRAM_API_BASE_URL, retry, timeoutMs },
    whatsapp: { baseUrl: config.WHATSAPP_API_BASE_URL, retry, timeoutMs },
    vk: { baseUrl: config.VK_API_BASE_URL, retry, timeoutMs },
    viber: { baseUrl: config.VIBER_API_BASE_URL, retry, timeoutMs },
  });
}

/** Repositories over one DynamoDB client; shared by the AWS and local compositions. */
export function createRepositories(dynamodb: DynamoDBClient, tableName: string) {
  const documents = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
  const table = new DynamoTable(documents, tableName);
  return {
    dynamodb,
    table,
    agents: new DynamoAgentRepository(table),
    directory: new DynamoDirectoryRepository(table),
    queues: new DynamoQueueRepository(table),
    connections: new DynamoConnectionRepository(table),
    contacts: new DynamoContactRepository(table),
    messaging: new DynamoMessagingRepository(table),
    customers: new DynamoCustomerRepository(table),
    rateLimiter: new DynamoRateLimiter(table),
  };
}

/** The AWS composition, from the environment CDK sets on each function. */
export function createAwsDeps(config: Config): Deps {
  const missing = (name: string): never => {
    throw new Error(`${name} is required when CC_RUNTIME=aws`);
  };
  return {
    config,
    clock: systemClock,
    ...createRepositories(new DynamoDBClient({ region: config.AWS_REGION }), config.TABLE_NAME),
    push: new ApiGatewayRealtimePush(new ApiGatewayManagementApiClient({ region: config.AWS_REGION, endpoint: config.WS_MANAGEMENT_ENDPOINT ?? missing('WS_MANAGEMENT_ENDPOINT') })),
    cipher: new KmsSecretCipher(new KMSClient({ region: config.AWS_REGION }), config.SECRETS_KEY_ID ?? missing('SECRETS_KEY_ID')),
    verifier: createJwtVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, keys: { jwksUrl: config.AUTH_JWKS_URL ?? missing('AUTH_JWKS_URL') } }),
    senders: createSendersFromConfig(config),
    ...(config.DELIVERY_QUEUE_URL ? { delivery: new SqsDeliveryQueue(new SQSClient({ region: config.AWS_REGION }), config.DELIVERY_QUEUE_URL) } : {}),
    ...(config.TIMER_QUEUE_URL ? { timers: new SqsTimers(new SQSClient({ region: config.AWS_REGION }), config.TIMER_QUEUE_URL) } : {}),
  };
}

let installed: Deps | undefined;

/** The process's dependencies, built on first use. */
export function getDeps(): Deps {
  installed ??= createAwsDeps(readConfig());
  return installed;
}

/** Local runtime and tests: use these adapters instead of building the AWS ones. */
export function installDeps(deps: Deps): void {
  installed = deps;
}
