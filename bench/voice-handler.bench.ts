/**
 * The voice-sma handler per SMA event on DynamoDB Local, as the function is composed in AWS (the table only), with
 * several calls at once, each a realistic run of SMA events built from the wire samples: increasing `Sequence`, the
 * `TransactionAttributes` and actions our last response returned (except the answers the SMA ignores, to
 * ACTION_INTERRUPTED and HANGUP, attributes included). The floor, measured in the same run at the same concurrency
 * on the same table: one consistent `GetItem` and one conditional `PutItem` of a call record of the same size per
 * event, the least a handler that reads its call state from the table does (ours carries it in the attributes). A middleware counts the handler's DynamoDB requests, so
 * the notes say which reads each event pays for.
 */
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { AsyncLocalStorage } from 'node:async_hooks';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createTableInput } from '@cc/shared/db/table';
import { keys } from '@cc/shared/db/keys';
import type { SmaAction, SmaResponse } from '@cc/shared/voice/sma/actions';
import { readSmaSample } from '@cc/shared/voice/sma/testing';
import { encodeCallUpdate } from '@cc/shared/voice/sma/to-event';
import { createRepositories } from '../functions/composition/root.ts';
import { systemClock } from '../functions/composition/deps.ts';
import { logger } from '../functions/composition/logger.ts';
import { createStandaloneVoiceServices } from '../functions/composition/voice-services.ts';
import { demoCallFlow } from '../functions/local/seed.ts';
import { LocalMeetingRooms } from '../functions/local/voice/local-meetings.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { createSmaHandler } from '../functions/voice/sma-app.ts';
import { percentile, type BenchResult } from './types.ts';

const TABLE = 'bench-voice';
const TENANT = 't-bench';
const NUMBER = '+74951234567';
/** Calls in flight at once, and calls per measured round (each about ten events). */
const CONCURRENCY = 8;
const CALLS_PER_ROUND = 16;
const ROUNDS = 2;

type Event = {
  Sequence: number;
  InvocationEventType: string;
  ActionData?: Record<string, unknown>;
  CallDetails: { TransactionId: string; TransactionAttributes?: Record<string, string>; Participants: { CallId: string; To: string; From: string; Direction: string; ParticipantTag: string }[] };
};

/** What the caller, the SMA and the contact center do next on one call. */
type Beat = { done: string | undefined } | { failed: string } | 'interrupted' | { update: Parameters<typeof encodeCallUpdate> } | 'hang-up';
const MEETING = { kind: 'meeting' as const, meetingId: 'm-bench', joinToken: 'tok-bench' };
const hold = (periods: number): Beat[] => Array.from({ length: periods }, () => ({ done: '' }));
const SCENARIOS: { name: string; beats: Beat[] }[] = [
  { name: 'served, survey', beats: [{ done: '1' }, ...hold(2), { update: ['agent-connected', 'a1', MEETING] }, 'interrupted', { update: ['agent-left'] }, 'interrupted', { done: '5' }, 'hang-up'] },
  { name: 'callback', beats: [{ done: '2' }, ...hold(2), { done: '1' }, 'hang-up'] },
  { name: 'abandoned', beats: [{ done: '' }, { done: '1' }, ...hold(3), 'hang-up'] },
  { name: 'hold prompt fails, served, caller hangs up', beats: [{ done: '1' }, { failed: 'InvalidAudioSource' }, { done: undefined }, { update: ['agent-connected', 'a2', MEETING] }, 'interrupted', 'hang-up'] },
];

