import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../errors.ts';
import { holdSeconds, isOnHold, setCallHold } from './call-hold.ts';
import type { Contact } from './model.ts';
import { moveContact } from './move-contact.ts';

const t0 = new Date('2026-12-02T10:00:00.000Z');
const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const call: Contact = {
  tenantId: 't', contactId: 'c1', queueId: 'q', channel: 'voice', status: 'connected', agentId: 'anna',
  enqueuedAt: t0.toISOString(), statusSince: t0.toISOString(), connectedAt: t0.toISOString(), createdAt: t0.toISOString(),
  priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 3,
};

describe('call hold', () => {
  it('opens a hold period for the connected agent and bumps the version once', () => {
    // Act
    const held = setCallHold(call, 'anna', true, after(10));
    // Assert
    expect(held).toMatchObject({ hold: { since: after(10).toISOString(), totalSeconds: 0, count: 1 }, version: 4 });
    expect(isOnHold(held!)).toBe(true);
  });

  it('adds each closed period to the total and counts the holds', () => {
    // Arrange
    const first = setCallHold(call, 'anna', true, after(10))!;
    const back = setCallHold(first, 'anna', false, after(25))!;
    // Act
    const again = setCallHold(back, 'anna', true, after(40))!;
    const resumed = setCallHold(again, 'anna', false, after(45))!;
    // Assert
    expect(back.hold).toEqual({ totalSeconds: 15, count: 1 });
    expect(resumed.hold).toEqual({ totalSeconds: 20, count: 2 });
    expect(isOnHold(resumed)).toBe(false);
  });

  it('changes nothing when the call already is as asked (a repeated hold or resume)', () => {
    // Arrange
    const held = setCallHold(call, 'anna', true, after(10))!;
    // Act / Assert
    expect(setCallHold(held, 'anna', true, after(20))).toBeUndefined();
    expect(setCallHold(call, 'anna', false, after(20))).toBeUndefined();
  });

  it('refuses another agent, a call not connected and a chat', () => {
    // Act / Assert
    expect(() => setCallHold(call, 'boris', true, after(1))).toThrow(ForbiddenError);
    expect(() => setCallHold({ ...call, status: 'after-contact-work' }, 'anna', true, after(1))).toThrow(ConflictError);
    expect(() => setCallHold({ ...call, channel: 'telegram' }, 'anna', true, after(1))).toThrow(ConflictError);
  });

  it('counts the open period in the hold time so far', () => {
    // Arrange
    const held = setCallHold(setCallHold(setCallHold(call, 'anna', true, after(0))!, 'anna', false, after(30))!, 'anna', true, after(60))!;
    // Act / Assert
    expect(holdSeconds(held.hold, after(75))).toBe(45);
    expect(holdSeconds(undefined, after(75))).toBe(0);
  });

  it('closes the open hold period when the call ends on hold', () => {
    // Arrange
    const held = setCallHold(call, 'anna', true, after(10))!;
    // Act
    const ended = moveContact(held, [['after-contact-work', { at: after(70), reason: 'ended' }]]);
    // Assert
    expect(ended.hold).toEqual({ totalSeconds: 60, count: 1 });
  });
});
