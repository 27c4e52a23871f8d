import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENT_STATUSES, BREAK_REASONS, type AgentStatus } from '../agents/values.ts';
import { buildSegments, secondsByStatus } from './segments.ts';
import type { StatusEntry, TimelineSegment } from './values.ts';

const DAY = { from: new Date('2026-03-14T21:00:00.000Z'), until: new Date('2026-03-15T21:00:00.000Z') };
const at = (hhmm: string) => new Date(`2026-03-15T${hhmm}:00.000+03:00`).toISOString();
let version = 0;
const entry = (since: string, status: AgentStatus, breakReason?: StatusEntry['breakReason']): StatusEntry => ({ agentId: 'anna', status, ...(breakReason && { breakReason }), since, version: ++version });

describe('buildSegments', () => {
  it('fills the day from the entries: offline before the first, each status until the next, the last until the end', () => {
    // Arrange
    const entries = [entry(at('09:00'), 'available'), entry(at('09:30'), 'busy'), entry(at('10:00'), 'break', 'lunch'), entry(at('11:00'), 'available')];
    // Act
    const segments = buildSegments(entries, { from: DAY.from, until: new Date(at('12:00')) });
    // Assert
    expect(segments).toEqual([
      { status: 'offline', from: DAY.from.toISOString(), to: at('09:00') },
      { status: 'available', from: at('09:00'), to: at('09:30') },
      { status: 'busy', from: at('09:30'), to: at('10:00') },
      { status: 'break', breakReason: 'lunch', from: at('10:00'), to: at('11:00') },
      { status: 'available', from: at('11:00'), to: at('12:00') },
    ]);
  });

  it('starts the day with the status in force at midnight, from an entry of the day before', () => {
    // Arrange
    const entries = [entry('2026-03-14T15:00:00.000Z', 'break', 'technical'), entry('2026-03-14T18:00:00.000Z', 'available'), entry(at('08:00'), 'offline')];
    // Act
    const segments = buildSegments(entries, { from: DAY.from, until: new Date(at('09:00')) });
    // Assert
    expect(segments).toEqual([
      { status: 'available', from: DAY.from.toISOString(), to: at('08:00') },
      { status: 'offline', from: at('08:00'), to: at('09:00') },
    ]);
  });

  it('ignores entries after the end of the window and has no segments in a window not begun', () => {
    // Arrange
    const entries = [entry(at('09:00'), 'available'), entry(at('15:00'), 'break', 'lunch')];
    // Act / Assert
    expect(buildSegments(entries, { from: DAY.from, until: new Date(at('10:00')) }).at(-1)).toEqual({ status: 'available', from: at('09:00'), to: at('10:00') });
    expect(buildSegments(entries, { from: DAY.from, until: DAY.from })).toEqual([]);
  });

  it('keeps breaks with different reasons apart and merges a status repeated across entries', () => {
    // Arrange
    const entries = [entry(at('09:00'), 'break', 'lunch'), entry(at('09:10'), 'break', 'meeting'), entry(at('09:20'), 'offline'), entry(at('09:30'), 'offline')];
    // Act
    const segments = buildSegments(entries, { from: new Date(at('09:00')), until: new Date(at('10:00')) });
    // Assert
    expect(segments.map((s) => `${s.status}${s.breakReason ? `:${s.breakReason}` : ''}`)).toEqual(['break:lunch', 'break:meeting', 'offline']);
  });

  it('lets the later version win when two entries begin at the same instant', () => {
    // Arrange
    const first: StatusEntry = { agentId: 'anna', status: 'break', breakReason: 'lunch', since: at('09:00'), version: 7 };
    const later: StatusEntry = { ...first, status: 'available', breakReason: undefined, version: 8 };
    // Act / Assert
    expect(buildSegments([later, first], { from: new Date(at('09:00')), until: new Date(at('10:00')) })).toEqual([{ status: 'available', from: at('09:00'), to: at('10:00') }]);
  });
});