/** Plays one call through `handle`, an SMA event at a time; returns each invocation's milliseconds. */
async function playCall(handle: (raw: unknown, kind: string) => Promise<SmaResponse>, callId: string, beats: Beat[], apologies: { count: number }): Promise<number[]> {
  const dress = (event: Event, attributes: Record<string, string> | undefined): Event => {
    event.CallDetails.TransactionId = callId;
    for (const p of event.CallDetails.Participants) Object.assign(p, { CallId: `${callId}-a`, To: NUMBER, From: '+79161234567' });
    if (attributes) event.CallDetails.TransactionAttributes = attributes;
    else delete event.CallDetails.TransactionAttributes;
    return event;
  };
  const samples: number[] = [];
  let sequence = 1;
  let attributes: Record<string, string> | undefined;
  let running: SmaAction | undefined;
  let replaced: SmaAction | undefined;
  const send = async (event: Event, kind: string) => {
    event.Sequence = sequence++;
    const started = performance.now();
    const response = await handle(event, kind);
    samples.push(performance.now() - started);
    if (JSON.stringify(response).includes('произошла ошибка')) apologies.count++;
    // The SMA ignores the answer to ACTION_INTERRUPTED and HANGUP, its attributes included.
    if (response.TransactionAttributes && event.InvocationEventType !== 'ACTION_INTERRUPTED' && event.InvocationEventType !== 'HANGUP') attributes = response.TransactionAttributes;
    // The action the SMA is busy with: the last one, but a recording starts or stops at once (the join before it runs on).
    const lasting = response.Actions.filter((a) => a.Type !== 'StartCallRecording' && a.Type !== 'StopCallRecording');
    if (lasting.length > 0) {
      replaced = running;
      running = lasting[lasting.length - 1];
    }
  };
  const echo = (action: SmaAction | undefined) => ({ Type: action?.Type, Parameters: (action as { Parameters?: unknown } | undefined)?.Parameters ?? {} });
  await send(dress(readSmaSample<Event>('event-new-inbound-call.json'), undefined), 'new call');
  for (const beat of beats) {
    if (beat === 'hang-up') await send(dress(readSmaSample<Event>('event-hangup-caller.json'), attributes), 'hang-up');
    else if (beat === 'interrupted') {
      // The update's answer replaced the running action: the SMA reports that one cut short.
      const event = dress(readSmaSample<Event>('event-action-successful-play-audio.json'), attributes);
      await send({ ...event, InvocationEventType: 'ACTION_INTERRUPTED', ActionData: echo(replaced) }, 'interrupted');
    } else if ('update' in beat) {
      const event = dress(readSmaSample<Event>('event-call-update-requested.json'), attributes);
      await send({ ...event, ActionData: { Type: 'CallUpdateRequest', Parameters: { Arguments: encodeCallUpdate(...beat.update) } } }, `update ${beat.update[0]}`);
    } else if ('failed' in beat) {
      const event = dress(readSmaSample<Event>('event-action-failed-play-audio.json'), attributes);
      await send({ ...event, ActionData: { ...echo(running), ErrorType: beat.failed, ErrorMessage: 'bench: the audio source is missing' } }, 'step failed');
    } else {
      const event = dress(readSmaSample<Event>('event-action-successful-speak-and-get-digits.json'), attributes);
      await send({ ...event, ActionData: { ...echo(running), ...(beat.done !== undefined && { ReceivedDigits: beat.done }) } }, beat.done ? `keys (${running?.Type ?? 'none'})` : `step done (${running?.Type ?? 'none'})`);
    }
  }
  return samples;
}

/** Runs `work(i)` for calls 0‥count-1, `CONCURRENCY` at a time. */
async function concurrently<T>(count: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) {
      const i = next++;
      out[i] = await work(i);
    }
  }));
  return out;
}

/** The kind of SMA event being handled (what the script sent), so requests are counted per event kind. */
const eventKind = new AsyncLocalStorage<string>();

/**
 * DynamoDB requests by kind (command, index, key kind), with their summed milliseconds, while `counting`; and per
 * event kind, how many events there were, their summed milliseconds and the requests they made, by kind.
 */
