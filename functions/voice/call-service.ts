/**
 * One telephony event through the call flow: find the call's tenant and flow, apply the event with the pure
 * engine, store the new state (conditionally; in the write that creates the call's contact when the event does),
 * carry out the effects in the contact center and answer the steps. A provider retry of an event already applied gets the stored answer again and no effect twice.
 * The record the write is conditional on is the one the provider carried (its last answer's), none for a call's
 * first event, or else read; a stale one loses the write, which hands back the stored record to start again from.
 */
import { ConflictError } from '@cc/shared/errors';
import type { PhoneNumber } from '@cc/shared/tenancy/model';
import type { QueueRepository, TenantQueue } from '@cc/shared/queues/ports';
import type { DirectoryRepository } from '@cc/shared/tenancy/ports';
import { isOpen } from '@cc/shared/routing/index';
import type { CallState, FlowContext, FlowEngine } from '@cc/shared/voice/call-state';
import { defaultCallFlow } from '@cc/shared/voice/default-flow';
import type { CallFlow } from '@cc/shared/voice/flow-config';
import { CallChangedError } from '@cc/shared/voice/errors';
import type { CallRepository, CarriedCall, StoredCall } from '@cc/shared/voice/ports';
import type { CallEvent, CallStep, FlowLanguage } from '@cc/shared/voice/vocabulary';
import type { Clock } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import { callContactId, carriesCallRecord, type CallEffects } from './call-effects.ts';
import { CallLookups } from './call-lookups.ts';
import { outboundStartState, type OutboundStartDeps } from './outbound-start.ts';

/** What a provider adapter knows of an event besides the neutral event itself. */
export interface CallInvocation {
  callId: string;
  /** The provider's sequence number of this event (increasing per call). */
  sequence: number;
  /** Our number: the dialled one (inbound) or the caller id (outbound). */
  number: string;
  /** The tenant the adapter carried along (SMA transaction attributes), when it has one. */
  tenantId?: string;
  /** Outbound calls: the arguments the dialer gave the provider (`tenantId`, `contactId`). */
  arguments?: Record<string, string>;
  /** The call's record as the provider carried it from our last answer, when it did: the write needs no read first. */
  carried?: CarriedCall;
  event: CallEvent;
}

export interface CallAnswer {
  steps: CallStep[];
  /** Absent when the number belongs to no tenant. */
  state?: CallState;
  /** The call's record as stored after this event, for the provider to carry to the next one. */
  record?: CarriedCall;
  language: FlowLanguage;
}

/** Where an attempt's record comes from: at hand (carried, handed back by a lost write, or none yet), or to be read. */
type Basis = { record: StoredCall | CarriedCall | undefined } | 'read';

const MAX_ATTEMPTS = 3;

export class VoiceCallService {
  private readonly lookups: CallLookups;

  constructor(
    private readonly deps: { clock: Clock; calls: CallRepository; directory: Pick<DirectoryRepository, 'findPhoneNumber'>; queues: QueueRepository } & OutboundStartDeps,
    private readonly engine: FlowEngine,
    private readonly effects: CallEffects,
  ) {
    this.lookups = new CallLookups(deps);
  }

