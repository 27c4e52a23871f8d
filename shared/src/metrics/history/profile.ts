/**
 * The shape of a generated day: how many contacts arrive and when (by weekday and local hour), in which queues and
 * on which channels, and who works when with which breaks. `planDay` draws one day of it from a seeded generator.
 */
import type { BreakReason } from '../../agents/values.ts';
import { startOfLocalDate, type Weekday } from '../../calendar/values.ts';
import type { ChannelKind } from '../../channels/catalog.ts';
import { between, chance, exponential, pickIndex, pickWeighted, type Random } from './random.ts';

/** One agent's working day: local `HH:MM` from and to, and when lunch begins. */
export interface Shift {
  agentId: string;
  from: string;
  to: string;
  lunch?: string;
}

export interface HistoryProfile {
  /** Contacts arriving on each weekday, before ±15 % of day-to-day noise. */
  contactsPerDay: Record<Weekday, number>;
  /** Relative arrivals in each local hour, 0–23 (zero: nobody writes or calls then). */
  hourlyWeights: readonly number[];
  /** Each queue's share of the arrivals and its channel mix. */
  queueMix: Record<string, { share: number; channels: Partial<Record<ChannelKind, number>> }>;
  /** Where a contact for a queue that is closed goes instead (the menu or the department list offers only open ones). */
  whenClosed: Record<string, string>;
  /** Where a queue's agents transfer a contact. */
  transferTargets: Record<string, string>;
  /** Who works on each weekday. */
  shifts: Record<Weekday, readonly Shift[]>;
}

/** A customer arriving: when (ms), where, and how long they will wait and talk or chat. */
export interface Arrival {
  at: number;
  queueId: string;
  channel: ChannelKind;
  /** How long the customer waits before leaving (a voice caller asks for a callback instead at times). */
  patienceSeconds: number;
  /** The conversation's length once connected (each leg of a transfer draws its own). */
  conversationSeconds: number;
}

/** A presence step of an agent's day: on shift, a break of so many minutes, off shift. */
export type ScheduleStep = { at: number; agentId: string } & ({ kind: 'start' | 'end' } | { kind: 'break'; reason: BreakReason; minutes: number });

/** A voice caller's patience: about a minute and a half; a few hang up within seconds (short abandons). */
const VOICE_PATIENCE_MEAN = 100;
const SHORT_HANG_UP_SHARE = 0.04;
/** Chat customers wait longer; nobody waits more than half an hour. */
const CHAT_PATIENCE_MEAN = 420;
const PATIENCE_MAX = 1800;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The patience and conversation length of a contact on `channel`. */
export function drawDurations(random: Random, channel: ChannelKind): Pick<Arrival, 'patienceSeconds' | 'conversationSeconds'> {
  const voice = channel === 'voice' || channel === 'callback';
  const patience = voice && chance(random, SHORT_HANG_UP_SHARE) ? between(random, 2, 9) : exponential(random, voice ? VOICE_PATIENCE_MEAN : CHAT_PATIENCE_MEAN) + 5;
  const conversation = voice ? between(random, 60, 300) + exponential(random, 60) : between(random, 150, 600) + exponential(random, 120);
  return { patienceSeconds: Math.min(PATIENCE_MAX, patience), conversationSeconds: Math.round(conversation) };
}

/** The day's arrivals, in time order, and its agents' schedule. */
export function planDay(random: Random, date: string, weekday: Weekday, timeZone: string, profile: HistoryProfile): { arrivals: Arrival[]; schedule: ScheduleStep[] } {
  const midnight = startOfLocalDate(date, timeZone).getTime();
  const at = (minutes: number) => midnight + minutes * 60_000;
  const count = Math.round(profile.contactsPerDay[weekday] * between(random, 0.85, 1.15));
  const shares = Object.fromEntries(Object.entries(profile.queueMix).map(([queueId, mix]) => [queueId, mix.share]));
  const arrivals: Arrival[] = [];
  for (let i = 0; i < count; i++) {
    const hour = pickIndex(random, profile.hourlyWeights);
    const queueId = pickWeighted(random, shares);
    const channel = pickWeighted(random, profile.queueMix[queueId]!.channels);
    arrivals.push({ at: Math.round(at(hour * 60 + between(random, 0, 60))), queueId, channel, ...drawDurations(random, channel) });
  }
  arrivals.sort((a, b) => a.at - b.at);

  const schedule: ScheduleStep[] = [];
  for (const shift of profile.shifts[weekday]) {
    const { agentId } = shift;
    const from = minutesOf(shift.from) + between(random, -8, 6);
    const to = minutesOf(shift.to) + between(random, -5, 10);
    schedule.push({ at: Math.round(at(from)), agentId, kind: 'start' }, { at: Math.round(at(to)), agentId, kind: 'end' });
    if (shift.lunch) schedule.push({ at: Math.round(at(minutesOf(shift.lunch) + between(random, -10, 15))), agentId, kind: 'break', reason: 'lunch', minutes: Math.round(between(random, 40, 60)) });
    // A short break in each half of the shift; a team meeting on Mondays and a training on Thursdays for some.
    const length = to - from;
    schedule.push({ at: Math.round(at(from + length * between(random, 0.15, 0.35))), agentId, kind: 'break', reason: chance(random, 0.8) ? 'personal' : 'technical', minutes: Math.round(between(random, 5, 15)) });
    schedule.push({ at: Math.round(at(from + length * between(random, 0.7, 0.85))), agentId, kind: 'break', reason: 'personal', minutes: Math.round(between(random, 5, 12)) });
    if (weekday === 'mon') schedule.push({ at: Math.round(at(from + 60)), agentId, kind: 'break', reason: 'meeting', minutes: 30 });
    if (weekday === 'thu' && chance(random, 0.5)) schedule.push({ at: Math.round(at(from + length * 0.55)), agentId, kind: 'break', reason: 'training', minutes: 60 });
  }
  schedule.sort((a, b) => a.at - b.at);
  return { arrivals, schedule };
}
