// A scripted day (test-day.ts) folded into aggregates and read back as a day report: every metric of the catalog
// against a value worked out by hand from the script. Times are UTC; the tenant's day is Moscow's.
import { describe, expect, it } from 'vitest';
import { INTERVAL_METRICS, METRIC_CATALOG } from './catalog/index.ts';
import { eventsOf } from './events-of.ts';
import { applyEvents, EMPTY_AGGREGATES, type AggregateCell } from './fold.ts';
import { liveFigures, liveValue } from './live.ts';
import { buildReport, type StoredCell } from './report.ts';
import { readsDays } from './intervals.ts';
import { DAY, scriptedDay, TIME_ZONE } from './test-day.ts';
import type { GroupBy, ReportInterval } from './values.ts';

function storedCells(): StoredCell[] {
  let state = EMPTY_AGGREGATES;
  for (const record of scriptedDay().records) state = applyEvents(state, eventsOf(record), TIME_ZONE);
  return [...state.cells].map(([key, measures]) => ({ ...parseKey(key), measures }));
}

function parseKey(key: string): AggregateCell {
  const [dimension, value, period] = key.split('|') as [AggregateCell['dimension'], string, string];
  return { dimension, value, period: period.startsWith('I#') ? { kind: 'I', start: period.slice(2) } : { kind: 'D', date: period.slice(2) } };
}

function report(groupBy: GroupBy, interval: ReportInterval = 'day', range = { from: '2026-12-01T21:00:00.000Z', to: '2026-12-02T21:00:00.000Z' }) {
  const cells = readsDays(interval, { ...range, timeZone: TIME_ZONE }) ? 'D' : 'I';
  return buildReport(storedCells(), { groupBy, interval, cells, metrics: INTERVAL_METRICS, timeZone: TIME_ZONE, ...range });
}

// Worked out by hand from test-day.ts (the tenant, the whole day).
const TENANT_DAY: Record<string, number | null> = {
  contacts_arrived: 8, // c1–c8
  contacts_queued: 9, // the eight, and c6 again in support after its transfer
  contacts_offered: 6, // c1 anna; c2 boris, then anna; c6 anna, then boris; c7 anna
  contacts_handled: 5, // c1, c2, c6 twice (sales, then support), c7
  contacts_abandoned: 2, // c3 (5 s), c4 (70 min); c5 was removed by a supervisor
  abandonment_rate: (2 / 7) * 100,
  short_abandons: 1, // c3
  contacts_removed: 1, // c5
  contacts_replaced_by_callback: 0,
  service_level: (3 / 6) * 100, // in time: c1 10 s, c6 20 s (sales, 30 s), c7 20 s; late: c2 65 s, c6 30 s (support, 20 s); late abandon: c4
  average_speed_of_answer: (10 + 65 + 20 + 30 + 20) / 5,
  max_queue_wait: 4200, // c4
  average_queue_wait: (10 + 65 + 20 + 30 + 20 + 5 + 4200 + 60) / 8,
  average_abandon_wait: (5 + 4200) / 2,
  contacts_transferred_in: 1,
  contacts_transferred_out: 1,
  contacts_out_of_hours: 1, // c4 at 08:00 Moscow, sales opens at 09:00
  contacts_closed: 4, // c1, c2, c6, c7
  average_handle_time: (360 + 300 + 360 + 240) / 4,
  average_talk_time: (270 + 180) / 2, // c2 300 s less 30 s on hold; c7 180 s
  average_chat_time: (300 + 300 + 300) / 3, // c1; c6 with anna, then with boris
  conversation_time: 270 + 180 + 900, // talk (c2, c7) and chats (c1, c6 twice)
  slowest_answer_time: 30, // calls rang 5 s (c2) and 10 s (c7); c1 first reply 30 s after anna accepted, c6 30 s after boris did
  average_hold_time: 30,
  contacts_put_on_hold: 1,
  average_after_contact_work_time: 60, // c1, c6, c7: 60 s each
  wrap_up_topic_coverage: 25, // c1 of four
  contacts_with_topic: 1,
  missed_offers: 1, // c2 by boris
  offer_acceptance_rate: (5 / 6) * 100,
  first_contact_resolution: 75, // c2 repeated by c8 within 24 h
  repeat_contacts: 1,
  contacts_taken_over: 0,
  contacts_monitored: 1, // c2
  occupancy: ((350 + 60) / (13_690 + 350 + 60)) * 100,
  utilisation: ((350 + 60) / (13_690 + 350 + 60 + 4200)) * 100,
  staffed_time: 13_690 + 350 + 60 + 4200,
  time_available: 11_100 + 2590, // anna 07:55→12:00 and 13:00→14:00 Moscow; boris's four spans
  time_busy: 30 + 320,
  time_in_after_contact_work: 60,
  time_on_break: 3600 + 600,
  time_on_break_lunch: 3600,
  time_on_break_training: 0,
  time_on_break_meeting: 0,
  time_on_break_technical: 600,
  time_on_break_personal: 0,
  messages_in: 3 + 2,
  messages_out: 2 + 2, // the system message is not a reply
  first_response_time: (40 + 30) / 2,
  average_response_time: (40 + 60 + 30 + 20) / 4, // c1: 40 s, then 07:01:00 → 07:02:00; c6: 30 s, 20 s
  callbacks_requested: 1,
  callbacks_completed: 1,
  callbacks_unreachable: 0,
  voicemails_left: 0,
  dial_attempts: 1,
  dial_answer_rate: 100,
  surveys_sent: 2, // c1 in the chat (unanswered), c2 on the keypad
  surveys_answered: 1,
  survey_response_rate: 50,
  csat_average: 5,
  csat_satisfied_share: 100,
  nps_answers: 1,
  nps: 100, // c2's 9: one promoter
};

