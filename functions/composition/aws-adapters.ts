/**
 * The AWS adapters, one builder per capability, each from the configuration CDK sets on a function. A function's
 * composition calls only the builders of the capabilities it uses, so its bundle holds no other client (the SDK
 * clients and jose are free of side effects: an unused builder leaves nothing behind). Nothing here may import a
 * module that builds schemas at import (repositories over zod models, messenger senders): esbuild keeps those in
 * every bundle that imports this file, so they have their own files (`repositories.ts`, `senders.ts`).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SNSClient } from '@aws-sdk/client-sns';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { AlertNotifier } from '@cc/shared/alerts/ports';
import { AwsAlertNotifier } from '../adapters/notify/aws-notifier.ts';
import type { UserIdentities } from '@cc/shared/users/ports';
import { CognitoUserIdentities } from '../adapters/identity/cognito-user-identities.ts';
import type { DeliveryQueue } from '@cc/shared/delivery/ports';
import type { Timers, VoiceDialer } from '@cc/shared/contacts/ports';
import type { RealtimePush } from '@cc/shared/realtime/ports';
import type { SecretCipher } from '@cc/shared/tenancy/ports';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './deps.ts';
import { DynamoTable } from '../adapters/dynamo/table.ts';
import { ApiGatewayRealtimePush } from '../adapters/realtime/api-gateway-push.ts';
import { KmsSecretCipher } from '../adapters/secrets/kms-cipher.ts';
import { SqsTimers } from '../adapters/timers/sqs-timers.ts';
import { UnconfiguredTimers } from '../adapters/timers/unconfigured-timers.ts';
import { UnconfiguredVoiceDialer } from '../adapters/voice/unconfigured-voice-dialer.ts';
import { SqsDeliveryQueue } from '../adapters/delivery/sqs-delivery-queue.ts';
import { createJwtVerifier, type TokenVerifier } from '../auth/token-verifier.ts';

/** @throws Error naming a variable CDK must set for the capability being built. */
const missing = (name: string): never => {
  throw new Error(`${name} is required when CC_RUNTIME=aws`);
};

/** The table every function reads and writes, with the configuration and the clock; each composition adds the repositories it uses. */
export function awsTable(config: Config): { config: Config; clock: Clock; dynamodb: DynamoDBClient; table: DynamoTable } {
  const dynamodb = new DynamoDBClient({ region: config.AWS_REGION });
  return { config, clock: systemClock, dynamodb, table: documentTable(dynamodb, config.TABLE_NAME) };
}

/** The table over `dynamodb` as the repositories expect it (documents, undefined attributes dropped). */
export function documentTable(dynamodb: DynamoDBClient, tableName: string): DynamoTable {
  return new DynamoTable(DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }), tableName);
}

/** Pushes to WebSocket connections. @throws Error without `WS_MANAGEMENT_ENDPOINT` */
export function awsPush(config: Config): RealtimePush {
  return new ApiGatewayRealtimePush(new ApiGatewayManagementApiClient({ region: config.AWS_REGION, endpoint: config.WS_MANAGEMENT_ENDPOINT ?? missing('WS_MANAGEMENT_ENDPOINT') }));
}

/** Opens and seals channel secrets and widget keys with KMS. @throws Error without `SECRETS_KEY_ID` */
export function awsCipher(config: Config): SecretCipher {
  return new KmsSecretCipher(new KMSClient({ region: config.AWS_REGION }), config.SECRETS_KEY_ID ?? missing('SECRETS_KEY_ID'));
}

/** Verifies console users' tokens against Cognito's keys. @throws Error without `AUTH_JWKS_URL` */
export function awsVerifier(config: Config): TokenVerifier {
  return createJwtVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, keys: { jwksUrl: config.AUTH_JWKS_URL ?? missing('AUTH_JWKS_URL') } });
}

/**
 * Console users in the Cognito user pool on `USER_POOL_ID` (CDK sets it on the HTTP API only). Without it the
 * process still starts, and only user administration fails, naming the variable.
 */
export function awsIdentities(config: Config): UserIdentities {
  if (!config.USER_POOL_ID) {
    const refuse = async (): Promise<never> => missing('USER_POOL_ID');
    return { create: refuse, setRoles: refuse, setName: refuse, disable: refuse };
  }
  return new CognitoUserIdentities(new CognitoIdentityProviderClient({ region: config.AWS_REGION }), config.USER_POOL_ID);
}

/** Routing timers on SQS; without a timer queue they are logged and dropped rather than failing the functions that arm them. */
export function awsTimers(config: Config): Timers {
  return config.TIMER_QUEUE_URL ? new SqsTimers(new SQSClient({ region: config.AWS_REGION }), config.TIMER_QUEUE_URL) : new UnconfiguredTimers();
}

/**
 * Where no SIP media application is deployed, accepted callbacks are only logged; where one is, nothing stands in
 * and `createServices` builds the callback dialer over the call control.
 */
export function awsDialer(config: Config): { dialer?: VoiceDialer } {
  return config.SIP_MEDIA_APPLICATION_ID ? {} : { dialer: new UnconfiguredVoiceDialer() };
}

/** Alert SMS by SNS and e-mail by SES (from `ALERT_EMAIL_FROM`, with `ALERT_SES_CONFIGURATION_SET`). */
export function awsAlertNotifier(config: Config): { alertNotifier: AlertNotifier } {
  const sns = new SNSClient({ region: config.AWS_REGION, ...(config.ALERT_SNS_ENDPOINT && { endpoint: config.ALERT_SNS_ENDPOINT }) });
  const ses = new SESv2Client({ region: config.AWS_REGION, ...(config.ALERT_SES_ENDPOINT && { endpoint: config.ALERT_SES_ENDPOINT }) });
  return { alertNotifier: new AwsAlertNotifier(sns, ses, { ...(config.ALERT_EMAIL_FROM && { from: config.ALERT_EMAIL_FROM }), ...(config.ALERT_SES_CONFIGURATION_SET && { configurationSet: config.ALERT_SES_CONFIGURATION_SET }), ...(config.ALERT_SMS_SENDER_ID && { smsSenderId: config.ALERT_SMS_SENDER_ID }) }) };
}

/** The outbound delivery queue when `DELIVERY_QUEUE_URL` is set; unset, the outbox delivers inline. */
export function awsDelivery(config: Config): { delivery?: DeliveryQueue } {
  return config.DELIVERY_QUEUE_URL ? { delivery: new SqsDeliveryQueue(new SQSClient({ region: config.AWS_REGION }), config.DELIVERY_QUEUE_URL) } : {};
}