function countRequests(client: DynamoDBClient) {
  const byKind = new Map<string, { count: number; ms: number }>();
  const byEvent = new Map<string, { events: number; ms: number; requests: Map<string, number> }>();
  const state = { counting: false };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!state.counting) return next(args);
      const text = JSON.stringify(args.input);
      const kind = /FLOW#/.test(text) ? 'flow' : /"(?:S":")?PHONE#/.test(text) ? 'phone number (gsi1)' : /T#[^#"]+#([A-Z_]+)/.exec(text)?.[1]?.toLowerCase() ?? 'other';
      const label = `${context.commandName ?? 'command'} ${kind}`;
      const perEvent = byEvent.get(eventKind.getStore() ?? 'outside an event');
      if (perEvent) perEvent.requests.set(label, (perEvent.requests.get(label) ?? 0) + 1);
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        const entry = byKind.get(label) ?? { count: 0, ms: 0 };
        entry.count++;
        entry.ms += performance.now() - started;
        byKind.set(label, entry);
      }
    },
    { step: 'initialize', priority: 'high', name: 'benchRequestCounter' },
  );
  /** `handle` for one event of `kind`, its requests counted under that kind. */
  const counted = (handle: (raw: unknown) => Promise<SmaResponse>) => async (raw: unknown, kind: string) => {
    if (!state.counting) return handle(raw);
    const entry = byEvent.get(kind) ?? { events: 0, ms: 0, requests: new Map<string, number>() };
    byEvent.set(kind, entry);
    entry.events++;
    const started = performance.now();
    try {
      return await eventKind.run(kind, () => handle(raw));
    } finally {
      entry.ms += performance.now() - started;
    }
  };
  return { byKind, byEvent, state, counted };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

