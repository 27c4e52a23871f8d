import { describe, expect, it } from 'vitest';
import { datesOf, rangeOf, suggestedInterval } from './report-range.ts';
import { formatMetric } from './metric-format.ts';

const NOW = new Date('2026-12-03T21:30:00.000Z'); // 00:30 on 4 December in Moscow

describe('report periods', () => {
  it('cuts presets at the tenant’s midnights, not the browser’s', () => {
    expect(rangeOf('today', NOW, 'Europe/Moscow')).toEqual({ from: '2026-12-03T21:00:00.000Z', to: '2026-12-04T21:00:00.000Z' });
    expect(rangeOf('yesterday', NOW, 'Europe/Moscow')).toEqual({ from: '2026-12-02T21:00:00.000Z', to: '2026-12-03T21:00:00.000Z' });
    expect(rangeOf('last7', NOW, 'Europe/Moscow').from).toBe('2026-11-27T21:00:00.000Z'); // 28 November to 4 December
    expect(rangeOf('thisMonth', NOW, 'Europe/Moscow').from).toBe('2026-11-30T21:00:00.000Z');
    expect(rangeOf('today', NOW, 'America/New_York')).toEqual({ from: '2026-12-03T05:00:00.000Z', to: '2026-12-04T05:00:00.000Z' });
  });

  it('takes a custom range of local dates, either way round, both days included', () => {
    const range = rangeOf('custom', NOW, 'Europe/Moscow', { from: '2026-12-02', to: '2026-11-30' });
    expect(range).toEqual({ from: '2026-11-29T21:00:00.000Z', to: '2026-12-02T21:00:00.000Z' });
    expect(datesOf(range, 'Europe/Moscow')).toEqual({ from: '2026-11-30', to: '2026-12-02' });
  });

  it('suggests hours for a day, days for a month and weeks beyond', () => {
    expect(suggestedInterval(rangeOf('today', NOW, 'Europe/Moscow'))).toBe('hour');
    expect(suggestedInterval(rangeOf('last30', NOW, 'Europe/Moscow'))).toBe('day');
    expect(suggestedInterval({ from: '2026-01-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' })).toBe('week');
  });
});

describe('metric values', () => {
  it('formats by unit and shows no data as a dash', () => {
    expect(formatMetric(12345, 'count', 'en')).toBe('12,345');
    expect(formatMetric(3725.4, 'seconds', 'ru')).toBe('1:02:05');
    expect(formatMetric(83.4, 'percent', 'en')).toBe('83%');
    expect(formatMetric(4.25, 'score', 'ru')).toBe('4,3');
    expect(formatMetric(null, 'score', 'ru')).toBe('—');
  });
});
