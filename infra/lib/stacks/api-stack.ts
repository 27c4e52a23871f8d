import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat, CfnAccount } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  WebSocketApi,
  WebSocketStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration, WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { lambdaCatalog } from '@cc/functions/catalog';
import { CALL_GRANT_WILDCARDS, grantMeetings, grantRecordingsRead, grantSipMediaApplicationCalls } from '../constructs/call-grants.ts';
import { CcFunction } from '../constructs/cc-function.ts';
import { grantUserAdministration } from '../constructs/user-pool-grants.ts';
import { PublicRouteThrottles } from '../constructs/public-route-throttles.ts';
import { RoutingTimerQueue } from '../constructs/routing-timer-queue.ts';
import { DeliveryQueue } from '../constructs/delivery-queue.ts';
import { TranscriptionRole } from '../constructs/transcription-role.ts';
import { MediaStorage } from '../constructs/media-storage.ts';
import { AlertDelivery, SMS_WILDCARD } from '../constructs/alert-delivery.ts';
import { acknowledgeManagedPolicies, acknowledgeWildcards } from '../nag.ts';
import { PROFILES, type Trigger } from '../profiles.ts';

/** Name of the WebSocket stage (last segment of `WS_MANAGEMENT_ENDPOINT` and of the wss URL). */
export const WEBSOCKET_STAGE = 'live';

/** Props of {@link ApiStack}. */
export interface ApiStackProps extends StackProps {
  readonly stage: string;
  readonly table: ITable;
  readonly secretsKey: IKey;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  /** Browser origins allowed by CORS and given to the functions as `WEB_ORIGIN`. */
  readonly webOrigins: string[];
  /** The web chat widget's call script on the console's distribution (`WIDGET_CALL_SCRIPT_URL`). */
  readonly widgetCallScriptUrl?: string;
  /** Control region of the Chime SDK meetings API (calls from the site). @default this stack's region */
  readonly chimeMeetingsRegion?: string;
  /** Alert e-mails' verified sender and SMS sender id (docs/alerts.md). */
  readonly alerts?: { readonly emailFrom?: string; readonly smsSenderId?: string };
  /** The voice stack's SMA and recordings, when voice is on (`-c voice=true`). */
  readonly voice?: { readonly sipMediaApplicationId: string; readonly recordingsBucketName: string };
}

/**
 * Every function of `functions/catalog.ts` and what invokes it: the HTTP API (`$default` → the
 * `http-api` function), the WebSocket API (`$connect`, `$disconnect`, `$default` → `realtime`),
 * the table's stream (→ `stream-processor`, partial batch failures, bisect, bounded retries,
 * on-failure queue) and the routing timer queue (→ `routing-timers`, ADR 0004). Not the `sip-media-application`
 * function: the voice stack deploys it.
 */
export class ApiStack extends Stack {
  /** One function per catalog entry, by catalog name. */
  readonly functions: ReadonlyMap<string, CcFunction>;
  /** The on-failure queue of each stream consumer, by catalog name. */
  readonly streamFailureQueues: ReadonlyMap<string, Queue>;
  /** The routing timers' queue and dead-letter queue. */
  readonly timerQueue: RoutingTimerQueue;
  /** The outbound delivery queue and its dead-letter queue (ADR 0008). */
  readonly deliveryQueue: DeliveryQueue;
  /** Customers' files: the media bucket and the download job queue (docs/attachments.md). */
  readonly media: MediaStorage;
  readonly httpApi: HttpApi;
  /** What agents' browsers stream call audio to Transcribe as (assumed by the HTTP API only). */
  readonly transcriptionRole: Role;
  readonly webSocketApi: WebSocketApi;
  readonly webSocketStage: WebSocketStage;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    // API Gateway needs an account-level CloudWatch role before a WebSocket stage may log.
    const apiGatewayLogsRole = new Role(this, 'ApiGatewayLogsRole', {
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs')],
    });
    apiGatewayLogsRole.applyRemovalPolicy(RemovalPolicy.RETAIN);
    acknowledgeManagedPolicies(apiGatewayLogsRole, [
      {
        policy: /:iam::aws:policy\/service-role\/AmazonAPIGatewayPushToCloudWatchLogs$/,
        reason: 'The AWS-managed policy made for exactly this service role (API Gateway writing access logs to CloudWatch Logs), kept current by AWS.',
      },
    ]);
    const apiGatewayAccount = new CfnAccount(this, 'ApiGatewayAccount', { cloudWatchRoleArn: apiGatewayLogsRole.roleArn });
    apiGatewayAccount.applyRemovalPolicy(RemovalPolicy.RETAIN);

