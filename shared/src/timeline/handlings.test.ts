import { describe, expect, it } from 'vitest';
import type { Contact, TransitionRecord } from '../contacts/model.ts';
import { changedHandlings, handlingsOf } from './handlings.ts';

const at = (mmss: string) => `2026-03-15T09:${mmss}.000Z`;
const step = (from: string, to: string, time: string, agentId?: string, reason?: string): TransitionRecord => ({ contactId: 'ct1', from, to, at: at(time), ...(agentId && { agentId }), ...(reason && { reason }) });
const contact = (history: TransitionRecord[], overrides: Partial<Contact> = {}): Contact => ({
  tenantId: 't1', contactId: 'ct1', queueId: 'support', channel: 'telegram', status: 'queued', enqueuedAt: at('00:00'), statusSince: at('00:00'), createdAt: at('00:00'),
  priority: 0, requiredSkills: [], excludedAgentIds: [], history, version: history.length, ...overrides,
});

describe('handlingsOf', () => {
  it('follows one agent from the offer through the talk and wrap-up to the close', () => {
    // Arrange
    const history = [step('new', 'queued', '00:00'), step('queued', 'offered', '00:05', 'anna'), step('offered', 'connected', '00:10', 'anna'), step('connected', 'after-contact-work', '03:00', 'anna'), step('after-contact-work', 'closed', '03:30', 'anna')];
    // Act / Assert
    expect(handlingsOf('ct1', history)).toEqual([{ agentId: 'anna', contactId: 'ct1', startedAt: at('00:05'), offeredAt: at('00:05'), connectedAt: at('00:10'), wrapUpAt: at('03:00'), closedAt: at('03:30'), outcome: 'completed' }]);
  });

  it('counts a missed offer and the next agent’s handling apart, and a second offer to the same agent as another handling', () => {
    // Arrange
    const history = [
      step('new', 'queued', '00:00'), step('queued', 'offered', '00:05', 'anna'), step('offered', 'missed', '00:25', 'anna', 'offer timed out'), step('missed', 'queued', '00:25'),
      step('queued', 'offered', '00:30', 'boris'), step('offered', 'connected', '00:31', 'boris'), step('connected', 'transferred', '02:00', 'boris'), step('transferred', 'queued', '02:00'),
      step('queued', 'offered', '02:10', 'anna'),
    ];
    // Act
    const handlings = handlingsOf('ct1', history);
    // Assert
    expect(handlings.map((h) => [h.agentId, h.startedAt, h.outcome, h.closedAt])).toEqual([
      ['anna', at('00:05'), 'missed', at('00:25')],
      ['boris', at('00:30'), 'transferred', at('02:00')],
      ['anna', at('02:10'), 'offered', undefined],
    ]);
  });

  it('ends the agent’s handling when a supervisor takes the chat over, and starts the supervisor’s, connected', () => {
    // Arrange
    const history = [step('new', 'queued', '00:00'), step('queued', 'offered', '00:05', 'anna'), step('offered', 'connected', '00:10', 'anna'), step('connected', 'connected', '01:00', 'oleg', 'taken over by Олег from anna'), step('connected', 'closed', '02:00', 'oleg')];
    // Act / Assert
    expect(handlingsOf('ct1', history)).toEqual([
      { agentId: 'anna', contactId: 'ct1', startedAt: at('00:05'), offeredAt: at('00:05'), connectedAt: at('00:10'), closedAt: at('01:00'), outcome: 'taken-over' },
      { agentId: 'oleg', contactId: 'ct1', startedAt: at('01:00'), connectedAt: at('01:00'), closedAt: at('02:00'), outcome: 'completed' },
    ]);
  });

  it('records a customer who left while the offer rang as abandoned, and nothing for one who left the queue', () => {
    // Arrange
    const rang = [step('new', 'queued', '00:00'), step('queued', 'offered', '00:05', 'anna'), step('offered', 'abandoned', '00:08', 'anna')];
    const waited = [step('new', 'queued', '00:00'), step('queued', 'abandoned', '00:08')];
    // Act / Assert
    expect(handlingsOf('ct1', rang).map((h) => h.outcome)).toEqual(['abandoned']);
    expect(handlingsOf('ct1', waited)).toEqual([]);
  });
});

describe('changedHandlings', () => {
  const offered = [step('new', 'queued', '00:00'), step('queued', 'offered', '00:05', 'anna')];
  const connected = [...offered, step('offered', 'connected', '00:10', 'anna')];

  it('gives the handling a change started, with the contact’s channel, queue and version, marked new', () => {
    // Act
    const changed = changedHandlings(contact(offered.slice(0, 1)), contact(offered, { status: 'offered', version: 2 }));
    // Assert
    expect(changed).toEqual([{ isNew: true, entry: { agentId: 'anna', contactId: 'ct1', startedAt: at('00:05'), offeredAt: at('00:05'), outcome: 'offered', channel: 'telegram', queueId: 'support', contactVersion: 2 } }]);
  });

  it('gives nothing for a change that moved no handling (a supervisor joined, a note was added)', () => {
    // Act / Assert
    expect(changedHandlings(contact(connected), contact(connected, { version: 9 }))).toEqual([]);
  });

  it('keeps the queue a handling had when the change that ends it is a transfer into another queue', () => {
    // Arrange
    const before = contact(connected, { status: 'connected', queueId: 'support' });
    const after = contact([...connected, step('connected', 'transferred', '01:00', 'anna'), step('transferred', 'queued', '01:00')], { status: 'queued', queueId: 'sales' });
    // Act
    const [changed] = changedHandlings(before, after);
    // Assert
    expect(changed).toMatchObject({ isNew: false, entry: { outcome: 'transferred', queueId: 'support', closedAt: at('01:00') } });
  });

  it('gives every handling of a contact first seen already handled (an image older than this log)', () => {
    // Act
    const changed = changedHandlings(undefined, contact(connected, { status: 'connected' }));
    // Assert
    expect(changed.map((c) => [c.entry.outcome, c.isNew])).toEqual([['connected', true]]);
  });
});