describe('secondsByStatus', () => {
  it('adds up whole seconds per status and lists every status', () => {
    // Arrange
    const segments: TimelineSegment[] = [
      { status: 'available', from: at('09:00'), to: at('09:30') },
      { status: 'break', breakReason: 'lunch', from: at('09:30'), to: at('10:00') },
      { status: 'available', from: at('10:00'), to: at('10:05') },
    ];
    // Act / Assert
    expect(secondsByStatus(segments)).toEqual({ available: 2100, busy: 0, 'after-contact-work': 0, break: 1800, offline: 0 });
  });
});

describe('buildSegments, for any entries', () => {
  const start = DAY.from.getTime();
  const span = DAY.until.getTime() - start;
  // Entries from 6 hours before the day to 2 hours after it, in any order, some repeated (a redelivered stream record).
  const entryArb = fc.record({
    offset: fc.integer({ min: -6 * 3_600_000, max: span + 2 * 3_600_000 }),
    status: fc.constantFrom(...AGENT_STATUSES),
    reason: fc.constantFrom(...BREAK_REASONS),
    version: fc.integer({ min: 1, max: 1000 }),
  }).map(({ offset, status, reason, version: v }): StatusEntry => ({ agentId: 'anna', status, ...(status === 'break' && { breakReason: reason }), since: new Date(start + offset).toISOString(), version: v }));
  const entriesArb = fc.array(entryArb, { maxLength: 30 }).chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries)));
  const untilArb = fc.integer({ min: 1, max: span }).map((ms) => new Date(start + ms));

  /** The oracle: the status of the newest entry at or before `t` (the higher version at one instant), offline before any. */
  const statusAt = (entries: StatusEntry[], t: number) => {
    const order = (e: StatusEntry) => [Date.parse(e.since), e.version, e.status, e.breakReason ?? ''] as const;
    const before = (a: StatusEntry, b: StatusEntry) => {
      const [x, y] = [order(a), order(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    };
    const known = entries.filter((e) => Date.parse(e.since) <= t).sort(before);
    const last = known.at(-1);
    return last ? `${last.status}${last.status === 'break' ? `:${last.breakReason}` : ''}` : 'offline';
  };

  it('covers the window without gaps or overlaps, no two neighbours alike, and totals add up to it', () => {
    fc.assert(fc.property(entriesArb, untilArb, ([entries], until) => {
      const segments = buildSegments(entries, { from: DAY.from, until });
      expect(segments[0]!.from).toBe(DAY.from.toISOString());
      expect(segments.at(-1)!.to).toBe(until.toISOString());
      for (const [i, segment] of segments.entries()) {
        expect(Date.parse(segment.to)).toBeGreaterThan(Date.parse(segment.from));
        const next = segments[i + 1];
        if (next) {
          expect(next.from).toBe(segment.to);
          expect(`${next.status}:${next.breakReason}`).not.toBe(`${segment.status}:${segment.breakReason}`);
        }
      }
      const total = Object.values(secondsByStatus(segments)).reduce((a, b) => a + b, 0);
      expect(Math.abs(total - (until.getTime() - start) / 1000)).toBeLessThanOrEqual(AGENT_STATUSES.length);
    }));
  });

  it('shows at every instant the status of the latest entry at or before it', () => {
    fc.assert(fc.property(entriesArb, untilArb, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), ([entries], until, fraction) => {
      const t = start + Math.floor(fraction * (until.getTime() - start));
      const segment = buildSegments(entries, { from: DAY.from, until }).find((s) => Date.parse(s.from) <= t && t < Date.parse(s.to))!;
      expect(`${segment.status}${segment.breakReason ? `:${segment.breakReason}` : ''}`).toBe(statusAt(entries, t));
    }));
  });

  it('gives the same strip for the entries in any order and with any of them repeated', () => {
    fc.assert(fc.property(entriesArb, untilArb, ([entries, repeated], until) => {
      const shuffled = [...repeated, ...entries].reverse();
      expect(buildSegments(shuffled, { from: DAY.from, until })).toEqual(buildSegments(entries, { from: DAY.from, until }));
    }));
  });
});