    // The WebSocket API comes first: every function gets its management endpoint.
    this.webSocketApi = new WebSocketApi(this, 'WebSocketApi', { apiName: `cc-${props.stage}-realtime`, description: 'Live updates for agents and supervisors' });
    this.webSocketStage = new WebSocketStage(this, 'WebSocketStage', {
      webSocketApi: this.webSocketApi,
      stageName: WEBSOCKET_STAGE,
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'WebSocketAccessLogs', { retention: RetentionDays.ONE_MONTH })),
        // No query string: the $connect token travels there.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            eventType: '$context.eventType',
            connectionId: '$context.connectionId',
            status: '$context.status',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.webSocketStage.node.addDependency(apiGatewayAccount);

    const region = this.region;
    const issuer = `https://cognito-idp.${region}.${this.urlSuffix}/${props.userPool.userPoolId}`;
    const environment = {
      AUTH_ISSUER: issuer,
      AUTH_JWKS_URL: `${issuer}/.well-known/jwks.json`,
      AUTH_AUDIENCE: props.userPoolClient.userPoolClientId,
      WS_MANAGEMENT_ENDPOINT: this.webSocketStage.callbackUrl,
      // The wss:// URL the web chat widget connects to, handed out with visitor sessions.
      PUBLIC_WS_URL: this.webSocketStage.url,
      WEB_ORIGIN: props.webOrigins.join(','),
      ...(props.widgetCallScriptUrl && { WIDGET_CALL_SCRIPT_URL: props.widgetCallScriptUrl }),
      SECRETS_KEY_ID: props.secretsKey.keyArn,
    };

    const functions = new Map<string, CcFunction>();
    // The SMA's function lives in the voice stack, which exists only with `-c voice=true`.
    for (const definition of lambdaCatalog.filter(({ trigger }) => trigger !== 'sip-media-application')) {
      const profile = PROFILES[definition.trigger];
      const fn = new CcFunction(this, CcFunction.idFor(definition), {
        definition,
        memorySize: profile.memorySize,
        timeout: profile.timeout,
        environment,
      });
      fn.bindTable(props.table, profile.table);
      if (profile.secrets !== 'none') fn.bindKey(props.secretsKey, profile.secrets);
      if (profile.pushes) this.webSocketStage.grantManagementApiAccess(fn);
      functions.set(definition.name, fn);
    }
    this.functions = functions;

    const only = (trigger: Trigger, why: string): CcFunction => {
      const matching = [...functions.values()].filter((fn) => fn.definition.trigger === trigger);
      if (matching.length !== 1) {
        throw new Error(`functions/catalog.ts must hold exactly one "${trigger}" function (${why}), found ${matching.length}`);
      }
      return matching[0]!;
    };

