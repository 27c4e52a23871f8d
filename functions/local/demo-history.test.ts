// The demo tenant's generated fortnight: the same every time for a date, shaped like a contact center's weeks
// (busy weekdays, lighter weekends, quiet nights), every contact handled only by agents who serve its queue, and
// every stored change turned into metric events by the stream's own functions.
import { describe, expect, it } from 'vitest';
import { datesBetween, localDate, localTime } from '@cc/shared/calendar/values';
import { mediaOf } from '@cc/shared/channels/catalog';
import { eventsOf } from '@cc/shared/metrics/events-of';
import type { MetricEvent } from '@cc/shared/metrics/events';
import { simulateDay } from '@cc/shared/metrics/history/simulate';
import { SHORT_ABANDON_SECONDS } from '@cc/shared/metrics/values';
import { DEMO_HISTORY_PROFILE, DEMO_HISTORY_SEED, demoHistoryDays, historyDates } from './demo-history.ts';
import { demoAgents, demoQueues } from './seed.ts';

const TZ = 'Europe/Moscow';
const setup = { tenantId: 'romashka', timeZone: TZ, agents: demoAgents('romashka', '2026-11-01T00:00:00.000Z'), queues: demoQueues('romashka') };
/** Two whole weeks, Monday to Sunday. */
const FORTNIGHT = datesBetween('2026-11-16', '2026-11-29');
const days = demoHistoryDays(FORTNIGHT, setup);
const eventsOfDay = (day: (typeof days)[number]) => day.changes.flatMap(eventsOf);
const total = (events: readonly MetricEvent[], measure: keyof MetricEvent['add']) => events.reduce((sum, e) => sum + (e.add[measure] ?? 0), 0);

