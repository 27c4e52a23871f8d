import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';

/**
 * Runtime configuration, read from the environment once. The same variables are set by CDK on
 * each Lambda and by the local runtime on its own process.
 */
export const ConfigSchema = lazySchema(() => z.object({
  CC_RUNTIME: z.enum(['aws', 'local']).default('aws'),
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().default('eu-central-1'),
  /** Local only: DynamoDB Local's endpoint. */
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  AUTH_ISSUER: z.string().min(1),
  AUTH_AUDIENCE: z.string().min(1),
  /** Cognito's JWKS URL in AWS; locally the keys are handed over in-process instead. */
  AUTH_JWKS_URL: z.string().url().optional(),
  /** The Cognito user pool console users live in (AWS only: the HTTP API creates and disables them there). */
  USER_POOL_ID: z.string().min(1).optional(),
  /** API Gateway Management API endpoint of the WebSocket API (AWS only). */
  WS_MANAGEMENT_ENDPOINT: z.string().url().optional(),
  /** KMS key that encrypts channel secrets (AWS only). */
  SECRETS_KEY_ID: z.string().optional(),
  /** SQS queue carrying routing timers (AWS only: stream processor, HTTP API, routing timers); locally they run in-process. */
  TIMER_QUEUE_URL: z.string().url().optional(),
  /** SQS queue carrying outbound delivery jobs (AWS only); locally they run in-process. */
  DELIVERY_QUEUE_URL: z.string().url().optional(),
  /** Allowed browser origins for the API, comma-separated. */
  WEB_ORIGIN: z.string().optional(),
  /**
   * Public base URL of the HTTP API, under which `/webhooks/<kind>/<channelId>` is registered with
   * providers (the local runtime sets its own; without it the request's origin is used).
   */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /**
   * The WebSocket URL web chat widgets connect to (AWS: the WebSocket stage's `wss://` URL, set on the HTTP API
   * function); without it the widget uses `ws(s)://<API host>/ws`, as the local server serves it.
   */
  PUBLIC_WS_URL: z.string().url().optional(),
  /** Callback requests one visitor, Alice session or user, or phone number may make per hour, per channel. */
  CALLBACK_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(3),
  /** Callback contacts of one channel that may wait in a queue at once; more are refused until some are handled. */
  CALLBACK_OPEN_PER_CHANNEL: z.coerce.number().int().min(1).default(50),
  /** Calls one web chat visitor may place from the widget per hour, per channel. */
  WEBCALL_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /**
   * How often the page of a call from the site beats (seconds), and how many beats in a row it may miss before its
   * visitor counts as gone and the call ends (`shared/src/widget/heartbeat.ts`; tests shorten them).
   */
  WEBCALL_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
  WEBCALL_MISSED_BEATS: z.coerce.number().int().min(2).max(60).default(6),
  /**
   * Where widgets load the call script from (AWS: `<console origin>/widget-call/call.js`, uploaded with the console);
   * without it, `/widget-call/call.js` on the API's own host, as the local server serves it.
   */
  WIDGET_CALL_SCRIPT_URL: z.string().url().optional(),
  /** The SIP media application whose calls we control (AWS, only where voice is deployed: `-c voice=true`). */
  SIP_MEDIA_APPLICATION_ID: z.string().min(1).optional(),
  /** Where Chime SDK meetings for call audio are hosted (a Chime SDK media region); default: the function's region. */
  CHIME_MEETINGS_REGION: z.string().min(1).optional(),
  /** Prompts (hold music) the SIP media application plays, and where it stores recordings (AWS voice stack). */
  VOICE_PROMPTS_BUCKET: z.string().min(3).optional(),
  VOICE_RECORDINGS_BUCKET: z.string().min(3).optional(),
  /** The role whose short-lived credentials let agents' browsers stream calls to Amazon Transcribe (AWS); unset: no browser transcription. */
  TRANSCRIBE_ROLE_ARN: z.string().startsWith('arn:').optional(),
  /** Where the browsers stream to Transcribe; default: the function's region. */
  TRANSCRIBE_REGION: z.string().min(1).optional(),
  /** The bucket of customers' files (http-api signs links to it, media-download writes it), and the download job queue. */
  MEDIA_BUCKET: z.string().min(3).optional(),
  MEDIA_QUEUE_URL: z.string().url().optional(),
  /** The verified SES identity alert e-mails come from (AWS); unset: alert e-mails are recorded as not sent. */
  ALERT_EMAIL_FROM: z.email().optional(),
  /** The SES configuration set alert e-mails are sent with (bounces and complaints, CDK creates it). */
  ALERT_SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** The sender id SMS alerts show where the country allows one (SNS `AWS.SNS.SMS.SenderID`). */
  ALERT_SMS_SENDER_ID: z.string().regex(/^[A-Za-z0-9]{1,11}$/).optional(),
  /** Other SNS and SES endpoints than the region's (tests point them at fake servers speaking the same APIs). */
  ALERT_SNS_ENDPOINT: z.string().url().optional(),
  ALERT_SES_ENDPOINT: z.string().url().optional(),
  /** Messenger API hosts; the local runtime points them at its simulator so real hosts are never called. */
  TELEGRAM_API_BASE_URL: z.string().url().default('https://api.telegram.org'),
  WHATSAPP_API_BASE_URL: z.string().url().default('https://graph.facebook.com'),
  VK_API_BASE_URL: z.string().url().default('https://api.vk.com'),
  VIBER_API_BASE_URL: z.string().url().default('https://chatapi.viber.com'),
}));
export type Config = z.infer<typeof ConfigSchema>;

/** @throws ZodError naming every missing or invalid variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  return ConfigSchema.parse(env);
}
