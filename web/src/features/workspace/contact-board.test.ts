import { describe, expect, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import { activeOf, applyContact, applyContactList, EMPTY_BOARD, isHeldBy, offersOf } from './contact-board.ts';

const contact = (contactId: string, overrides: Partial<Contact> = {}): Contact => ({
  tenantId: 't',
  contactId,
  queueId: 'sales',
  channel: 'telegram',
  status: 'offered',
  agentId: 'me',
  enqueuedAt: '2026-03-05T10:00:00Z',
  statusSince: '2026-03-05T10:00:05Z',
  createdAt: '2026-03-05T10:00:00Z',
  priority: 0,
  requiredSkills: [],
  excludedAgentIds: [],
  history: [],
  version: 2,
  ...overrides,
});

describe('isHeldBy', () => {
  it('holds offered, connected and wrapping contacts of the agent only', () => {
    expect(isHeldBy(contact('a'), 'me')).toBe(true);
    expect(isHeldBy(contact('a', { status: 'after-contact-work' }), 'me')).toBe(true);
    expect(isHeldBy(contact('a', { status: 'closed' }), 'me')).toBe(false);
    expect(isHeldBy(contact('a', { agentId: 'other' }), 'me')).toBe(false);
  });
});

describe('applyContact', () => {
  it('adds an offer with the deadline its push named', () => {
    // Act
    const board = applyContact(EMPTY_BOARD, contact('a'), 'me', '2026-03-05T10:00:25Z');
    // Assert
    expect(board.held.get('a')).toMatchObject({ expiresAt: '2026-03-05T10:00:25Z', contact: { status: 'offered' } });
  });

  it('keeps the offer deadline when the same version arrives again without one, and adds it when it comes later', () => {
    // Arrange
    const withoutDeadline = applyContact(EMPTY_BOARD, contact('a'), 'me');
    // Act
    const withDeadline = applyContact(withoutDeadline, contact('a'), 'me', '2026-03-05T10:00:25Z');
    const repeated = applyContact(withDeadline, contact('a'), 'me');
    // Assert
    expect(withDeadline.held.get('a')?.expiresAt).toBe('2026-03-05T10:00:25Z');
    expect(repeated).toBe(withDeadline);
  });

  it('moves an accepted offer to the active list and drops the deadline', () => {
    const offered = applyContact(EMPTY_BOARD, contact('a'), 'me', '2026-03-05T10:00:25Z');
    const connected = applyContact(offered, contact('a', { status: 'connected', version: 3 }), 'me');
    expect(offersOf(connected)).toEqual([]);
    expect(activeOf(connected).map((c) => c.contactId)).toEqual(['a']);
    expect(connected.held.get('a')?.expiresAt).toBeUndefined();
  });

  it('drops a contact that closed or went to someone else, and never brings it back from a late push', () => {
    // Arrange
    const connected = applyContact(EMPTY_BOARD, contact('a', { status: 'connected', version: 3 }), 'me');
    // Act
    const closed = applyContact(connected, contact('a', { status: 'closed', version: 5 }), 'me');
    const late = applyContact(closed, contact('a', { status: 'after-contact-work', version: 4 }), 'me');
    // Assert
    expect(closed.held.has('a')).toBe(false);
    expect(late).toBe(closed);
  });
});

describe('applyContactList', () => {
  it('takes the listed contacts and names those it did not list, to be re-read', () => {
    // Arrange: one contact known from a push, not (yet) in the list
    const board = applyContact(EMPTY_BOARD, contact('pushed'), 'me', '2026-03-05T10:00:25Z');
    // Act
    const { board: next, unlisted } = applyContactList(board, [contact('listed', { status: 'connected' })], 'me');
    // Assert
    expect([...next.held.keys()].sort()).toEqual(['listed', 'pushed']);
    expect(unlisted).toEqual(['pushed']);
  });
});

describe('offersOf and activeOf', () => {
  it('orders offers by deadline and active contacts connected first, longest waiting first', () => {
    let board = EMPTY_BOARD;
    board = applyContact(board, contact('late', { contactId: 'late' }), 'me', '2026-03-05T10:00:40Z');
    board = applyContact(board, contact('soon'), 'me', '2026-03-05T10:00:20Z');
    board = applyContact(board, contact('wrap', { status: 'after-contact-work', enqueuedAt: '2026-03-05T09:00:00Z' }), 'me');
    board = applyContact(board, contact('new', { status: 'connected', enqueuedAt: '2026-03-05T10:05:00Z' }), 'me');
    board = applyContact(board, contact('old', { status: 'connected', enqueuedAt: '2026-03-05T09:30:00Z' }), 'me');
    expect(offersOf(board).map((h) => h.contact.contactId)).toEqual(['soon', 'late']);
    expect(activeOf(board).map((c) => c.contactId)).toEqual(['old', 'new', 'wrap']);
  });
});
