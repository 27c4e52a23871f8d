import { describe, expect, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import { visitorCheckTimer } from '@cc/shared/contacts/timers';
import { RecordingTimers } from '../routing/testing.ts';
import { VisitorPresence } from './visitor-presence.ts';

const PLACED = '2026-12-03T10:00:00.000Z';
const RULE = { everySeconds: 5, missed: 6 };
const seconds = (n: number) => new Date(Date.parse(PLACED) + n * 1000);

/** A call from the site placed at PLACED, in `status`. */
const call = (status: Contact['status'], extra: Partial<Contact> = {}): Contact => ({
  tenantId: 't1', contactId: 'wc-1', queueId: 'support', channel: 'webcall', status, enqueuedAt: PLACED, statusSince: PLACED, createdAt: PLACED,
  priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1, ...extra,
});

/** The presence over one stored call and its last beat; each end is recorded with its reason, and the stored call ends. */
function setup(stored: Contact | undefined, lastBeat: string | undefined, now: Date) {
  const timers = new RecordingTimers();
  const ended: string[] = [];
  const table = { contact: stored };
  const end = (status: Contact['status'], line: string) => {
    ended.push(line);
    table.contact = { ...table.contact!, status };
  };
  const presence = new VisitorPresence(
    { clock: { now: () => now }, contacts: { get: async () => table.contact }, visitorHeartbeats: { record: async () => {}, lastSeen: async () => lastBeat }, timers },
    {
      abandonContact: async (_t: string, _c: string, reason?: string) => end('abandoned', `abandoned: ${reason}`),
      endByCustomer: async (_t: string, _c: string, reason: string) => end('after-contact-work', `ended: ${reason}`),
    } as never,
    RULE,
  );
  return { presence, timers, ended };
}

describe('VisitorPresence: the check of a call from the site', () => {
  it('arms the next check for when the visitor would be gone after their last beat', async () => {
    // Arrange: the visitor beat 20 s after placing the call; the first check comes at 30 s
    const { presence, timers, ended } = setup(call('queued'), seconds(20).toISOString(), seconds(30));
    // Act
    await presence.check(visitorCheckTimer('t1', 'wc-1', seconds(30).toISOString()));
    // Assert
    expect(ended).toEqual([]);
    expect(timers.armed).toEqual([visitorCheckTimer('t1', 'wc-1', seconds(50).toISOString())]);
  });

  it.each<[Contact['status'], string]>([
    ['queued', 'abandoned: customer gone: the visitor’s page stopped answering while waiting'],
    ['offered', 'abandoned: customer gone: the visitor’s page stopped answering while waiting'],
    ['connected', 'ended: call ended: customer gone, the visitor’s page stopped answering'],
  ])('ends a %s call whose visitor stopped beating as customer gone, and arms nothing more', async (status, how) => {
    // Arrange: the last beat 10 s after placing, the check 30 s after that
    const { presence, timers, ended } = setup(call(status), seconds(10).toISOString(), seconds(40));
    // Act
    await presence.check(visitorCheckTimer('t1', 'wc-1', seconds(40).toISOString()));
    // Assert
    expect(ended).toEqual([how]);
    expect(timers.armed).toEqual([]);
  });

  it('takes a check that comes a little early as due, so it never re-arms its own timer', async () => {
    // Arrange: no beat since the placing; the timer for 30 s fires at 29.98 s
    const { presence, timers, ended } = setup(call('queued'), undefined, new Date(seconds(30).getTime() - 20));
    // Act
    await presence.check(visitorCheckTimer('t1', 'wc-1', seconds(30).toISOString()));
    // Assert
    expect(ended).toHaveLength(1);
    expect(timers.armed).toEqual([]);
  });

  it.each<[string, Contact | undefined]>([
    ['a call over', call('abandoned')],
    ['a call in after-contact work', call('after-contact-work')],
    ['a chat', call('queued', { channel: 'webchat' })],
    ['no contact', undefined],
  ])('does nothing for %s', async (_name, stored) => {
    // Arrange
    const { presence, timers, ended } = setup(stored, undefined, seconds(60));
    // Act
    await presence.check(visitorCheckTimer('t1', 'wc-1', seconds(60).toISOString()));
    // Assert
    expect(ended).toEqual([]);
    expect(timers.armed).toEqual([]);
  });

  it('watches a call just placed from its placing', async () => {
    // Arrange
    const { presence, timers } = setup(undefined, undefined, seconds(0));
    // Act
    await presence.watch(call('queued'));
    // Assert
    expect(timers.armed).toEqual([visitorCheckTimer('t1', 'wc-1', seconds(30).toISOString())]);
  });
});
