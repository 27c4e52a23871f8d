/**
 * The demo tenant's past fortnight, generated (shared/src/metrics/history): ООО «Ромашка»'s contact mix, hours and
 * shifts. Pure: the same dates give the same days, so a second start regenerates exactly what it folded before.
 */
import type { Agent } from '@cc/shared/agents/model';
import { addDays, localDate } from '@cc/shared/calendar/values';
import type { HistoryProfile } from '@cc/shared/metrics/history/profile';
import { simulateDay, type HistoryDay } from '@cc/shared/metrics/history/simulate';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { DEMO_TOPICS } from './seed-wrap-up.ts';

/** Bumping it generates (and folds) a different history; a data folder keeps the one it has. */
export const DEMO_HISTORY_SEED = 'romashka-history-v1';
export const DEMO_HISTORY_DAYS = 14;

type Hours = readonly [from: string, to: string, lunch: string];
/** A weekday's shifts of Анна, Дмитрий, Мария and Алексей (`undefined`: a day off). */
const weekday = (...hours: (Hours | undefined)[]) =>
  hours.flatMap((h, i) => (h ? [{ agentId: `u-agent-${i + 1}`, from: h[0], to: h[1], lunch: h[2] }] : []));

/**
 * ~60 contacts a weekday, about half on Saturday and a third on Sunday; quiet nights, the peak late in the morning.
 * Support gets most (every messenger lands there), sales its share in its hours, VIP a few calls. Анна, Алексей
 * open at nine, Дмитрий at ten, Мария closes at ten at night; two or three people cover the weekend.
 */
export const DEMO_HISTORY_PROFILE: HistoryProfile = {
  contactsPerDay: { mon: 66, tue: 62, wed: 60, thu: 58, fri: 64, sat: 32, sun: 22 },
  hourlyWeights: [0, 0, 0, 0, 0, 0, 0, 0.2, 0.8, 2.5, 4.5, 6, 5.5, 4.5, 4.5, 4.5, 4, 3.5, 3, 2.5, 1.8, 1.2, 0.5, 0],
  queueMix: {
    support: { share: 0.58, channels: { telegram: 26, whatsapp: 20, vk: 10, viber: 6, webchat: 14, voice: 24 } },
    sales: { share: 0.3, channels: { webchat: 32, voice: 36, telegram: 16, whatsapp: 16 } },
    vip: { share: 0.12, channels: { voice: 55, whatsapp: 25, telegram: 20 } },
  },
  whenClosed: { sales: 'support' },
  transferTargets: { support: 'sales', sales: 'support', vip: 'sales' },
  shifts: {
    mon: weekday(['09:00', '18:00', '13:00'], ['10:00', '19:00', '14:00'], ['13:00', '22:00', '17:00'], ['09:00', '18:00', '13:30']),
    tue: weekday(['09:00', '18:00', '13:00'], ['10:00', '19:00', '14:00'], ['13:00', '22:00', '17:00'], ['09:00', '18:00', '13:30']),
    wed: weekday(['09:00', '18:00', '13:00'], ['10:00', '19:00', '14:00'], ['13:00', '22:00', '17:00'], ['09:00', '18:00', '13:30']),
    thu: weekday(['09:00', '18:00', '13:00'], ['10:00', '19:00', '14:00'], ['13:00', '22:00', '17:00'], ['09:00', '18:00', '13:30']),
    fri: weekday(['09:00', '18:00', '13:00'], ['10:00', '19:00', '14:00'], ['13:00', '22:00', '17:00'], ['09:00', '18:00', '13:30']),
    sat: weekday(undefined, ['10:00', '17:00', '13:30'], ['10:00', '18:00', '14:00'], ['10:00', '18:00', '13:00']),
    sun: weekday(['10:00', '18:00', '14:00'], ['12:00', '20:00', '16:00'], undefined, undefined),
  },
};

/** The `days` local dates before `now`'s (today is left to live figures). */
export function historyDates(now: Date, timeZone: string, days = DEMO_HISTORY_DAYS): string[] {
  const today = localDate(now, timeZone);
  return Array.from({ length: days }, (_, i) => addDays(today, i - days));
}

/** The demo tenant's generated days, for its agents and queues as stored. */
export function demoHistoryDays(dates: readonly string[], setup: { tenantId: string; timeZone: string; agents: readonly Agent[]; queues: readonly TenantQueue[] }): HistoryDay[] {
  return dates.map((date) => simulateDay({
    ...setup,
    date,
    profile: DEMO_HISTORY_PROFILE,
    seed: DEMO_HISTORY_SEED,
    topics: DEMO_TOPICS,
    supervisor: { userId: 'u-supervisor', name: 'Олег Кузнецов' },
  }));
}
