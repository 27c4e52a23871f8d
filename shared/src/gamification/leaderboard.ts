/** The leaderboard, pure: agents ranked by a figure in the metric's better direction, ties sharing a rank. */
import type { LeaderboardRow } from './values.ts';

/** Rows ranked best first; agents without a figure come last, unranked, by name. */
export function rankRows(rows: readonly Omit<LeaderboardRow, 'rank'>[], better: 'higher' | 'lower', locale = 'ru'): LeaderboardRow[] {
  const withValue = rows.filter((r) => r.value !== null).sort((a, b) => (better === 'higher' ? b.value! - a.value! : a.value! - b.value!) || a.name.localeCompare(b.name, locale));
  const without = rows.filter((r) => r.value === null).sort((a, b) => a.name.localeCompare(b.name, locale));
  const ranked: LeaderboardRow[] = [];
  withValue.forEach((row, i) => {
    const previous = ranked[i - 1];
    ranked.push({ ...row, rank: previous && previous.value === row.value ? previous.rank : i + 1 });
  });
  return [...ranked, ...without.map((row) => ({ ...row, rank: null }))];
}
