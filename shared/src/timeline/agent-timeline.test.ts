import { describe, expect, it } from 'vitest';
import { agentTimeline } from './agent-timeline.ts';
import type { ContactEntry, StatusEntry } from './values.ts';

const msk = (hhmm: string, day = '15') => new Date(`2026-03-${day}T${hhmm}:00.000+03:00`).toISOString();
const status = (since: string, s: StatusEntry['status'], version: number, breakReason?: StatusEntry['breakReason']): StatusEntry => ({ agentId: 'anna', status: s, since, version, ...(breakReason && { breakReason }) });
const handled = (contactId: string, startedAt: string, closedAt?: string): ContactEntry => ({
  agentId: 'anna', contactId, channel: 'telegram', queueId: 'support', startedAt, offeredAt: startedAt, connectedAt: startedAt, ...(closedAt && { closedAt }), outcome: closedAt ? 'completed' : 'connected', contactVersion: 5,
});

describe('agentTimeline', () => {
  const statuses = [status(msk('09:00'), 'available', 2), status(msk('09:10'), 'busy', 3), status(msk('09:20'), 'available', 4), status(msk('10:00'), 'break', 5, 'lunch')];

  it('draws today up to now, with the open break running until now, and the totals of it', () => {
    // Act
    const day = agentTimeline({ agentId: 'anna', date: '2026-03-15', timeZone: 'Europe/Moscow', now: new Date(msk('10:30')), statuses, contacts: [] });
    // Assert
    expect(day).toMatchObject({ date: '2026-03-15', timeZone: 'Europe/Moscow', dayStart: msk('00:00'), dayEnd: msk('00:00', '16'), until: msk('10:30') });
    expect(day.segments.at(-1)).toEqual({ status: 'break', breakReason: 'lunch', from: msk('10:00'), to: msk('10:30') });
    expect(day.totals.secondsByStatus).toEqual({ offline: 9 * 3600, available: 50 * 60, busy: 600, 'after-contact-work': 0, break: 1800 });
  });

  it('draws a past day to its end', () => {
    // Act
    const day = agentTimeline({ agentId: 'anna', date: '2026-03-15', timeZone: 'Europe/Moscow', now: new Date(msk('08:00', '17')), statuses, contacts: [] });
    // Assert
    expect(day.until).toBe(msk('00:00', '16'));
    expect(day.segments.at(-1)).toEqual({ status: 'break', breakReason: 'lunch', from: msk('10:00'), to: msk('00:00', '16') });
  });

  it('lists the contacts that touch the day in the order they began, a chat from last night still open included', () => {
    // Arrange
    const contacts = [handled('ct-late', msk('09:12')), handled('ct-night', msk('23:50', '14')), handled('ct-yesterday', msk('20:00', '14'), msk('20:10', '14')), handled('ct-early', msk('09:11'), msk('09:15'))];
    // Act
    const day = agentTimeline({ agentId: 'anna', date: '2026-03-15', timeZone: 'Europe/Moscow', now: new Date(msk('10:30')), statuses, contacts });
    // Assert
    expect(day.contacts.map((c) => c.contactId)).toEqual(['ct-night', 'ct-early', 'ct-late']);
    expect(day.contacts[1]).toEqual({ contactId: 'ct-early', channel: 'telegram', queueId: 'support', offeredAt: msk('09:11'), connectedAt: msk('09:11'), closedAt: msk('09:15'), outcome: 'completed' });
  });

  it('has nothing yet for a day that has not begun', () => {
    // Act
    const day = agentTimeline({ agentId: 'anna', date: '2026-03-16', timeZone: 'Europe/Moscow', now: new Date(msk('10:30')), statuses, contacts: [handled('ct', msk('09:12'))] });
    // Assert
    expect([day.segments, day.contacts]).toEqual([[], []]);
  });
});