describe('the demo history', () => {
  it('is the same for the same dates and seed, and another seed plays another day', () => {
    // Act
    const again = demoHistoryDays(FORTNIGHT.slice(0, 2), setup);
    const other = simulateDay({ ...setup, date: FORTNIGHT[0]!, profile: DEMO_HISTORY_PROFILE, seed: `${DEMO_HISTORY_SEED}-other` });
    // Assert: the same contacts and the same events (the changes' facts are functions, compared by what they give)
    expect(again.map((d) => d.contacts)).toEqual(days.slice(0, 2).map((d) => d.contacts));
    expect(again.map(eventsOfDay)).toEqual(days.slice(0, 2).map(eventsOfDay));
    expect(other.contacts).not.toEqual(days[0]!.contacts);
  });

  it('covers the days before today, today left out', () => {
    // Act
    const dates = historyDates(new Date('2026-12-03T10:00:00.000Z'), TZ);
    // Assert
    expect(dates).toHaveLength(14);
    expect([dates[0], dates.at(-1)]).toEqual(['2026-11-19', '2026-12-02']);
  });

  it('has more contacts on every weekday than on any weekend day, and quiet nights with the peak late in the morning', () => {
    // Arrange
    const weekend = (date: string) => ['sat', 'sun'].includes(localTime(new Date(`${date}T12:00:00+03:00`), TZ).weekday);
    const arrivals = days.map((day) => ({ date: day.date, count: day.contacts.filter((c) => c.channel !== 'callback').length }));
    const byHour = new Array<number>(24).fill(0);
    for (const day of days) for (const c of day.contacts) byHour[Number(localTime(new Date(c.createdAt), TZ).time.slice(0, 2))]! += 1;
    // Act
    const fewestWeekday = Math.min(...arrivals.filter((a) => !weekend(a.date)).map((a) => a.count));
    const mostWeekend = Math.max(...arrivals.filter((a) => weekend(a.date)).map((a) => a.count));
    // Assert
    expect(fewestWeekday).toBeGreaterThan(mostWeekend);
    expect(arrivals.reduce((sum, a) => sum + a.count, 0)).toBeGreaterThan(500);
    expect(byHour.slice(0, 7).every((n) => n === 0)).toBe(true);
    expect(byHour[11]! + byHour[12]!).toBeGreaterThan(byHour[20]! + byHour[21]! + byHour[22]! + byHour[23]!);
  });

  it('offers and connects a contact only to an agent who serves its queue, with the skills and capacity for it', () => {
    // Arrange
    const agents = new Map(setup.agents.map((a) => [a.agentId, a]));
    const queues = new Map(setup.queues.map((q) => [q.queueId, q]));
    const wrong: string[] = [];
    let handled = 0;
    // Act
    for (const day of days) {
      for (const change of day.changes) {
        if (change.kind !== 'contact') continue;
        const { after } = change;
        const entry = after.history.at(-1)!;
        if ((entry.to !== 'offered' && entry.to !== 'connected') || after.history.length === change.before?.history.length) continue;
        const agent = agents.get(entry.agentId!)!;
        const served = agent.profile!.some((p) => p.queueId === after.queueId);
        const needs = queues.get(after.queueId)!.requiredSkills.byChannel[after.channel] ?? [];
        const skilled = needs.every((n) => agent.skills.some((s) => s.skill === n.skill && s.level >= n.level));
        const media = mediaOf(after.channel);
        if (!served || !skilled || agent.capacity![media] === 0) wrong.push(`${after.contactId} (${after.queueId}, ${after.channel}) → ${agent.agentId}`);
        if (entry.to === 'connected') handled++;
      }
    }
    // Assert
    expect(wrong).toEqual([]);
    expect(handled).toBeGreaterThan(400);
  });

  it('turns every generated change into metric events within its own day, each event id once', () => {
    // Arrange
    const ids = new Set<string>();
    for (const day of days) {
      // Act
      const events = eventsOfDay(day);
      // Assert: every contact arrived once, and nothing counts on another day
      expect(total(events, 'arrived')).toBe(day.contacts.length);
      expect(events.filter((e) => localDate(e.at, TZ) !== day.date)).toEqual([]);
      for (const event of events) {
        expect(ids.has(event.id)).toBe(false);
        ids.add(event.id);
      }
    }
  });

  it('has what a fortnight has: abandons (a few short), missed offers, transfers, callbacks, holds, surveys and breaks with reasons', () => {
    // Act
    const events = days.flatMap(eventsOfDay);
    const breaks = new Set(days.flatMap((d) => d.changes.flatMap((c) => (c.kind === 'agent' && c.after.breakReason ? [c.after.breakReason] : []))));
    // Assert
    expect(total(events, 'abandoned')).toBeGreaterThan(20);
    expect(total(events, 'shortAbandoned')).toBeGreaterThan(0);
    expect(total(events, 'shortAbandoned')).toBeLessThan(total(events, 'abandoned') / 2);
    expect(events.filter((e) => e.add.shortAbandoned === 1).every((e) => (e.add.abandonWaitSeconds ?? 0) < SHORT_ABANDON_SECONDS)).toBe(true);
    expect(total(events, 'offersMissed')).toBeGreaterThan(0);
    expect(total(events, 'transferredOut')).toBeGreaterThan(0);
    expect(total(events, 'transferredIn')).toBe(total(events, 'transferredOut'));
    expect(total(events, 'replacedByCallback')).toBeGreaterThan(0);
    expect(total(events, 'callbacksCompleted')).toBeGreaterThan(0);
    expect(total(events, 'heldContacts')).toBeGreaterThan(0);
    expect(total(events, 'surveys')).toBeGreaterThan(0);
    // Plausible survey figures: a third to a half answer, NPS from most of them, a score between −100 and 100.
    const answered = total(events, 'surveysAnswered') / total(events, 'surveysSent');
    expect([answered > 0.25, answered < 0.6]).toEqual([true, true]);
    expect(total(events, 'npsAnswers')).toBeGreaterThan(total(events, 'surveysAnswered') / 2);
    const nps = (100 * (total(events, 'promoters') - total(events, 'detractors'))) / total(events, 'npsAnswers');
    expect([nps > 0, nps < 100]).toEqual([true, true]);
    expect(total(events, 'repeatContacts')).toBeGreaterThan(0);
    expect(total(events, 'firstResponses')).toBeGreaterThan(0);
    for (const measure of ['availableSeconds', 'busySeconds', 'afterContactWorkSeconds', 'breakSeconds'] as const) expect([measure, total(events, measure) > 0]).toEqual([measure, true]);
    expect([...breaks].sort()).toEqual(['lunch', 'meeting', 'personal', 'technical', 'training']);
  });

  it('ends every agent’s day offline and every contact closed or abandoned', () => {
    for (const day of days) {
      const last = new Map<string, string>();
      for (const change of day.changes) if (change.kind === 'agent') last.set(change.after.agentId, change.after.status);
      expect([day.date, [...last.values()].every((s) => s === 'offline')]).toEqual([day.date, true]);
      expect(day.contacts.filter((c) => c.status !== 'closed' && c.status !== 'abandoned')).toEqual([]);
    }
  });
});
