/**
 * The whole contact center in one process tree: DynamoDB Local with its real stream, the same
 * Hono app and Lambda handlers that CDK deploys, a WebSocket endpoint that speaks to the realtime
 * handler exactly as API Gateway would, the stream poller, the demo seed and the built console.
 */
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent, SQSBatchResponse } from 'aws-lambda';
import { createTableInput, TABLE_BASE_NAME } from '@cc/shared/db/table';
import { createApp } from '../http/app.ts';
import { problemResponse, renderError } from '../http/problem.ts';
import { compose, createRepositories, createSendersFromConfig, installComposition } from '../composition/root.ts';
import { systemClock, type Deps } from '../composition/deps.ts';
import type { Services } from '../composition/services.ts';
import { readConfig } from '../composition/config.ts';
import { logger } from '../composition/logger.ts';
import { createJwtVerifier } from '../auth/token-verifier.ts';
import { createLocalIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../auth/local-issuer.ts';
import { LocalRealtimeHub } from '../adapters/realtime/local-hub.ts';
import { LocalSecretCipher } from '../adapters/secrets/local-cipher.ts';
import { LocalUserIdentities } from '../adapters/identity/local-user-identities.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal, findFreePort, type RunningDynamoDbLocal } from './dynamodb-local.ts';
import { LocalStreamPoller, type DeadLetter } from './stream-poller.ts';
import { createLambdaContext } from './lambda-context.ts';
import { loadLambdaHandlers, localRoutes, type LambdaHandler } from './local-routes.ts';
import { allowedHosts, localGuard } from './local-guard.ts';
import { seedDemo, type DemoFile } from './seed.ts';
import { startDemoHistory, type DemoHistorySeeded } from './seed-history.ts';
import { seedDemoAlert, seedDemoPlans, seedDemoSurveys } from './seed-goals.ts';
import { seedDemoGame } from './seed-game.ts';
import { LocalTimers } from '../adapters/timers/local-timers.ts';
import { LocalMeetingRooms } from './voice/local-meetings.ts';
import { RtcSignalling } from './voice/rtc-signalling.ts';
import { attachWebSockets } from './web-sockets.ts';
import { createLocalVoice, type LocalVoice } from './voice/local-voice.ts';
import { localTranscriptFeed } from './voice/transcript-feed.ts';
import type { EmulatorTiming } from './voice/emulator.ts';
import { createVoiceServices } from '../composition/voice-services.ts';
import { LocalDeliveryQueue } from '../adapters/delivery/local-delivery-queue.ts';
import { localMedia } from './media.ts';
import { sqsEventOf } from '../adapters/sqs/sqs-event.ts';
import { requeuePendingDeliveries } from './requeue-deliveries.ts';
import { rearmTimers } from '../routing/rearm.ts';
import { heartbeatRuleOf } from '../composition/routing-services.ts';
import { timerEvent } from '../routing/timer-app.ts';
import { MessengerSimulator, directoryChannelSource, simulatorApiBaseUrls, simulatorRoutes } from './simulator/index.ts';
import { startWidgetDemo } from './widget-demo.ts';
import { widgetCallRoutes } from './widget-call-assets.ts';
import { LocalOutbox } from '../adapters/notify/local-outbox.ts';
import { outboxRoutes } from './outbox.ts';
import { isReactedTo } from '../streams/entities.ts';

export type { DemoFile } from './seed.ts';

export interface ContactCenterOptions {
  /** HTTP port; 0 picks a free one. Default 3000, or a free port when 3000 is taken. */
  port?: number;
  /** Keeps data, keys, checkpoints and `demo.json` here; omit for an in-memory instance (tests). */
  dataDir?: string;
  /** Reuse a running DynamoDB Local instead of starting one. */
  dynamodbEndpoint?: string;
  tableName?: string;
  quiet?: boolean;
  /** The stream poller's pause after an empty read (default 50 ms); lower trades CPU for routing latency. */
  streamIdleDelayMs?: number;
  /** Port of the widget demo page (another origin than the API); default the HTTP port + 1, or a free one. */
  widgetDemoPort?: number;
  /** The SMA emulator's timings (tests shorten speech, prompts and the response timeouts). */
  voiceTiming?: Partial<EmulatorTiming>;
  /** More configuration (`functions/composition/config.ts`), e.g. the tests' short heartbeat of calls from the site. */
  env?: Record<string, string>;
  /**
   * The demo's past, each part once per table: two weeks of KPI history (folded behind the running server), the demo
   * plans and the VIP wait alert rule. Default: on with `dataDir` (`npm start`), off without (tests opt in, and
   * `{ days }` folds fewer days).
   */
  demoPast?: boolean | { days: number };
}

/**
 * Routing crosses the stream twice (contact queued → offer committed → offer pushed), so the poller's idle pause
 * counts twice: at its own 150 ms default enqueue → offer measured 154/396 ms p50/p99 (bench/routing-e2e).
 */
const LOCAL_STREAM_IDLE_DELAY_MS = 50;

export interface RunningContactCenter {
  baseUrl: string;
  /** The messenger simulator (page at `<baseUrl>/simulator/`), standing in for every provider. */
  simulator: MessengerSimulator;
  /** The local telephony: the SMA emulator (`/local/voice/calls`), its call control and the numbers it answers. */
  voice: LocalVoice;
  /** A shop page on another origin with the web chat widget of the demo channel. */
  widgetDemoUrl: string;
  demo: DemoFile;
  /** The demo history being folded: resolves when it is done (at once with `undefined` when not asked for). */
  demoHistory: Promise<DemoHistorySeeded | undefined>;
  deps: Deps;
  services: Services;
  handlers: Map<string, LambdaHandler>;
  poller: LocalStreamPoller;
  deadLetters: DeadLetter[];
  stop(): Promise<void>;
}

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function ensureTable(dynamodb: DynamoDBClient, tableName: string): Promise<string> {
  try {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.LatestStreamArn) return Table.LatestStreamArn;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const { TableDescription } = await dynamodb.send(new CreateTableCommand(createTableInput(tableName)));
  await waitUntilTableExists({ client: dynamodb, maxWaitTime: 30 }, { TableName: tableName });
  return TableDescription!.LatestStreamArn!;
}

/** Starts everything; `stop()` (also on Ctrl-C via the caller) shuts it all down, Java included. */
export async function startContactCenter(options: ContactCenterOptions = {}): Promise<RunningContactCenter> {
  const { dataDir, quiet } = options;
  const say = (line: string) => quiet || console.log(line);
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  };

  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    let dynamo: RunningDynamoDbLocal | undefined;
    if (!options.dynamodbEndpoint) {
      const dbDir = dataDir ? join(dataDir, 'dynamodb') : undefined;
      if (dbDir) mkdirSync(dbDir, { recursive: true });
      dynamo = await startDynamoDbLocal({ dataDir: dbDir, port: 8000 });
      cleanups.push(() => dynamo!.stop());
      say(`DynamoDB Local on ${dynamo.endpoint}${dbDir ? ` (data in ${dbDir})` : ' (in memory)'}`);
    }
    const endpoint = options.dynamodbEndpoint ?? dynamo!.endpoint;
    const tableName = options.tableName ?? (dataDir ? TABLE_BASE_NAME : `cc-${randomUUID().slice(0, 8)}`);
    const awsConfig = { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const dynamodb = new DynamoDBClient(awsConfig);
    const streams = new DynamoDBStreamsClient(awsConfig);
    cleanups.push(() => {
      dynamodb.destroy();
      streams.destroy();
    });
    const streamArn = await ensureTable(dynamodb, tableName);

    const port = options.port === 0 ? await findFreePort() : await findFreePort(options.port ?? 3000);
    const baseUrl = `http://127.0.0.1:${port}`;
    const issuer = await createLocalIssuer(dataDir && join(dataDir, 'auth-signing-key.json'));
    const hub = new LocalRealtimeHub();
    // Messenger senders call the simulator on this server, never the providers' real hosts.
    const config = readConfig({ CC_RUNTIME: 'local', TABLE_NAME: tableName, AWS_REGION: LOCAL_REGION, DYNAMODB_ENDPOINT: endpoint, AUTH_ISSUER: LOCAL_ISSUER, AUTH_AUDIENCE: LOCAL_AUDIENCE, PUBLIC_BASE_URL: baseUrl, ...simulatorApiBaseUrls(baseUrl), ...options.env });
    // Routing timers fire in-process through the catalogued timer handler, as SQS would invoke it (the handler
    // reaches the routing service through the composition installed below), and are re-armed from the table's
    // state on every start, so a restart loses none.
    const handlers = await loadLambdaHandlers();
    const timerHandler = handlers.get('routing-timers')!;
    const timers = new LocalTimers({
      deliver: async (timer) => {
        const result = (await timerHandler(timerEvent([timer]), createLambdaContext('routing-timers'))) as SQSBatchResponse;
        if (result?.batchItemFailures?.length) throw new Error(`Routing timer ${timer.id} failed`);
      },
      onError: (message, error, timer) => logger.warn(message, { error, timerId: timer.id }),
    });
    // Replies leave through the in-process delivery queue, off the stream, as the SQS delivery queue does in AWS.
    // Each job runs through the catalogued `message-delivery` handler with an SQS event, as Lambda would invoke it.
    const deliveryHandler = handlers.get('message-delivery')!;
    const delivery = new LocalDeliveryQueue({
      run: async (job) => {
        const result = (await deliveryHandler(sqsEventOf([job], 'message-delivery'), createLambdaContext('message-delivery'))) as SQSBatchResponse;
        if (result?.batchItemFailures?.length) throw new Error(`Delivery of ${job.messageId} failed; queued again`);
      },
      onError: (error, job) => logger.warn('Delivery job failed', { error, messageId: job.messageId }),
    });
    cleanups.push(() => delivery.stop());
    // Phone calls: the SMA emulator invokes the catalogued voice handler, as the SIP media application does in AWS.
    const meetings = new LocalMeetingRooms();
    const voiceHandler = handlers.get('voice-sma')!;
    // The scripted caller's transcript events go through the one ingestion, built below with the services.
    const built: { services?: Services } = {};
    const transcripts = { feed: (call: { callId: string; to: string }, event: unknown) => localTranscriptFeed(deps, () => built.services!).feed(call, event) };
    const localVoice = createLocalVoice({
      invoke: (event) => voiceHandler(event, createLambdaContext('voice-sma')),
      meetings,
      transcripts,
      onError: (error, callId) => logger.warn('Scripted transcript event failed', { error, callId }),
      ...(options.voiceTiming && { timing: options.voiceTiming }),
    });
    cleanups.push(() => localVoice.stop());
    // No dialer stands in: accepted callbacks are dialled on the emulator, paced as the SIP media application's quota asks.
    const repositories = createRepositories(dynamodb, tableName);
    // Alert SMS and e-mail stay on this machine, listed at /local/outbox.
    const outbox = new LocalOutbox(repositories.table, systemClock);
    const deps: Deps = {
      config,
      clock: systemClock,
      ...repositories,
      alertNotifier: outbox,
      push: hub,
      cipher: LocalSecretCipher.fromKeyFile(dataDir && join(dataDir, 'secrets.key')),
      verifier: createJwtVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { jwks: issuer.jwks } }),
      identities: new LocalUserIdentities(),
      senders: createSendersFromConfig(config),
      timers,
      callControl: localVoice.callControl,
      meetings,
      delivery,
    };
    // Customers' files go to `.data/media/` (a temporary folder without a data dir) through an in-process queue.
    const media = await localMedia(deps, () => built.services!, dataDir, baseUrl);
    deps.media = media.media;
    cleanups.push(media.stop);
    const { services } = compose(deps);
    built.services = services;
    const voice = createVoiceServices(deps, services.routing);
    installComposition({ deps, services, voice });

    const demoPath = dataDir && join(dataDir, 'demo.json');
    const previous = demoPath && existsSync(demoPath) ? (JSON.parse(readFileSync(demoPath, 'utf8')) as DemoFile) : undefined;
    // The widget demo page runs on its own port, a different origin, which the demo web chat channel allows.
    const widgetDemo = await startWidgetDemo({ port: options.widgetDemoPort ?? (options.port === 0 ? 0 : port + 1) });
    cleanups.push(() => widgetDemo.stop());
    const demo = await seedDemo(deps, baseUrl, previous, { widgetOrigins: widgetDemo.origins });
    const webchat = demo.channels.find((c) => c.type === 'webchat');
    if (webchat) widgetDemo.configure({ apiBaseUrl: baseUrl, channelId: webchat.channelId });
    for (const phone of demo.phoneNumbers) localVoice.numbers.add(phone.e164);
    if (demoPath) writeFileSync(demoPath, JSON.stringify(demo, null, 2) + '\n', { mode: 0o600 });
    const past = options.demoPast ?? dataDir !== undefined;
    if (past) {
      await seedDemoPlans(deps, demo.tenantId);
      await seedDemoAlert(deps, demo.tenantId);
      await seedDemoSurveys(deps, demo.tenantId);
      await seedDemoGame(deps, demo.tenantId, 'u-supervisor');
    }

    cleanups.push(() => timers.stop());
    await rearmTimers(deps, heartbeatRuleOf(config));
    await requeuePendingDeliveries(deps, delivery);
    const streamHandler = handlers.get('stream-processor') as unknown as (e: DynamoDBStreamEvent, c: Context) => Promise<DynamoDBBatchResponse>;
    const deadLetters: DeadLetter[] = [];
    const poller = new LocalStreamPoller({
      streams,
      streamArn,
      handler: streamHandler,
      createContext: () => createLambdaContext('stream-processor'),
      checkpointFile: dataDir && join(dataDir, 'stream-checkpoints.json'),
      region: LOCAL_REGION,
      idleDelayMs: options.streamIdleDelayMs ?? LOCAL_STREAM_IDLE_DELAY_MS,
      onDeadLetter: (letter) => {
        deadLetters.push(letter);
        logger.error('Stream record sent to the dead-letter queue', { letter });
        if (dataDir) appendFileSync(join(dataDir, 'dead-letters.jsonl'), JSON.stringify(letter) + '\n');
      },
      onError: (message, error) => logger.warn(message, { error }),
      filter: isReactedTo,
    });
    poller.start();
    cleanups.push(() => poller.stop());

    // Plays every messenger provider: the senders call its fake APIs, it signs webhooks to ours.
    const simulator = new MessengerSimulator({ channels: directoryChannelSource(deps, () => [demo.tenantId], baseUrl), publicBaseUrl: baseUrl });
    cleanups.push(() => simulator.stop());

    const app = new Hono()
      .use(localGuard(port))
      .route('/', localRoutes({ directory: deps.directory, issuer, handlers, rateLimiter: deps.rateLimiter, clock: deps.clock }))
      .route('/', simulatorRoutes(simulator))
      .route('/', media.routes)
      .route('/', localVoice.routes)
      .route('/', widgetCallRoutes())
      .route('/', outboxRoutes(outbox))
      .route('/', createApp(deps, services, { healthChecks: { streamPoller: async () => poller.healthy } }))
      .use('/*', serveStatic({ root: relative(process.cwd(), webDist) }))
      .get('*', (c) => {
        if (/^\/(api|webhooks|local|health|simulator|widget|widget-call)(\/|$)/.test(c.req.path)) return c.notFound();
        // The local phone page is its own single-page app under /phone/ (web/phone/index.html).
        const index = /^\/phone(\/|$)/.test(c.req.path) ? join(webDist, 'phone', 'index.html') : join(webDist, 'index.html');
        return existsSync(index) ? c.html(readFileSync(index, 'utf8')) : c.text('The console is not built yet: run `npm run build:web`.', 503);
      })
      .notFound((c) => problemResponse({ type: 'urn:problem:not-found', title: 'Not Found', status: 404, detail: `No route for ${c.req.method} ${c.req.path}` }))
      .onError(renderError);

    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
    });
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    attachWebSockets(server, { hub, realtime: handlers.get('realtime')!, signalling: new RtcSignalling(meetings), hosts: allowedHosts(port) }, cleanups);

    // Ready only once the poller has read the stream at least once.
    const deadline = Date.now() + 30_000;
    while (!poller.healthy && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // The history is folded once the server answers; stopping ends it between days (cleanups run last-first).
    const history = past ? startDemoHistory(deps, demo.tenantId, { ...(typeof past === 'object' && { days: past.days }), say, warn: (message, error) => logger.warn(message, { error }) }) : undefined;
    if (history) cleanups.push(history.stop);
    // The past was folded behind a running center, after the first changes may have settled its days empty: judge them again.
    const demoHistory = (history?.done ?? Promise.resolve(undefined)).then(async (done) => {
      if (done?.seeded) await services.awardJudge.rejudge(demo.tenantId, done.dates).catch((error: unknown) => logger.warn('The demo past was not judged for achievements', { error }));
      return done;
    });
    return { baseUrl, demo, demoHistory, deps, services, simulator, voice: localVoice, widgetDemoUrl: widgetDemo.url, handlers, poller, deadLetters, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
