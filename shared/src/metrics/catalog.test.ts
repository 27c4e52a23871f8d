import { describe, expect, it } from 'vitest';
import { METRIC_CATALOG } from './catalog/index.ts';
import { evaluate, formulaText, measuresOf } from './formula.ts';
import { MAX_MEASURES, SUM_MEASURES, BREAK_MEASURES } from './values.ts';

const REQUIRED = [
  'contacts_waiting', 'oldest_contact_age', 'contacts_queued', 'contacts_offered', 'contacts_handled', 'contacts_abandoned', 'abandonment_rate',
  'short_abandons', 'service_level', 'average_speed_of_answer', 'max_queue_wait', 'average_queue_wait', 'average_handle_time', 'average_talk_time',
  'average_chat_time', 'average_hold_time', 'average_after_contact_work_time', 'contacts_transferred_in', 'contacts_transferred_out', 'missed_offers',
  'offer_acceptance_rate', 'occupancy', 'utilisation', 'time_available', 'time_on_break', 'first_contact_resolution', 'repeat_contacts',
  'callbacks_requested', 'callbacks_completed', 'first_response_time', 'average_response_time', 'messages_in', 'messages_out',
  'contacts_out_of_hours', 'csat_average', 'nps',
];

describe('the metric catalog', () => {
  it('holds at least 50 metrics with unique snake_case ids, including every one the product promises', () => {
    const ids = METRIC_CATALOG.map((m) => m.id);
    expect(ids.length).toBeGreaterThanOrEqual(50);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('names and describes every metric in Russian and English, with a dimension', () => {
    for (const m of METRIC_CATALOG) {
      expect([m.id, m.name.ru.length > 0 && m.name.en.length > 0 && m.description.ru.length > 0 && m.description.en.length > 0]).toEqual([m.id, true]);
      expect([m.id, /[а-яё]/i.test(m.name.ru + m.description.ru), /[а-яё]/i.test(m.name.en + m.description.en)]).toEqual([m.id, true, false]);
      expect(m.dimensions).toContain('tenant');
    }
  });

  it('reads only known measures, and a percent is a ratio scaled by 100', () => {
    const known = new Set<string>([...SUM_MEASURES, ...MAX_MEASURES, ...BREAK_MEASURES]);
    for (const m of METRIC_CATALOG) {
      if (m.source !== 'interval') continue;
      for (const measure of measuresOf(m.formula)) expect([m.id, known.has(measure)]).toEqual([m.id, true]);
      if (m.unit === 'percent') expect([m.id, 'ratio' in m.formula && m.formula.scale === 100]).toEqual([m.id, true]);
    }
  });
});

describe('formulas', () => {
  it('sums, divides and takes maxima; an empty denominator is no data', () => {
    expect(evaluate({ sum: ['handled', '-removed'] }, { handled: 5, removed: 2 })).toBe(3);
    expect(evaluate({ ratio: ['abandoned'], over: ['handled', 'abandoned'], scale: 100 }, { abandoned: 1, handled: 3 })).toBe(25);
    expect(evaluate({ ratio: ['surveyScore'], over: ['surveys'] }, {})).toBeNull();
    expect(evaluate({ max: 'maxQueueWaitSeconds' }, {})).toBeNull();
    expect(evaluate({ max: 'maxQueueWaitSeconds' }, { maxQueueWaitSeconds: 42 })).toBe(42);
  });

  it('writes the formula in words of its measures', () => {
    expect(formulaText({ ratio: ['answeredInTime'], over: ['handled', 'abandonedLate'], scale: 100 })).toBe('100 × answeredInTime ÷ (handled + abandonedLate)');
    expect(formulaText({ ratio: ['promoters', '-detractors'], over: ['surveys'], scale: 100 })).toBe('100 × (promoters − detractors) ÷ surveys');
    expect(formulaText({ max: 'maxQueueWaitSeconds' })).toBe('max(maxQueueWaitSeconds)');
  });
});
