import { describe, expect, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import { RoutingConflictError } from '@cc/shared/contacts/errors';
import type { RoutingCommit } from '@cc/shared/contacts/ports';
import { RateLimitedError } from '@cc/shared/errors';
import type { PhoneNumber } from '@cc/shared/tenancy/model';
import type { CallControl, MeetingRooms } from '@cc/shared/voice/ports';
import { ContactChanges } from '../routing/contact-changes.ts';
import { QueueLookup } from '../routing/queue-lookup.ts';
import { makeTenantQueue } from '../routing/testing.ts';
import { CallbackDialer, type CallbackDialerDeps } from './callback-dialer.ts';

const AT = '2026-12-02T10:00:00.000Z';
const TENANT_NUMBERS: PhoneNumber[] = [{ tenantId: 't1', e164: '+74951110000', name: 'Основной' }, { tenantId: 't1', e164: '+74952220000', name: 'Второй' }];

function accepted(overrides: Partial<Contact> = {}): Contact {
  return {
    tenantId: 't1', contactId: 'cb-1', queueId: 'support', channel: 'callback', status: 'connected', agentId: 'anna', callback: { phone: '+79161234567' },
    enqueuedAt: AT, statusSince: AT, createdAt: AT, history: [], version: 4, ...overrides,
  } as Contact;
}

/** One contact in a versioned store, a clock that sleeping moves on, and a provider that records each call request. */
function setup(contact: Contact, refusals: Error[] = []) {
  let stored = contact;
  let now = Date.parse(AT);
  const sleeps: number[] = [];
  const placed: { request: Parameters<CallControl['placeCall']>[0]; at: number }[] = [];
  const tries: number[] = [];
  const opened: string[] = [];
  const callControl: CallControl = {
    updateCall: async () => {},
    placeCall: async (request) => {
      tries.push(now);
      const refusal = refusals.shift();
      if (refusal) throw refusal;
      placed.push({ request, at: now });
      return { callId: `call-${placed.length}` };
    },
  };
  const meetings: MeetingRooms = {
    separateWhisperMeeting: false,
    open: async (_tenantId, contactId) => (opened.push(contactId), { meetingId: `m-${contactId}` }),
    join: async (meetingId) => ({ provider: 'local' as const, meetingId, attendeeId: 'x', joinToken: 'tok' }),
    close: async () => {},
    closeFor: async () => {},
  };
  const deps = {
    clock: { now: () => new Date(now) },
    routing: {
      readContact: async () => stored,
      readAgent: async () => undefined,
      commit: async (commit: RoutingCommit) => {
        if (commit.expected.version !== stored.version) throw new RoutingConflictError('contact');
        stored = commit.contact;
      },
    },
    queues: { get: async () => makeTenantQueue('t1', 'support'), list: async () => [] },
    directory: { listPhoneNumbers: async () => TENANT_NUMBERS },
    callControl,
    meetings,
  } as unknown as CallbackDialerDeps;
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now += ms;
  };
  const dialer = new CallbackDialer(deps, new ContactChanges(deps as never, new QueueLookup(deps as never)), { intervalMs: 1000, maxThrottledTries: 5, sleep });
  return { dialer, placed, tries, sleeps, opened, current: () => stored };
}

describe('CallbackDialer', () => {
  it('dials an accepted callback once from the tenant’s first number, however often the request is redelivered', async () => {
    // Arrange
    const contact = accepted();
    const { dialer, placed, opened, current } = setup(contact);
    // Act
    await dialer.dialCallback(contact);
    await dialer.dialCallback(contact);
    // Assert
    expect(placed.map((p) => p.request)).toEqual([{ from: '+74951110000', to: '+79161234567', tenantId: 't1', contactId: 'cb-1' }]);
    expect(opened).toEqual(['cb-1']);
    expect(current().dialing).toEqual({ forVersion: 4, at: AT });
  });

  it('dials from the number the customer called when the callback was left on a call', async () => {
    // Arrange
    const contact = accepted({ call: { callId: 'in-1', number: '+74952220000', customer: '+79161234567' } });
    const { dialer, placed } = setup(contact);
    // Act
    await dialer.dialCallback(contact);
    // Assert
    expect(placed[0]?.request.from).toBe('+74952220000');
  });

  it('does not dial a contact that moved on since it was accepted', async () => {
    // Arrange
    const contact = accepted();
    const { dialer, placed } = setup({ ...contact, status: 'after-contact-work', version: 5 });
    // Act
    await dialer.dialCallback(contact);
    // Assert
    expect(placed).toEqual([]);
  });

  it('spaces call requests a second apart, one after the other', async () => {
    // Arrange
    const first = accepted();
    const { dialer, placed, sleeps } = setup(first);
    // Act: the same contact accepted again later (a retry), requested right after the first dial
    await dialer.dialCallback(first);
    const second = accepted({ version: 5, dialing: { forVersion: 4, at: AT } });
    await dialer.dialCallback(second);
    // Assert
    expect(placed.map((p) => p.at - Date.parse(AT))).toEqual([0, 1000]);
    expect(sleeps).toEqual([1000]);
  });

  it('takes a throttled request to the next slot instead of failing, and records nothing as failed', async () => {
    // Arrange
    const contact = accepted();
    const { dialer, placed, tries, current } = setup(contact, [new RateLimitedError('rate exceeded', 1), new RateLimitedError('rate exceeded', 1)]);
    // Act
    await expect(dialer.dialCallback(contact)).resolves.toBeUndefined();
    // Assert
    expect(tries.map((t) => t - Date.parse(AT))).toEqual([0, 1000, 2000]);
    expect(placed).toHaveLength(1);
    expect(current().dialAttempts).toBeUndefined();
  });

  it('records a failed attempt when the provider refuses the call for good', async () => {
    // Arrange
    const contact = accepted();
    const { dialer, placed, current } = setup(contact, [new Error('bad number')]);
    // Act
    await expect(dialer.dialCallback(contact)).resolves.toBeUndefined();
    // Assert
    expect(placed).toEqual([]);
    expect(current().dialAttempts).toEqual([{ at: AT, result: 'failed' }]);
  });
});
