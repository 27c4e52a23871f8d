import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localTime, offsetMinutes } from './values.ts';

/** What Intl itself says, unhurried: the reference the cached arithmetic must agree with. */
function intlTime(at: Date, timeZone: string) {
  const part: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at)) part[p.type] = p.value;
  return { date: `${part['year']}-${part['month']}-${part['day']}`, weekday: part['weekday']!.toLowerCase(), time: `${part['hour']}:${part['minute']}` };
}

const ZONES = ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];

describe('wall-clock time', () => {
  it('agrees with Intl for any instant in zones with DST, half- and quarter-hour offsets', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true }), fc.constantFrom(...ZONES), (at, zone) => {
      expect(localTime(at, zone)).toEqual(intlTime(at, zone));
    }), { numRuns: 2000 });
  });

  it('knows the offset on both sides of a daylight-saving change', () => {
    expect(offsetMinutes(new Date('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(new Date('2026-12-03T10:00:00Z'), 'Asia/Kathmandu')).toBe(345);
  });
});
