/**
 * What a call's flow asks of the contact center, carried out through the routing commands. Every effect is
 * idempotent (deterministic contact ids, status checks), because a provider retry carries it out again.
 */
import { ConflictError, DomainError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import type { Contact } from '@cc/shared/contacts/model';
import { CALLBACK_REQUESTED } from '@cc/shared/contacts/values';
import type { RoutingRepository } from '@cc/shared/contacts/ports';
import { callerSighting } from '@cc/shared/customers/callers';
import type { CustomerRepository } from '@cc/shared/customers/ports';
import { CreateContactSchema } from '@cc/shared/contacts/requests';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { CallState, FlowContext } from '@cc/shared/voice/call-state';
import { CallChangedError } from '@cc/shared/voice/errors';
import type { CallRecordWrite } from '@cc/shared/voice/ports';
import type { CallEffect, RecordingRef } from '@cc/shared/voice/vocabulary';
import type { Clock } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import type { ContactCommands } from '../routing/commands.ts';
import type { ChangeReads } from '../routing/contact-changes.ts';
import type { RoutingQueries } from '../routing/queries.ts';

/** How the flow's own ending of a conversation is marked (the caller hung up): the call need not be told then. */
export const CALL_ENDED = 'call ended';

/** The call's own contact id: one per call, so a retried enqueue finds the contact it made. */
export const callContactId = (callId: string) => `call-${callId}`;

export class CallEffects {
  constructor(
    private readonly deps: { clock: Clock; routing: Pick<RoutingRepository, 'readContact'>; customers: Pick<CustomerRepository, 'recordSighting'> },
    private readonly commands: ContactCommands,
    private readonly queries: RoutingQueries,
  ) {}

  /**
   * The caller's place in the queue, in the texts the chats get; `undefined` when it is not waiting. With the queue
   * the call holds in (as stored), its reads go out at once.
   */
  async positionOf(tenantId: string, contactId: string, queue?: TenantQueue): Promise<FlowContext['position']> {
    try {
      const view = queue ? await this.queries.describePositionIn(queue, contactId) : await this.queries.describePosition(tenantId, contactId);
      return view.position === null ? undefined : { position: view.position, estimatedWaitSeconds: view.estimatedWaitSeconds, text: view.text };
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * With the tenant's `queues` as the event read them, no effect reads a queue again. With `call`, the turn is carried
   * out only if its first write creates the call's contact (`carriesCallRecord`): the call's record goes in that
   * write (both or neither), the rest follows. Otherwise (another first write, the contact made by an earlier try, a
   * refused enqueue) nothing is written and false returned: the caller stores the record, then applies the turn anew.
   * @returns whether `call` was written
   * @throws CallChangedError when the call's record moved on (nothing was written; the event is run again)
   */
  async apply(state: CallState, effects: readonly CallEffect[], queues?: readonly TenantQueue[], call?: CallRecordWrite): Promise<boolean> {
    if (call && !carriesCallRecord(effects)) return false;
    const carrier = call ? effects.findIndex(writesContact) : -1;
    for (const [i, effect] of effects.entries()) {
      try {
        const written = await this.applyOne(state, effect, { ...(queues && { queues }) }, i === carrier ? call : undefined);
        if (i === carrier && !written) return false;
      } catch (error) {
        // A domain refusal (the contact moved on meanwhile) is logged; anything else is retried by the provider.
        if (error instanceof CallChangedError || !(error instanceof DomainError)) throw error;
        logger.warn('Call effect refused', { callId: state.callId, effect: effect.type, reason: error.message });
        if (i === carrier) return false;
      }
    }
    return call !== undefined;
  }

  /** @returns for an enqueue, whether its contact was created (with `call`, the call's record in the same write) */
  private async applyOne(state: CallState, effect: CallEffect, reads: Reads, call?: CallRecordWrite): Promise<boolean | void> {
    const { tenantId, callId } = state;
    const contactId = state.contactId ?? callContactId(callId);
    switch (effect.type) {
      case 'enqueue-contact':
        return this.create(state, { contactId: callContactId(callId), queueId: effect.queueId, channel: 'voice', ...(effect.menuChoice && { menuChoice: effect.menuChoice }) }, reads, undefined, call);
      case 'abandon-contact':
        await this.commands.abandonIfWaiting(tenantId, contactId, effect.reason, reads).catch(ignoreMissing);
        return;
      case 'end-contact':
        await this.commands.endByCustomer(tenantId, contactId, `${CALL_ENDED}: ${effect.reason}`, reads).catch(ignoreMissing);
        return;
      case 'request-callback':
        return this.callback(state, `cb-${callId}`, effect.phone, effect.queueId ?? state.queueId, reads);
      case 'store-voicemail':
        return this.callback(state, `vm-${callId}`, effect.phone, effect.queueId, reads, effect.recording);
      case 'survey-asked': {
        const sentAt = this.deps.clock.now().toISOString();
        await this.commands.annotate(tenantId, contactId, (c) => (c.surveyRequest ? undefined : { surveyRequest: { sentAt, via: 'keypad', nps: effect.nps } }), reads).catch(ignoreMissing);
        return;
      }
      case 'store-survey': {
        const answeredAt = this.deps.clock.now().toISOString();
        const survey = { score: effect.score, ...(effect.nps !== undefined && { nps: effect.nps }), answeredAt, via: 'keypad' as const };
        // The score is stored when given; the NPS answer that follows joins it (each once: the first answer wins).
        await this.commands.annotate(tenantId, contactId, (c) => {
          if (!c.survey) return { survey };
          if (effect.nps === undefined || c.survey.nps !== undefined) return undefined;
          return { survey: { ...c.survey, nps: effect.nps, npsAnsweredAt: answeredAt } };
        }, reads).catch(ignoreMissing);
        return;
      }
      case 'recording-changed':
        logger.info('Call recording changed', { callId, contactId, recording: effect.recording });
        return;
      case 'report':
        logger.warn('Call flow report', { callId, phase: state.phase, problem: effect.problem });
        return;
      case 'dial-result': {
        const at = this.deps.clock.now().toISOString();
        // Keyed by the call: a retried event records its attempt once.
        await this.commands.annotate(tenantId, contactId, (c) => (c.dialAttempts?.some((a) => a.callId === callId) ? undefined : { dialAttempts: [...(c.dialAttempts ?? []), { at, result: effect.result, callId }] }), reads).catch(ignoreMissing);
        // Not reached: the agent is freed and the contact retried later (a retried event finds it moved on).
        if (effect.result !== 'answered') await this.commands.retryCallback(tenantId, contactId, reads).catch(ignoreMissing);
        return;
      }
    }
  }

  /** A callback takes the caller's place when the call's contact still waits; otherwise it joins the queue anew. */
  private async callback(state: CallState, id: string, phone: string, queueId: string | undefined, reads: Reads, voicemail?: RecordingRef) {
    const current = state.contactId ? await this.deps.routing.readContact(state.tenantId, state.contactId) : undefined;
    const waiting = current?.status;
    const queue = queueId ?? state.queueId;
    if (!queue) throw new InvalidRequestError('A callback needs the queue of the call');
    const input = { contactId: id, queueId: queue, channel: 'callback' as const, callback: { phone }, ...(waiting === 'queued' && { replacesContactId: state.contactId }) };
    // The replacement plans on the contact just read (consistently), not on a second read of it.
    await this.create(state, input, { ...reads, ...(current && { contact: current }) }, voicemail);
    // Not waiting any more (offered right now): the call's own contact is left as the caller left it.
    if (waiting === 'offered') await this.commands.abandonContact(state.tenantId, state.contactId!, CALLBACK_REQUESTED).catch(ignoreMissing);
  }

  /**
   * A contact of the call, linked to the caller's customer. The call's first contact records the customer first, so
   * the console finds the profile; a callback or voicemail after the call's own contact finds it recorded. A new
   * contact (never one that replaces another) carries `call`, the call's record, in its own write.
   * @returns false when the contact existed (made by an earlier try of the event)
   * @throws CallChangedError when `call` moved on (nothing was written)
   */
  private async create(state: CallState, input: Record<string, unknown>, reads: Reads, voicemail?: RecordingRef, call?: CallRecordWrite): Promise<boolean> {
    const sighting = callerSighting(state, this.deps.clock.now().toISOString());
    const first = input['channel'] === 'voice' || state.contactId === undefined;
    // A new contact carries the sighting in its own write; one that replaces a waiting one records it first.
    const replaces = input['replacesContactId'] !== undefined;
    if (sighting && first && replaces) await this.deps.customers.recordSighting(sighting);
    const extra: Pick<Contact, 'call' | 'voicemail'> = { call: { callId: state.callId, number: state.number, customer: state.customer }, ...(voicemail && { voicemail }) };
    try {
      // (A replacing contact given `call` is refused, so the record is never taken for written when it was not.)
      await this.commands.createContact(state.tenantId, CreateContactSchema.parse({ ...input, ...(sighting && { customerId: sighting.customerId }) }), extra, { ...reads, ...(sighting && first && !replaces && { customer: sighting }), ...(call && { call }) });
      return true;
    } catch (error) {
      if (error instanceof ConflictError && !(error instanceof CallChangedError)) return false; // made by an earlier try of this event
      throw error;
    }
  }
}

/** What the event has read already (the tenant's queues; for a callback, the call's contact). */
type Reads = Pick<ChangeReads, 'queues' | 'contact'>;

/** Whether an effect writes to the contact center (the rest are logged only). */
const writesContact = (effect: CallEffect) => effect.type !== 'report' && effect.type !== 'recording-changed';

/** Whether the call's record can ride in this turn's writes: its first write creates the call's contact. */
export const carriesCallRecord = (effects: readonly CallEffect[]): boolean => effects.find(writesContact)?.type === 'enqueue-contact';

function ignoreMissing(error: unknown): undefined {
  if (error instanceof NotFoundError) return undefined;
  throw error;
}
