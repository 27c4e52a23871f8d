import type { ContactRepository } from '@cc/shared/contacts/ports';
import { callbackContactIdOf, customerIdOf } from '@cc/shared/conversations/ids';
import { newQueuedContact } from '@cc/shared/conversations/build-message';
import type { CustomerRepository } from '@cc/shared/customers/ports';
import { ConflictError, RateLimitedError } from '@cc/shared/errors';
import { type AliceUtterance, buildAliceResponse, parseAliceRequest } from '@cc/shared/messaging/yandex/normalize';
import type { AliceResponse } from '@cc/shared/messaging/yandex/schema';
import type { QueueRepository } from '@cc/shared/queues/ports';
import { isOpen } from '@cc/shared/routing/business-hours';
import { type AliceFacts, type AliceIntent, classifyAliceTurn, composeAliceReply, factsNeeded } from '@cc/shared/self-service/alice-skill';
import { describeBusinessHours } from '@cc/shared/self-service/business-hours-text';
import type { DirectoryRepository } from '@cc/shared/tenancy/ports';
import type { Clock } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import type { ResolvedChannel } from './channel-resolver.ts';
import { type CallbackGuardDeps, guardCallbackRequest } from './callback-guard.ts';

/** What the skill reads and writes. */
export interface AliceSkillDeps extends CallbackGuardDeps {
  directory: DirectoryRepository;
  queues: QueueRepository;
  contacts: ContactRepository;
  customers: CustomerRepository;
  clock: Clock;
}

/**
 * Yandex waits about 3 s for a skill's answer (then the user hears an error); facts that take longer
 * than this are left out rather than making the answer late.
 */
export const ALICE_FACTS_BUDGET_MS = 1_200;

function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work.catch((error: unknown) => (logger.warn('Alice skill could not read its facts', { error }), undefined)), late]).finally(() => clearTimeout(timer));
}

async function readFacts(deps: AliceSkillDeps, resolved: ResolvedChannel, intent: AliceIntent, now: Date): Promise<AliceFacts | undefined> {
  const { tenantId, defaultQueueId } = resolved.channel;
  const [tenant, queue, waiting] = await Promise.all([
    deps.directory.getTenant(tenantId),
    defaultQueueId ? deps.queues.get(tenantId, defaultQueueId) : undefined,
    intent.type === 'queue' && defaultQueueId ? deps.contacts.listWaiting(tenantId, defaultQueueId).then((list) => list.length) : 0,
  ]);
  return {
    companyName: tenant?.name ?? resolved.channel.name,
    open: queue ? isOpen(queue, now) : true,
    hoursText: describeBusinessHours(queue?.businessHours),
    waiting,
  };
}

/**
 * Books the callback: the customer gets the phone, a callback contact waits in the channel's queue.
 * One per session (a repeat is not counted); new ones are limited per session, per Yandex user or app, and per phone.
 * @returns false when the channel has no queue
 * @throws RateLimitedError over a limit
 */
async function bookCallback(deps: AliceSkillDeps, resolved: ResolvedChannel, utterance: AliceUtterance, phone: string, at: string): Promise<boolean> {
  const { tenantId, channelId, defaultQueueId } = resolved.channel;
  if (!defaultQueueId) {
    logger.error('Alice callback cannot be booked: the channel has no default queue', { channelId });
    return false;
  }
  const contactId = callbackContactIdOf(channelId, utterance.sessionId);
  if (await deps.contacts.get(tenantId, contactId)) return true;
  const externalId = utterance.userId ?? utterance.applicationId;
  await guardCallbackRequest(deps, {
    tenantId,
    channelId,
    queueId: defaultQueueId,
    requesters: [
      { kind: 'alice-session', id: utterance.sessionId },
      { kind: 'alice-user', id: externalId },
      { kind: 'phone', id: phone },
    ],
  });
  const customerId = customerIdOf(channelId, externalId);
  await deps.customers.recordSighting({ tenantId, customerId, channel: 'yandex', channelId, externalId, profile: { phone, ...(utterance.locale && { language: utterance.locale }) }, at });
  const contact = newQueuedContact({
    tenantId,
    contactId,
    queueId: defaultQueueId,
    channel: 'callback',
    channelId,
    customerId,
    callback: { phone, note: 'Заказан через навык Алисы' },
    at,
  });
  try {
    await deps.contacts.create(contact);
  } catch (error) {
    // Asked twice in one session, or Yandex retried the call: one callback is booked.
    if (!(error instanceof ConflictError)) throw error;
  }
  return true;
}

/**
 * Answers one Alice skill call: self-service (business hours, queue status) and callback requests,
 * which create a queued callback contact with the customer's phone. Reads only what the turn needs.
 * @throws ZodError when the body is not a skill call (400).
 */
export async function answerAliceSkill(deps: AliceSkillDeps, resolved: ResolvedChannel, body: unknown): Promise<AliceResponse> {
  const utterance = parseAliceRequest(body);
  const now = deps.clock.now();
  let intent = classifyAliceTurn(utterance);
  const facts = factsNeeded(intent) ? await withinBudget(readFacts(deps, resolved, intent, now), ALICE_FACTS_BUDGET_MS) : undefined;
  if (intent.type === 'book_callback') {
    // Over a limit Alice still gets a 200 with words to say: the platform would read a 429 as the skill failing.
    const booked = await bookCallback(deps, resolved, utterance, intent.phone, now.toISOString()).catch((error: unknown) => {
      if (error instanceof RateLimitedError) return 'limited' as const;
      throw error;
    });
    if (booked === 'limited') intent = { type: 'callback_limited' };
    else if (!booked) intent = { type: 'unknown' };
    else logger.info('Callback booked through Alice', { channelId: resolved.channel.channelId });
  }
  const reply = composeAliceReply(intent, facts);
  return buildAliceResponse(reply.text, reply.options);
}
