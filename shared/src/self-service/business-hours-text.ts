import type { BusinessHours, Weekday } from '../routing/model.ts';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const RU: Record<Weekday, string> = { mon: 'пн', tue: 'вт', wed: 'ср', thu: 'чт', fri: 'пт', sat: 'сб', sun: 'вс' };

/**
 * Opening hours said in Russian, consecutive days with the same hours grouped:
 * `пн–пт 09:00–21:00, сб 10:00–18:00`; `круглосуточно` without business hours.
 */
export function describeBusinessHours(hours: BusinessHours | undefined): string {
  if (!hours) return 'круглосуточно';
  const spans = DAYS.map((day) => (hours.weekly[day] ?? []).map((span) => `${span.open}–${span.close}`).join(', '));
  const groups: { from: Weekday; to: Weekday; spans: string }[] = [];
  DAYS.forEach((day, i) => {
    const text = spans[i]!;
    if (!text) return;
    const last = groups.at(-1);
    if (last && last.spans === text && DAYS.indexOf(last.to) === i - 1) last.to = day;
    else groups.push({ from: day, to: day, spans: text });
  });
  if (groups.length === 0) return 'по предварительной записи';
  return groups.map((g) => `${g.from === g.to ? RU[g.from] : `${RU[g.from]}–${RU[g.to]}`} ${g.spans}`).join(', ');
}
