import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smaResponseProblem, type SmaResponse } from '@cc/shared/voice/sma/actions';
import { readSmaSample, smaSampleNames } from '@cc/shared/voice/sma/testing';
import { demoCallFlow } from '../local/seed.ts';
import { createTestDeps } from '../../test/deps.ts';
import { createSmaHandler } from './sma-app.ts';
import { callContactId } from './call-effects.ts';

const NUMBER = '+74951234567';
let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let handle: ReturnType<typeof createSmaHandler>;

type Event = { Sequence: number; InvocationEventType: string; CallDetails: { TransactionId: string; TransactionAttributes?: Record<string, string>; Participants: { To: string; From: string; Direction: string; ParticipantTag: string }[] } };

/** A documented sample, dialled to our number, on a transaction of its own. */
function sample(name: string, transactionId: string, attributes?: Record<string, string>): Event {
  const event = readSmaSample<Event>(name);
  event.CallDetails.TransactionId = transactionId;
  for (const p of event.CallDetails.Participants) {
    if (p.Direction === 'Inbound') p.To = NUMBER;
    else p.From = NUMBER;
  }
  if (attributes) event.CallDetails.TransactionAttributes = attributes;
  else delete event.CallDetails.TransactionAttributes;
  return event;
}

const speech = (response: SmaResponse) => response.Actions.flatMap((a) => ('Parameters' in a && a.Parameters && typeof a.Parameters === 'object' ? [JSON.stringify(a.Parameters)] : [])).join(' ');