export default async function (): Promise<BenchResult[]> {
  const dynamo = await startDynamoDbLocal();
  // Reports and refused effects are logged at warn; an apology (error) would still show.
  logger.setLogLevel('ERROR');
  try {
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 10 });
    await client.send(new CreateTableCommand(createTableInput(TABLE)));
    const repos = createRepositories(client, TABLE);
    const queue = (queueId: string, name: string) => ({ tenantId: TENANT, queueId, name, priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
    await repos.queues.put(queue('support', 'Поддержка'));
    await repos.queues.put(queue('sales', 'Продажи'));
    await repos.directory.putPhoneNumber({ tenantId: TENANT, e164: NUMBER, name: 'Основной', defaultQueueId: 'support' });
    await repos.calls.putFlow(TENANT, NUMBER, demoCallFlow());
    // The voice-sma function's own composition: the table's repositories, routing commands of its own.
    const voice = createStandaloneVoiceServices({ clock: systemClock, calls: repos.calls, directory: repos.directory, queues: repos.queues, routing: repos.routing, contacts: repos.contacts, agents: repos.agents, customers: repos.customers, meetings: new LocalMeetingRooms() });
    const requests = countRequests(client);
    const handle = requests.counted(createSmaHandler({}, voice.calls));
    const apologies = { count: 0 };

    const handlerRound = async (round: number) => {
      requests.state.counting = round >= 0;
      const perCall = await concurrently(CALLS_PER_ROUND, (i) => playCall(handle, `tx-${round}-${i}`, SCENARIOS[i % SCENARIOS.length]!.beats, apologies));
      requests.state.counting = false;
      // Every call must have run its whole course, or the bench measures something else (an apology, a stale event).
      for (let i = 0; i < CALLS_PER_ROUND; i++) {
        const stored = await repos.calls.get(TENANT, `tx-${round}-${i}`);
        if (stored?.state.phase !== 'ended') throw new Error(`bench/voice-handler: call tx-${round}-${i} (${SCENARIOS[i % SCENARIOS.length]!.name}) did not end: ${stored?.state.phase ?? 'no record'}`);
      }
      return perCall;
    };
    // Warm-up: the JIT, the connections, DynamoDB Local's own warm-up (not counted).
    const warm = await handlerRound(-1);
    const eventsPerCall = warm.map((s) => s.length);
    // The floor's record: a finished call's, as stored, so both paths move the same bytes.
    const { Item: record } = await client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: keys.call(TENANT, 'tx--1-0').pk }, sk: { S: 'CALL' } }, ConsistentRead: true }));
    if (!record) throw new Error('bench/voice-handler: no stored call to copy for the floor');
    const floorCall = async (id: string, events: number) => {
      const samples: number[] = [];
      const key: Record<string, AttributeValue> = { pk: { S: keys.call(TENANT, id).pk }, sk: { S: 'CALL' } };
      for (let version = 0; version < events; version++) {
        const started = performance.now();
        await client.send(new GetItemCommand({ TableName: TABLE, Key: key, ConsistentRead: true }));
        const condition = version === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': { N: String(version) } } };
        await client.send(new PutItemCommand({ TableName: TABLE, Item: { ...record, ...key, version: { N: String(version + 1) } }, ...condition }));
        samples.push(performance.now() - started);
      }
      return samples;
    };
    const floorRound = (round: number) => concurrently(CALLS_PER_ROUND, (i) => floorCall(`floor-${round}-${i}`, eventsPerCall[i]!));
    await floorRound(-1);

    const handlerMs: number[] = [];
    const floorMs: number[] = [];
    const load = loadavg()[0]!.toFixed(1);
    for (let round = 0; round < ROUNDS; round++) {
      const measureHandler = async () => handlerMs.push(...(await handlerRound(round)).flat());
      const measureFloor = async () => floorMs.push(...(await floorRound(round)).flat());
      // Alternate which goes first so DynamoDB Local's state favours neither.
      if (round % 2 === 0) await measureHandler().then(measureFloor);
      else await measureFloor().then(measureHandler);
    }
    client.destroy();
    if (apologies.count > 0) throw new Error(`bench/voice-handler: ${apologies.count} answers were apologies; the scripts no longer fit the flow`);

    const events = handlerMs.length;
    const perEvent = [...requests.byKind].sort((a, b) => b[1].ms - a[1].ms).map(([label, { count, ms }]) => `${label} ${(count / events).toFixed(2)}×/event, ${(ms / count).toFixed(2)} ms each`);
    const totals = [...requests.byKind.values()].reduce((sum, e) => ({ count: sum.count + e.count, ms: sum.ms + e.ms }), { count: 0, ms: 0 });
    const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // The requests of one event run one after another, so their sum is the share of the event spent waiting on the table.
    const perEventKind = [...requests.byEvent]
      .map(([kind, e]) => ({ kind, ...e, total: [...e.requests.values()].reduce((a, b) => a + b, 0) }))
      .sort((a, b) => b.ms / b.events - a.ms / a.events)
      .map((e) => `${e.kind} ×${e.events}: ${(e.ms / e.events).toFixed(0)} ms, ${(e.total / e.events).toFixed(2)} (${[...e.requests].sort((a, b) => b[1] - a[1]).map(([label, n]) => `${label.replace('Command', '')} ${(n / e.events).toFixed(2)}`).join(', ')})`);
    const waiting = `mean event ${mean(handlerMs).toFixed(1)} ms, of which ${(totals.ms / events).toFixed(1)} ms in DynamoDB requests (${(totals.count / events).toFixed(1)} per event, 2 for the floor)`;
    const setup =
      `${CONCURRENCY} calls at once, ${CALLS_PER_ROUND} calls × ${ROUNDS} rounds (${SCENARIOS.map((s) => s.name).join('; ')}), ${events} SMA events (median ${median(eventsPerCall)} per call) ` +
      `after a warm-up round, interleaved with the floor's rounds; DynamoDB Local (in memory); 1-min load average ${load} before, ${loadavg()[0]!.toFixed(1)} after; Node ${process.versions.node}`;
    const floorWhat = `one consistent GetItem + one conditional PutItem of a stored call record (${JSON.stringify(record).length} bytes as JSON) per event, at the same concurrency on the same table`;
    return [50, 99].flatMap((p): BenchResult[] => {
      const value = round(percentile(handlerMs, p));
      const baseline = round(percentile(floorMs, p));
      return [
        { name: `voice.handler.floor.p${p}`, value: baseline, unit: 'ms', notes: `Floor: ${floorWhat}; p${p} per event. ${setup}.` },
        {
          name: `voice.handler.sma-event.p${p}`,
          value,
          unit: 'ms',
          baseline,
          ratio: Number((value / baseline).toFixed(2)),
          notes:
            `createSmaHandler (zod parse, the call service, effects, SMA response) per SMA event, p${p}, against the floor (${floorWhat}). ${setup}. ` +
            `${waiting}; by request: ${perEvent.join('; ')}; by event kind, slowest first (count: mean, requests per event): ${perEventKind.join('; ')}. Goal: ratio ≤ 1.5.`,
        },
      ];
    });
  } finally {
    await dynamo.stop();
  }
}
