/**
 * The AWS composition root: builds every adapter once per process from configuration, and every service from
 * them with `createServices`. Lambda handlers call `getComposition()`; the local runtime builds its own adapters
 * (same repositories, local endpoints, in-process timers, hub and delivery queue) and installs them with
 * `installComposition()` before the first invocation. No local adapter is imported here, so none is bundled.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import { readConfig, type Config } from './config.ts';
import { systemClock, type Deps } from './deps.ts';
import { createServices, type Services } from './services.ts';
import { DynamoTable } from '../adapters/dynamo/table.ts';
import { DynamoAgentRepository } from '../adapters/dynamo/agent-repository.ts';
import { DynamoDirectoryRepository } from '../adapters/dynamo/directory-repository.ts';
import { DynamoQueueRepository } from '../adapters/dynamo/queue-repository.ts';
import { DynamoConnectionRepository } from '../adapters/dynamo/connection-repository.ts';
import { DynamoContactRepository } from '../adapters/dynamo/contact-repository.ts';
import { DynamoRoutingRepository } from '../adapters/dynamo/routing-repository.ts';
import { DynamoMessagingRepository } from '../adapters/dynamo/messaging-repository.ts';
import { DynamoCustomerRepository } from '../adapters/dynamo/customer-repository.ts';
import { DynamoWidgetKeyRepository } from '../adapters/dynamo/widget-key-repository.ts';
import { DynamoRateLimiter } from '../adapters/dynamo/rate-limiter.ts';
import { ApiGatewayRealtimePush } from '../adapters/realtime/api-gateway-push.ts';
import { KmsSecretCipher } from '../adapters/secrets/kms-cipher.ts';
import { SqsTimers } from '../adapters/timers/sqs-timers.ts';
import { UnconfiguredTimers } from '../adapters/timers/unconfigured-timers.ts';
import { UnconfiguredVoiceDialer } from '../adapters/voice/unconfigured-voice-dialer.ts';
import { SqsDeliveryQueue } from '../adapters/delivery/sqs-delivery-queue.ts';
import { createJwtVerifier } from '../auth/token-verifier.ts';
import { createMessengerSenders, type MessengerSenders } from '../adapters/messengers/index.ts';
import type { RetryPolicy } from '../adapters/messengers/retry.ts';

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
    widgetKeys: new DynamoWidgetKeyRepository(table),
    routing: new DynamoRoutingRepository(table),
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
    // Without a timer queue, timers are logged and dropped rather than failing the functions that arm them.
    timers: config.TIMER_QUEUE_URL ? new SqsTimers(new SQSClient({ region: config.AWS_REGION }), config.TIMER_QUEUE_URL) : new UnconfiguredTimers(),
    // Voice comes with its own issue; until then an accepted callback is logged, and nothing is kept per container.
    dialer: new UnconfiguredVoiceDialer(),
    ...(config.DELIVERY_QUEUE_URL ? { delivery: new SqsDeliveryQueue(new SQSClient({ region: config.AWS_REGION }), config.DELIVERY_QUEUE_URL) } : {}),
  };
}

/** A process's adapters and the services built from them. */
export interface Composition {
  deps: Deps;
  services: Services;
}

/** `deps` with every service built on them, once. */
export function compose(deps: Deps): Composition {
  return { deps, services: createServices(deps) };
}

let installed: Composition | undefined;

/** The process's adapters and services, built on first use from the environment. */
export function getComposition(): Composition {
  installed ??= compose(createAwsDeps(readConfig()));
  return installed;
}

/** Local runtime and scripts: use this composition instead of building the AWS one. */
export function installComposition(composition: Composition): void {
  installed = composition;
}