beforeAll(async () => {
  ctx = await createTestDeps();
  await ctx.deps.queues.put({ tenantId: 't-voice', queueId: 'support', name: 'Поддержка', priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
  await ctx.deps.queues.put({ tenantId: 't-voice', queueId: 'sales', name: 'Продажи', priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
  await ctx.deps.directory.putPhoneNumber({ tenantId: 't-voice', e164: NUMBER, name: 'Основной', defaultQueueId: 'support' });
  await ctx.deps.calls.putFlow('t-voice', NUMBER, demoCallFlow());
  handle = createSmaHandler(ctx.deps.config, ctx.voice.calls);
});
afterAll(() => ctx?.table.drop());

describe('the voice-sma handler', () => {
  it('answers every documented event sample with a response the SMA accepts', async () => {
    for (const [i, name] of smaSampleNames('event-').entries()) {
      const response = await handle(sample(name, `tx-sample-${i}`, { tenantId: 't-voice' }));
      expect(smaResponseProblem(response), name).toBeUndefined();
    }
  });

  it('greets a new caller in Russian and asks for the menu key', async () => {
    const response = await handle(sample('event-new-inbound-call.json', 'tx-greet'));
    expect(smaResponseProblem(response)).toBeUndefined();
    expect(response.Actions.map((a) => a.Type)).toContain('SpeakAndGetDigits');
    expect(speech(response)).toContain('ru-RU');
    expect(speech(response)).toContain('нажмите 1');
    expect(response.TransactionAttributes?.['tenantId']).toBe('t-voice');
  });

  it('queues the caller as a voice contact on key 1, once however often the SMA retries the event', async () => {
    const start = sample('event-new-inbound-call.json', 'tx-menu');
    const greeting = await handle(start);
    const digits = sample('event-action-successful-speak-and-get-digits.json', 'tx-menu', greeting.TransactionAttributes);
    digits.Sequence = start.Sequence + 1;
    (digits as unknown as { ActionData: { ReceivedDigits: string } }).ActionData.ReceivedDigits = '1';
    const first = await handle(digits);
    const retried = await handle(structuredClone(digits));
    expect(retried).toEqual(first);
    const contact = await ctx.deps.contacts.get('t-voice', callContactId('tx-menu'));
    expect(contact).toMatchObject({ channel: 'voice', queueId: 'support', status: 'queued', menuChoice: 'Поддержка', call: { callId: 'tx-menu', number: NUMBER } });
    expect(first.Actions.some((a) => a.Type === 'PlayAudio' || a.Type === 'PlayAudioAndGetDigits')).toBe(true);
  });

  it('queues the caller once when the SMA delivers the enqueue twice at once: one write wins, both answer alike', async () => {
    // Arrange
    const start = sample('event-new-inbound-call.json', 'tx-twice');
    const greeting = await handle(start);
    const digits = sample('event-action-successful-speak-and-get-digits.json', 'tx-twice', greeting.TransactionAttributes);
    digits.Sequence = start.Sequence + 1;
    (digits as unknown as { ActionData: { ReceivedDigits: string } }).ActionData.ReceivedDigits = '1';
    // Act
    const [one, other] = await Promise.all([handle(digits), handle(structuredClone(digits))]);
    // Assert
    expect(other).toEqual(one);
    expect(await ctx.deps.calls.get('t-voice', 'tx-twice')).toMatchObject({ version: 2, lastSequence: digits.Sequence, state: { phase: 'queued' } });
    expect(await ctx.deps.contacts.get('t-voice', callContactId('tx-twice'))).toMatchObject({ status: 'queued', version: 1 });
  });

  it('enqueues a caller in one write with their customer and abandons them on hang-up with one read of the contact, none of a queue', async () => {
    // Arrange: a caller queued on key 1
    const requests: string[] = [];
    const counting = { on: false };
    ctx.table.dynamodb.middlewareStack.add((next, context) => (args) => {
      if (counting.on) requests.push(`${context.commandName} ${/#(QUEUE|CONTACT|CUSTOMER|CALL)|(FLOW)#|(PHONE)/.exec(JSON.stringify(args.input))?.slice(1).find(Boolean) ?? ''}`);
      return next(args);
    }, { step: 'initialize', name: 'countRequests' });
    const start = sample('event-new-inbound-call.json', 'tx-abandon');
    const greeting = await handle(start);
    const digits = sample('event-action-successful-speak-and-get-digits.json', 'tx-abandon', greeting.TransactionAttributes);
    digits.Sequence = start.Sequence + 1;
    (digits as unknown as { ActionData: { ReceivedDigits: string } }).ActionData.ReceivedDigits = '1';
    counting.on = true;
    const queued = await handle(digits);
    const enqueueRequests = requests.splice(0);
    const hangUp = sample('event-hangup-caller.json', 'tx-abandon', queued.TransactionAttributes);
    hangUp.Sequence = digits.Sequence + 1;
    // Act
    await handle(hangUp);
    counting.on = false;
    // Assert
    expect((await ctx.deps.contacts.get('t-voice', callContactId('tx-abandon')))?.status).toBe('abandoned');
    // (The tenant's queue list may be read again once its second in the cache is up, and the number and its flow once
    // their five seconds are, as on a slow machine; a single queue never.)
    const besidesTheCall = (rs: string[], command: RegExp) => rs.filter((r) => command.test(r) && !/ (CALL|FLOW|PHONE)$/.test(r));
    expect(besidesTheCall(enqueueRequests, /^(Put|Update|TransactWrite)/)).toEqual(['TransactWriteItemsCommand CUSTOMER']);
    expect(besidesTheCall(enqueueRequests, /^GetItem/)).toEqual([]);
    expect(besidesTheCall(requests, /^GetItem/)).toEqual(['GetItemCommand CONTACT']);
  });

  it('carries the call record in the attributes: no read of it per event, one write for the enqueue, and a stale copy costs a lost write, not a wrong turn', async () => {
    // Arrange: requests on the call record counted
    const requests: string[] = [];
    ctx.table.dynamodb.middlewareStack.add((next, context) => (args) => {
      if (JSON.stringify(args.input).includes('#CALL#tx-carried')) requests.push(context.commandName ?? '');
      return next(args);
    }, { step: 'initialize', name: 'countCallRequests' });
    const start = sample('event-new-inbound-call.json', 'tx-carried');
    const greeting = await handle(start);
    const created = requests.splice(0);
    const digits = sample('event-action-successful-speak-and-get-digits.json', 'tx-carried', greeting.TransactionAttributes);
    digits.Sequence = start.Sequence + 1;
    (digits as unknown as { ActionData: { ReceivedDigits: string } }).ActionData.ReceivedDigits = '1';
    // Act: the caller queues on key 1, then hangs up with the greeting's attributes (as if the SMA had kept those)
    await handle(digits);
    const afterQueue = requests.splice(0);
    const hangUp = sample('event-hangup-caller.json', 'tx-carried', greeting.TransactionAttributes);
    hangUp.Sequence = digits.Sequence + 1;
    await handle(hangUp);
    // Assert
    expect(greeting.TransactionAttributes?.['call']).toContain('"version":1');
    expect(created).toEqual(['PutItemCommand']);
    // The enqueue: the call's record rides in the transaction that creates its contact (and records the caller).
    expect(afterQueue).toEqual(['TransactWriteItemsCommand']);
    expect(requests).toEqual(['PutItemCommand', 'PutItemCommand']);
    expect((await ctx.deps.contacts.get('t-voice', callContactId('tx-carried')))?.status).toBe('abandoned');
    expect((await ctx.deps.calls.get('t-voice', 'tx-carried'))?.state).toMatchObject({ phase: 'ended', endedBy: 'caller' });
  });

  it('apologises and hangs up on a number of no tenant, and never throws on garbage', async () => {
    const stranger = sample('event-new-inbound-call.json', 'tx-stranger');
    stranger.CallDetails.Participants[0]!.To = '+15550000000';
    const response = await handle(stranger);
    expect(response.Actions.map((a) => a.Type)).toEqual(['Speak', 'Hangup']);
    await expect(handle({ nonsense: true })).resolves.toEqual({ SchemaVersion: '1.0', Actions: [] });
    const broken = sample('event-new-inbound-call.json', 'tx-broken');
    (broken as unknown as { Sequence: string }).Sequence = 'one';
    expect((await handle(broken)).Actions.map((a) => a.Type)).toEqual(['Speak', 'Hangup']);
  });
});
