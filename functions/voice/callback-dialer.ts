/**
 * Dials the customer of a callback an agent accepted: claims the dial on the contact (a conditional write on the
 * accepted version, so a redelivered stream record dials no second time), opens the contact's meeting and places
 * the call from the tenant's number. Requests leave one at a time, paced for the provider's quota of about one
 * call per second per SIP media application; a throttled request waits its turn again instead of failing.
 */
import type { Contact } from '@cc/shared/contacts/model';
import { RateLimitedError } from '@cc/shared/errors';
import type { VoiceDialer } from '@cc/shared/contacts/ports';
import type { CallControl, MeetingRooms } from '@cc/shared/voice/ports';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import type { ContactChanges } from '../routing/contact-changes.ts';
import { dialFailedPlan } from '../routing/plans.ts';

export type CallbackDialerDeps = Pick<Deps, 'clock' | 'directory'> & { callControl: CallControl; meetings: MeetingRooms };

export interface DialPacing {
  /** The shortest time between two call requests (the provider's default quota is about one per second). */
  intervalMs: number;
  /** How many throttled tries one dial may take before it gives up (logged, never thrown). */
  maxThrottledTries: number;
  sleep: (ms: number) => Promise<void>;
}

const DEFAULT_PACING: DialPacing = { intervalMs: 1000, maxThrottledTries: 30, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** Built once per process by `createServices`, over routing's own contact changes. */
export class CallbackDialer implements VoiceDialer {
  private readonly pacing: DialPacing;
  /** The queue of requests: each waits for the one before it, then for its slot. */
  private tail: Promise<unknown> = Promise.resolve();
  private nextSlotAt = 0;

  constructor(
    private readonly deps: CallbackDialerDeps,
    private readonly changes: Pick<ContactChanges, 'apply'>,
    pacing: Partial<DialPacing> = {},
  ) {
    this.pacing = { ...DEFAULT_PACING, ...pacing };
  }

  async dialCallback(contact: Contact): Promise<void> {
    if (contact.channel !== 'callback' || !contact.callback) return;
    const claimed = await this.claim(contact);
    if (!claimed) {
      logger.info('Callback dial already claimed or stale', { contactId: contact.contactId, version: contact.version });
      return;
    }
    let placed: { callId: string } | undefined;
    try {
      placed = await this.place(contact, contact.callback.phone);
    } catch (error) {
      logger.error('Callback dial failed', { contactId: contact.contactId, error: error instanceof Error ? error.message : error });
    }
    if (placed) logger.info('Callback dialled', { contactId: contact.contactId, callId: placed.callId });
    // Claimed but never placed: recorded as a failed attempt, so the contact does not wait for a call that never comes.
    else await this.recordFailure(contact);
  }

  /** @returns `undefined` when the tenant has no number or the provider throttled every try. */
  private async place(contact: Contact, to: string): Promise<{ callId: string } | undefined> {
    const from = await this.numberOf(contact);
    if (!from) {
      logger.error('Callback without a tenant number to dial from', { tenantId: contact.tenantId, contactId: contact.contactId });
      return undefined;
    }
    // The meeting exists before the call starts, so the voice service can seat the callee in it.
    await this.deps.meetings.open(contact.tenantId, contact.contactId);
    return this.paced(() => this.deps.callControl.placeCall({ from, to, tenantId: contact.tenantId, contactId: contact.contactId }));
  }

  private async recordFailure(contact: Contact): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await this.changes.apply(contact.tenantId, contact.contactId, (current) =>
      current.status === 'connected' ? { contact: { ...current, dialAttempts: [...(current.dialAttempts ?? []), { at, result: 'failed' }], version: current.version + 1 } } : undefined,
    );
    await this.changes.apply(contact.tenantId, contact.contactId, dialFailedPlan);
  }

  /** Marks the dial on the contact while it is still the accepted version: only one request gets the write. */
  private async claim(contact: Contact): Promise<boolean> {
    const at = this.deps.clock.now().toISOString();
    const done = await this.changes.apply(contact.tenantId, contact.contactId, (current) => {
      if (current.version !== contact.version || current.status !== 'connected') return undefined;
      return { contact: { ...current, dialing: { forVersion: contact.version, at }, version: current.version + 1 } };
    });
    return done !== undefined;
  }

  /** The number the customer called (a callback left on a call), else the tenant's first number. */
  private async numberOf(contact: Contact): Promise<string | undefined> {
    if (contact.call?.number) return contact.call.number;
    const numbers = await this.deps.directory.listPhoneNumbers(contact.tenantId);
    return numbers[0]?.e164;
  }

  /** Runs `request` in its turn, one slot per interval; a throttled one takes the next slot again. */
  private paced<T>(request: () => Promise<T>): Promise<T | undefined> {
    const run = async () => {
      for (let tries = 1; tries <= this.pacing.maxThrottledTries; tries++) {
        await this.waitForSlot();
        try {
          return await request();
        } catch (error) {
          if (!(error instanceof RateLimitedError)) throw error;
          logger.info('Call request throttled; trying again in the next slot', { tries });
        }
      }
      logger.error('Call request throttled too often; the dial is given up', { tries: this.pacing.maxThrottledTries });
      return undefined;
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async waitForSlot(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const slot = Math.max(now, this.nextSlotAt);
    this.nextSlotAt = slot + this.pacing.intervalMs;
    if (slot > now) await this.pacing.sleep(slot - now);
  }
}
