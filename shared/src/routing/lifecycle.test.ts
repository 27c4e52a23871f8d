import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from './errors.ts';
import { CONTACT_TRANSITIONS, isAfterContactWorkOver, isOfferExpired, transitionContact } from './lifecycle.ts';
import { ContactStatusSchema } from './model.ts';
import { NOW, ago, makeContact, makeQueue } from './test-fixtures.ts';

const at = NOW;

describe('transitionContact', () => {
  it('offers a queued contact to an agent and records the move', () => {
    // Arrange
    const contact = makeContact();
    // Act
    const { contact: next, record } = transitionContact(contact, 'offered', { at, agentId: 'a1', reason: 'routed' });
    // Assert
    expect(next).toMatchObject({ status: 'offered', agentId: 'a1', statusSince: at.toISOString() });
    expect(record).toEqual({ contactId: 'c1', from: 'queued', to: 'offered', at: at.toISOString(), reason: 'routed', agentId: 'a1' });
    expect(contact.status).toBe('queued');
  });

  it('stamps connectedAt when the agent answers', () => {
    // Arrange
    const offered = makeContact({ status: 'offered', agentId: 'a1' });
    // Act
    const { contact } = transitionContact(offered, 'connected', { at, agentId: 'a1' });
    // Assert
    expect(contact.connectedAt).toBe(at.toISOString());
  });

  it('excludes the agent who missed the offer and returns the contact to the queue', () => {
    // Arrange
    const offered = makeContact({ status: 'offered', agentId: 'a1', excludedAgentIds: ['a0'] });
    // Act
    const missed = transitionContact(offered, 'missed', { at, reason: 'offer-timeout' });
    const requeued = transitionContact(missed.contact, 'queued', { at });
    // Assert
    expect(missed.record).toMatchObject({ from: 'offered', to: 'missed', agentId: 'a1', reason: 'offer-timeout' });
    expect(requeued.contact).toMatchObject({ status: 'queued', excludedAgentIds: ['a0', 'a1'] });
    expect(requeued.contact.agentId).toBeUndefined();
    expect(requeued.contact.enqueuedAt).toBe(offered.enqueuedAt);
  });

  it('re-queues a transferred contact in the target queue with a fresh wait', () => {
    // Arrange
    const connected = makeContact({ status: 'connected', agentId: 'a1', connectedAt: ago(5), excludedAgentIds: ['a0'] });
    // Act
    const transferred = transitionContact(connected, 'transferred', { at }).contact;
    const { contact } = transitionContact(transferred, 'queued', { at, queueId: 'q2' });
    // Assert
    expect(contact).toMatchObject({ status: 'queued', queueId: 'q2', enqueuedAt: at.toISOString(), excludedAgentIds: [] });
    expect(contact.agentId).toBeUndefined();
    expect(contact.connectedAt).toBeUndefined();
  });

  it.each([
    ['an offer without an agent', makeContact(), 'offered', {}],
    ['an offer to an agent who missed it', makeContact({ excludedAgentIds: ['a1'] }), 'offered', { agentId: 'a1' }],
    ['a connect by another agent', makeContact({ status: 'offered', agentId: 'a1' }), 'connected', { agentId: 'a2' }],
    ['a re-queue after transfer without a queue', makeContact({ status: 'transferred' }), 'queued', {}],
  ] as const)('rejects %s', (_, contact, to, options) => {
    // Act
    const act = () => transitionContact(contact, to, { at, ...options });
    // Assert
    expect(act).toThrow(InvalidTransitionError);
  });

  it('throws InvalidTransitionError for every move outside the table, and allows every move inside it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ContactStatusSchema.options), fc.constantFrom(...ContactStatusSchema.options), (from, to) => {
        // Arrange
        const contact = makeContact({ status: from, agentId: 'a1' });
        const options = { at, agentId: to === 'offered' ? 'a2' : undefined, queueId: 'q2' };
        // Act
        const act = () => transitionContact(contact, to, options);
        // Assert
        if (CONTACT_TRANSITIONS[from].includes(to)) expect(act().record).toMatchObject({ from, to });
        else expect(act).toThrow(InvalidTransitionError);
      }),
    );
  });

  it('carries the contact, states and reason in the error details', () => {
    // Arrange
    const closed = makeContact({ status: 'closed' });
    // Act
    const error = (() => {
      try {
        transitionContact(closed, 'queued', { at });
      } catch (e) {
        return e as InvalidTransitionError;
      }
    })();
    // Assert
    expect(error).toMatchObject({ code: 'invalid_transition', status: 409, details: { contactId: 'c1', from: 'closed', to: 'queued' } });
  });
});

describe('isOfferExpired / isAfterContactWorkOver', () => {
  it('expires an offer once the queue offer timeout has passed', () => {
    // Arrange
    const queue = makeQueue({ offerTimeoutSeconds: 20 });
    // Act + Assert
    expect(isOfferExpired(makeContact({ status: 'offered', statusSince: ago(19) }), queue, NOW)).toBe(false);
    expect(isOfferExpired(makeContact({ status: 'offered', statusSince: ago(20) }), queue, NOW)).toBe(true);
    expect(isOfferExpired(makeContact({ status: 'queued', statusSince: ago(99) }), queue, NOW)).toBe(false);
  });

  it('defaults the offer timeout to 20 seconds', () => {
    // Act + Assert
    expect(makeQueue().offerTimeoutSeconds).toBe(20);
  });

  it('ends after-contact work once the queue allowance has passed', () => {
    // Arrange
    const queue = makeQueue({ afterContactWorkSeconds: 30 });
    // Act + Assert
    expect(isAfterContactWorkOver(makeContact({ status: 'after-contact-work', statusSince: ago(29) }), queue, NOW)).toBe(false);
    expect(isAfterContactWorkOver(makeContact({ status: 'after-contact-work', statusSince: ago(30) }), queue, NOW)).toBe(true);
  });
});