    // HTTP API: one $default route; the Hono app routes, authenticates and verifies webhooks.
    const httpFn = only('http-api', 'the API has one $default route');
    // Admins create, change and disable console users through the API (routes/users.ts).
    grantUserAdministration(httpFn, props.userPool);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `cc-${props.stage}-http`,
      description: 'REST API, messenger webhooks and login',
      createDefaultStage: false,
      // No API-level CORS: API Gateway would answer preflights itself and drop the function's headers.
      // The Hono app answers CORS: WEB_ORIGIN for /api/*, each web chat channel's allowedOrigins for /widget/*.
    });
    const httpIntegration = new HttpLambdaIntegration('HttpApiIntegration', httpFn);
    const httpRoute = new HttpRoute(this, 'HttpDefaultRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: httpIntegration,
    });
    Validations.of(httpRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Authorization happens in the http-api function, with the same middleware as the local runtime: console routes verify the Cognito JWT (AUTH_ISSUER, AUTH_JWKS_URL, AUTH_AUDIENCE) and check the tenant; messenger webhooks authenticate with provider signatures and secret tokens, which a JWT authorizer cannot check; login must be reachable without a token.',
    });
    const httpStage = new HttpStage(this, 'HttpDefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'HttpAccessLogs', { retention: RetentionDays.ONE_MONTH })),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // Webhooks and the widget are public: their own routes, throttled below the stage (ADR 0005).
    new PublicRouteThrottles(this, 'PublicRoutes', { httpApi: this.httpApi, stage: httpStage, integration: httpIntegration });

    // WebSocket API: the three routes go to the realtime function.
    const realtimeFn = only('websocket-api', 'the WebSocket API has one integration');
    for (const routeKey of ['$connect', '$disconnect', '$default']) {
      const route = this.webSocketApi.addRoute(routeKey, { integration: new WebSocketLambdaIntegration(`Realtime${routeKey.slice(1)}Integration`, realtimeFn) });
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          routeKey === '$connect'
            ? 'The realtime function verifies the token query parameter before it records the connection (browsers cannot set headers on a WebSocket upgrade): a console Cognito JWT, or a web chat visitor token checked against its channel and the Origin; a failed check refuses the connection.'
            : `API Gateway supports authorizers only on $connect; ${routeKey} frames arrive on a connection that was authorized when it opened.`,
      });
    }

    // Table stream consumers: partial batch failures, bisect on error, bounded retries, a DLQ.
    const failureQueues = new Map<string, Queue>();
    for (const fn of functions.values()) {
      if (fn.definition.trigger !== 'dynamodb-stream') continue;
      const id = CcFunction.idFor(fn.definition).replace(/Function$/, '');
      const failures = new Queue(this, `${id}FailureQueue`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(failures).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: `This queue is itself the dead-letter destination (event source mapping on-failure destination) of the ${fn.definition.name} stream consumer; it is drained by an operator, never consumed by a function.`,
      });
      fn.addEventSource(
        new DynamoEventSource(props.table, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: 100,
          reportBatchItemFailures: true,
          bisectBatchOnError: true,
          retryAttempts: 5,
          maxRecordAge: Duration.hours(6),
          parallelizationFactor: 1,
          onFailure: new SqsDlq(failures),
        }),
      );
      failureQueues.set(fn.definition.name, failures);
    }
    this.streamFailureQueues = failureQueues;

    // Routing timers (ADR 0004): one queue, consumed by the routing-timers function; whoever arms timers may send.
    this.timerQueue = new RoutingTimerQueue(this, 'RoutingTimers', { consumer: only('sqs-queue', 'the routing timer consumer') });
    for (const fn of functions.values()) {
      if (PROFILES[fn.definition.trigger].schedulesTimers) this.timerQueue.grantSchedule(fn);
    }

    // Outbound delivery (ADR 0008): the stream processor turns outbox records into jobs, message-delivery sends them.
    this.deliveryQueue = new DeliveryQueue(this, 'Delivery', { consumer: only('delivery-queue', 'the delivery consumer') });
    this.deliveryQueue.grantEnqueue(only('dynamodb-stream', 'the outbox consumer'));

    // Customers' files: the stream processor queues downloads, media-download stores them, the API signs links.
    this.media = new MediaStorage(this, 'Media', { consumer: only('media-queue', 'the media download consumer'), webOrigins: props.webOrigins });
    this.media.grantEnqueue(only('dynamodb-stream', 'the outbox consumer'));
    this.media.grantRead(httpFn);
    // Agents' files: the API keeps uploads, message-delivery reads them to send (docs/attachments.md).
    this.media.grantWrite(httpFn);
    this.media.grantRead(only('delivery-queue', 'the delivery consumer'));

    // Calls: meetings (calls from the site) in every deployment; the SMA's calls and recordings only with voice.
    const streamFn = only('dynamodb-stream', 'the outbox consumer');
    for (const fn of [httpFn, streamFn]) grantMeetings(fn, props.chimeMeetingsRegion ?? this.region);
    // Call transcripts: the agent's browser streams to Transcribe with credentials the HTTP API vends.
    this.transcriptionRole = new TranscriptionRole(this, 'Transcription', { assumer: httpFn }).role;
    if (props.voice) {
      for (const fn of [streamFn, only('sqs-queue', 'the routing timer consumer')]) grantSipMediaApplicationCalls(fn, props.voice.sipMediaApplicationId);
      grantRecordingsRead(httpFn, props.voice.recordingsBucketName);
    }

    // KPI alerts: the stream processor sends their SMS (SNS) and e-mail (SES).
    new AlertDelivery(this, 'Alerts', { sender: streamFn, ...props.alerts });

    // Last, once every grant is in: the only wildcards a function role may hold.
    for (const fn of functions.values()) {
      acknowledgeWildcards(fn.executionRole.node.findChild('DefaultPolicy'), [
        {
          finding: /^Resource::arn:(<AWS::Partition>|[^:]+):execute-api:.+:<WebSocketApi[0-9A-F]{8}>\/[^/]+\/\*\/@connections\/\*$/,
          actions: ['execute-api:ManageConnections'],
          reason: 'PostToConnection targets connection ids that exist only at run time; the grant is limited to the connections of this WebSocket API stage.',
        },
        SMS_WILDCARD,
        {
          finding: /^Resource::\*$/,
          actions: ['dynamodb:ListStreams'],
          reason: 'dynamodb:ListStreams, which the event source mapping needs, supports no resource-level permissions; stream reads are limited to this table\'s stream ARN.',
        },
        {
          finding: /^Resource::<MediaBucket[0-9A-F]{8}\.Arn>\/\*$/,
          actions: ['s3:GetObject', 's3:PutObject'],
          reason: 'Media keys are made per message or upload at run time (<tenant>/<message>/<n>, <tenant>/outbound/<contact>/<upload>); functions may only get or put objects of the media bucket (no list, no delete).',
        },
        ...CALL_GRANT_WILDCARDS,
      ]);
    }
  }

  /** The HTTP API's base URL (`apiBaseUrl` of the SPA config). */
  get apiBaseUrl(): string {
    return this.httpApi.apiEndpoint;
  }

  /** The `wss://` URL of the WebSocket stage (`wsUrl` of the SPA config). */
  get wsUrl(): string {
    return this.webSocketStage.url;
  }
}