  /** Never throws for a caller's sake: an unplaceable event is answered with an apology and a hang-up. */
  async handle(invocation: CallInvocation): Promise<CallAnswer> {
    const phone = await this.phoneOf(invocation);
    if (!phone) {
      logger.warn('Call to a number of no tenant', { callId: invocation.callId, number: invocation.number, event: invocation.event.type });
      return { steps: invocation.event.type === 'hang-up' ? [] : apologyOf(defaultCallFlow('none'), 'ru'), language: 'ru' };
    }
    const flow = (await this.lookups.flow(phone.tenantId, phone.e164)) ?? defaultCallFlow(phone.defaultQueueId ?? 'support');
    let basis = basisOf(invocation);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = basis === 'read' ? await this.deps.calls.get(phone.tenantId, invocation.callId) : basis.record;
      if (stored && invocation.sequence <= stored.lastSequence) {
        // A retried or late invocation: the answer already given; the effects again, in case the first try died after the write.
        if (invocation.sequence === stored.lastSequence && isStored(stored)) await this.effects.apply(stored.state, stored.lastEffects);
        return { steps: stored.lastSteps, state: stored.state, record: carriedOf(stored), language: stored.state.language };
      }
      const rest = stored && remainingAfter(stored.lastSteps, invocation.event);
      if (stored && rest) {
        // A step reported before the end of its list (the SMA reports StartCallRecording at once): any answer
        // replaces the list, so the answer is the rest of it, and the flow has nothing to decide.
        const next: StoredCall = { state: stored.state, lastSequence: invocation.sequence, lastSteps: rest, lastEffects: [], updatedAt: this.deps.clock.now().toISOString(), version: stored.version + 1 };
        try {
          await this.deps.calls.save(next, stored.version);
        } catch (error) {
          if (error instanceof ConflictError) {
            basis = lostTo(error);
            continue;
          }
          throw error;
        }
        return { steps: rest, state: stored.state, record: carriedOf(next), language: stored.state.language };
      }
      // A callback we dialled has no stored state yet: its first one comes from the contact it dials for.
      const state = stored?.state ?? (await outboundStartState(this.deps, invocation, phone, flow));
      // Read once per invocation: the engine decides on them and the effects find the contact's queue among them.
      const queues = await this.lookups.queues(phone.tenantId);
      const context = await this.contextOf(queues, state, invocation.event);
      const turn = this.engine(invocation.event, state, flow, context, { callId: invocation.callId, tenantId: phone.tenantId });
      // The call's contact has a known id (one per call): the state names it, so position, callback and survey find it.
      if (turn.effects.some((e) => e.type === 'enqueue-contact')) turn.state.contactId ??= callContactId(invocation.callId);
      const next: StoredCall = { state: turn.state, lastSequence: invocation.sequence, lastSteps: turn.steps, lastEffects: turn.effects, updatedAt: context.now, version: (stored?.version ?? 0) + 1 };
      // The record is written before any effect, so a concurrent duplicate loses the write before it acts (each
      // effect is idempotent): in the write that creates the call's contact when that is the turn's first, both or
      // neither, the other effects after it; otherwise (or when that contact existed, from an earlier try) alone.
      let together: boolean;
      try {
        together = carriesCallRecord(turn.effects) && (await this.effects.apply(turn.state, turn.effects, queues, { record: next, expectedVersion: stored?.version }));
        if (!together) await this.deps.calls.save(next, stored?.version);
      } catch (error) {
        if (error instanceof ConflictError) {
          // A concurrent invocation of the same call won, or the carried record was stale: start again from the stored one.
          basis = lostTo(error);
          continue;
        }
        throw error;
      }
      if (!together) await this.effects.apply(turn.state, turn.effects, queues);
      return { steps: turn.steps, state: turn.state, record: carriedOf(next), language: turn.state.language };
    }
    logger.error('Call state contention', { callId: invocation.callId });
    return { steps: apologyOf(flow, flow.language), language: flow.language };
  }

  private async phoneOf(invocation: CallInvocation): Promise<PhoneNumber | undefined> {
    const phone = await this.lookups.phone(invocation.number);
    if (phone && (invocation.tenantId === undefined || invocation.tenantId === phone.tenantId)) return phone;
    return undefined;
  }

  /** The queues' facts now and, for a holding caller whose next steps may announce it, their place: what the engine may decide on. */
  private async contextOf(queues: readonly TenantQueue[], state: CallState | undefined, event: CallEvent): Promise<FlowContext> {
    const at = this.deps.clock.now();
    const context: FlowContext = {
      now: at.toISOString(),
      queues: Object.fromEntries(queues.map((q) => [q.queueId, { open: isOpen(q, at), ...(q.maxWaitSeconds !== undefined && { maxWaitSeconds: q.maxWaitSeconds }), hasOverflow: q.overflowQueueId !== undefined }])),
    };
    if (state?.phase === 'queued' && state.contactId && mayAnnounce(event, state)) {
      const stored = queues.find((q) => q.queueId === state.queueId);
      const position = await this.effects.positionOf(state.tenantId, state.contactId, stored);
      if (position) context.position = position;
    }
    return context;
  }
}

/**
 * Whether the flow may say a holding caller's position in its answer to `event`, so the position's reads are due: a
 * hold period's end without keys, a failed step (spoken holding), and with spoken holding (`holdBroken`) a key or an
 * interruption too. Keys on the music, updates (an agent joins, the contact is removed) and hang-ups never say it.
 */
function mayAnnounce(event: CallEvent, state: CallState): boolean {
  switch (event.type) {
    case 'step-done':
      return !event.digits || state.holdBroken === true;
    case 'step-failed':
      return true;
    case 'step-interrupted':
      return state.holdBroken === true;
    default:
      return false;
  }
}

/**
 * The record the first attempt writes on: the carried one unless the event is not newer than it (a retry, whose
 * answer and effects are the stored record's), none for a call's first event (a retried one loses the create), else read.
 */
function basisOf(invocation: CallInvocation): Basis {
  if (invocation.carried) return invocation.sequence > invocation.carried.lastSequence ? { record: invocation.carried } : 'read';
  return invocation.event.type === 'call-started' ? { record: undefined } : 'read';
}

/** After a lost write: the stored record it handed back, or a read when it gave none. */
function lostTo(error: ConflictError): Basis {
  return error instanceof CallChangedError && error.current ? { record: error.current } : 'read';
}

/** A record as stored, effects included (a carried one is never a retry's basis: see `basisOf`). */
const isStored = (record: StoredCall | CarriedCall): record is StoredCall => 'lastEffects' in record;

/** What a provider carries of a record: all but the last effects. */
function carriedOf(record: StoredCall | CarriedCall): CarriedCall {
  const { state, lastSequence, lastSteps, updatedAt, version } = record;
  return { state, lastSequence, lastSteps, updatedAt, version };
}

/** The steps still to run when `event` reports a step in the middle of the last answer; `undefined` otherwise. */
function remainingAfter(steps: readonly CallStep[], event: CallEvent): CallStep[] | undefined {
  if (event.type !== 'step-done') return undefined;
  const index = steps.findIndex((step) => step.type === event.step);
  return index >= 0 && index < steps.length - 1 ? steps.slice(index + 1) : undefined;
}

/** The polite end of a call that cannot go on. */
export function apologyOf(flow: CallFlow, language: FlowLanguage): CallStep[] {
  const text = language === 'en' ? (flow.apology.en ?? flow.apology.ru) : flow.apology.ru;
  return [{ type: 'say', speech: { text, language: language === 'en' && flow.apology.en ? 'en' : 'ru' } }, { type: 'hang-up', cause: 'normal' }];
}