describe('the scripted day', () => {
  it('has a hand-worked value for every interval metric of the catalog', () => {
    expect(Object.keys(TENANT_DAY).sort()).toEqual(INTERVAL_METRICS.map((m) => m.id).sort());
  });

  it('gives every metric its hand-worked value for the tenant’s day', () => {
    // Act
    const rows = report('tenant');
    // Assert
    expect(rows).toHaveLength(1);
    expect(rows[0]!.intervalStart).toBe(`${DAY}T00:00:00+03:00`);
    for (const [id, expected] of Object.entries(TENANT_DAY)) expect([id, rows[0]!.values[id]]).toEqual([id, expected === null ? null : expect.closeTo(expected, 6)]);
  });

  it('splits the figures per queue and per agent', () => {
    const byQueue = Object.fromEntries(report('queue').map((r) => [r.group.queueId, r.values]));
    expect(byQueue['sales']).toMatchObject({ contacts_arrived: 2, contacts_handled: 1, contacts_abandoned: 1, contacts_transferred_out: 1, contacts_out_of_hours: 1, service_level: 50, max_queue_wait: 4200 });
    expect(byQueue['support']).toMatchObject({ contacts_arrived: 6, contacts_queued: 7, contacts_transferred_in: 1, contacts_handled: 4, contacts_removed: 1, short_abandons: 1, repeat_contacts: 1, first_contact_resolution: 75 });
    const byAgent = Object.fromEntries(report('agent').map((r) => [r.group.agentId, r.values]));
    expect(byAgent['anna']).toMatchObject({ contacts_handled: 4, missed_offers: 0, conversation_time: 300 + 270 + 300 + 180, slowest_answer_time: 30, time_available: 11_100, time_on_break_lunch: 3600, csat_average: 5, occupancy: 0 });
    expect(byAgent['boris']).toMatchObject({ contacts_handled: 1, missed_offers: 1, conversation_time: 300, slowest_answer_time: 30, offer_acceptance_rate: 50, time_busy: 350, time_on_break_technical: 600 });
    expect(byAgent['boris']!['occupancy']).toBeCloseTo((410 / 3000) * 100, 6);
  });

  it('reports no data, never zero, where nothing was measured', () => {
    const byChannel = Object.fromEntries(report('channel').map((r) => [r.group.channel, r.values]));
    expect(byChannel['webchat']).toMatchObject({ contacts_abandoned: 1, csat_average: null, nps: null, average_handle_time: null, service_level: 0 });
    expect(byChannel['telegram']).toMatchObject({ messages_in: 3, first_response_time: 40, csat_average: null, surveys_sent: 1, survey_response_rate: 0, nps: null });
    expect(byChannel['voice']).toMatchObject({ surveys_sent: 1, surveys_answered: 1, survey_response_rate: 100, nps: 100 });
  });

  it('gives the same day from 15-minute and hourly buckets as from the day rollup', () => {
    const sum = (rows: ReturnType<typeof report>, id: string) => rows.reduce((total, r) => total + (r.values[id] ?? 0), 0);
    for (const interval of ['15m', 'hour'] as const) {
      const rows = report('tenant', interval);
      expect(rows).toHaveLength(interval === '15m' ? 96 : 24);
      for (const id of ['contacts_arrived', 'contacts_handled', 'time_available', 'messages_in', 'surveys_answered']) expect([interval, id, sum(rows, id)]).toEqual([interval, id, TENANT_DAY[id]]);
    }
    const busiest = report('tenant', 'hour').find((r) => r.intervalStart === `${DAY}T10:00:00+03:00`)!;
    expect(busiest.values['contacts_arrived']).toBe(5); // c1, c2, c3, c5, c6 between 10:00 and 11:00 Moscow (c7 came at 11:00)
  });

  it('totals a whole day from the day rollups and part of a day from its 15-minute cells', () => {
    const whole = report('queue', 'total');
    expect(whole.map((r) => [r.group.queueId, r.intervalStart, r.values['contacts_arrived']])).toEqual([['sales', `${DAY}T00:00:00+03:00`, 2], ['support', `${DAY}T00:00:00+03:00`, 6]]);
    const hour = report('tenant', 'total', { from: `${DAY}T07:00:00.000Z`, to: `${DAY}T08:00:00.000Z` });
    expect(hour).toHaveLength(1);
    expect(hour[0]!.values).toMatchObject({ contacts_arrived: 5, contacts_handled: 4, contacts_abandoned: 1, contacts_removed: 1 });
  });

  it('reads live metrics from the waiting contacts and the agents', () => {
    const { openContacts, agents } = scriptedDay();
    const figures = liveFigures(openContacts, agents, new Date(`${DAY}T09:10:00.000Z`), 'support');
    const live = Object.fromEntries(METRIC_CATALOG.filter((m) => m.source === 'live').map((m) => [m.id, liveValue(m, figures)]));
    expect(live).toEqual({ contacts_waiting: 1, oldest_contact_age: 600, contacts_in_progress: 0, agents_online: 0, agents_available: 0, agents_busy: 0, agents_in_after_contact_work: 0, agents_on_break: 0 });
  });
});

