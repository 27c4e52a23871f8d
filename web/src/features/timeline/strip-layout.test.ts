import { describe, expect, it } from 'vitest';
import type { AgentTimeline, TimelineContact } from '@cc/shared/timeline/values';
import { layoutStrip, MIN_CONTACT_WIDTH } from './strip-layout.ts';

const msk = (hhmm: string) => new Date(`2026-03-15T${hhmm}:00.000+03:00`).toISOString();
const chat = (contactId: string, from: string, to?: string): TimelineContact => ({ contactId, channel: 'telegram', queueId: 'support', offeredAt: from, connectedAt: from, ...(to && { closedAt: to }), outcome: to ? 'completed' : 'connected' });
const day = (overrides: Partial<AgentTimeline> = {}): AgentTimeline => ({
  agentId: 'anna', date: '2026-03-15', timeZone: 'Europe/Moscow', dayStart: msk('00:00'), dayEnd: '2026-03-15T21:00:00.000Z', until: msk('12:00'),
  segments: [{ status: 'offline', from: msk('00:00'), to: msk('06:00') }, { status: 'available', from: msk('06:00'), to: msk('12:00') }],
  contacts: [], totals: { secondsByStatus: { available: 0, busy: 0, 'after-contact-work': 0, break: 0, offline: 0 } }, ...overrides,
});

describe('layoutStrip', () => {
  it('places each segment by its share of the day', () => {
    // Act
    const { segments } = layoutStrip(day());
    // Assert
    expect(segments.map((s) => [s.status, s.left, s.width])).toEqual([['offline', 0, 25], ['available', 25, 25]]);
  });

  it('marks now on today’s strip and nowhere on a day that is over', () => {
    // Act / Assert
    expect(layoutStrip(day()).now).toBe(50);
    expect(layoutStrip(day({ until: '2026-03-15T21:00:00.000Z' })).now).toBeUndefined();
  });

  it('marks every hour of the day, 25 of them on the day the clocks go back', () => {
    // Act
    const moscow = layoutStrip(day());
    const berlin = layoutStrip(day({ timeZone: 'Europe/Berlin', dayStart: '2026-10-24T22:00:00.000Z', dayEnd: '2026-10-25T23:00:00.000Z', until: '2026-10-25T23:00:00.000Z', segments: [] }));
    // Assert
    expect(moscow.ticks).toHaveLength(24);
    expect(moscow.ticks[6]).toEqual({ at: msk('06:00'), left: 25 });
    expect(berlin.ticks).toHaveLength(25);
  });

  it('stacks contacts that overlap on separate lanes and reuses a lane once it is free', () => {
    // Arrange
    const contacts = [chat('a', msk('09:00'), msk('10:00')), chat('b', msk('09:30'), msk('09:40')), chat('c', msk('10:30'))];
    // Act
    const layout = layoutStrip(day({ contacts }));
    // Assert
    expect(layout.contacts.map((c) => [c.contact.contactId, c.lane])).toEqual([['a', 0], ['b', 1], ['c', 0]]);
    expect(layout.lanes).toBe(2);
    // The open chat runs until now.
    expect(layout.contacts[2]).toMatchObject({ to: msk('12:00'), width: (1.5 / 24) * 100 });
  });

  it('keeps a contact of a few seconds visible', () => {
    // Act
    const [placed] = layoutStrip(day({ contacts: [chat('short', msk('09:00'), '2026-03-15T06:00:03.000Z')] })).contacts;
    // Assert
    expect(placed!.width).toBe(MIN_CONTACT_WIDTH);
  });
});
