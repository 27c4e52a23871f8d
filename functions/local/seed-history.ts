/**
 * The demo tenant's past fortnight in the KPI aggregates (npm start): generated days (demo-history.ts) turned into
 * metric events by the stream's own `eventsOf` and folded with `foldEvents` and the metrics repository, as the
 * metrics reaction does, but one record per day: a day's changes touch its cells many times over, and folding them
 * together writes each cell once (DynamoDB Local writes a few hundred cells a second; per-change folds would write
 * ~4× as many). No contact is stored: reports are sums of cells, and customers' histories stay real.
 */
import { eventsOf } from '@cc/shared/metrics/events-of';
import { foldEvents } from '@cc/shared/metrics/fold';
import type { HistoryDay } from '@cc/shared/metrics/history/simulate';
import type { Deps } from '../composition/deps.ts';
import { DEMO_HISTORY_SEED, demoHistoryDays, historyDates } from './demo-history.ts';
import { seedOnce } from './seed-once.ts';

/** Days folded at once: different days touch different cells, so they never contend. */
const LANES = 3;

/** The record id a generated day is folded under (the same day of the same seed is the same record: `'duplicate'`). */
export const historyRecordId = (date: string) => `demo-history#${DEMO_HISTORY_SEED}#${date}`;

type HistoryDeps = Pick<Deps, 'metrics' | 'agents' | 'queues' | 'directory' | 'table' | 'clock'>;

/** Folds one generated day. @returns the repository's answer */
export async function foldHistoryDay(deps: Pick<Deps, 'metrics'>, tenantId: string, timeZone: string, day: HistoryDay): Promise<'applied' | 'duplicate'> {
  const cells = [...foldEvents(day.changes.flatMap(eventsOf), timeZone).values()];
  return deps.metrics.fold(tenantId, historyRecordId(day.date), cells);
}

/**
 * Seeds the tenant's last `days` (default 14) local days before today once, for its agents and queues as stored.
 * `signal` stops it between days (the contact center stopping): nothing is noted then, and the next start folds the
 * days still missing (those folded already answer `'duplicate'`).
 * @returns whether it ran (false: seeded before), the days it folded and how many of them were new
 * @throws the signal's reason when stopped
 */
export async function seedDemoHistory(deps: HistoryDeps, tenantId: string, options: { days?: number; signal?: AbortSignal } = {}): Promise<{ seeded: boolean; dates: string[]; applied: number }> {
  let applied = 0;
  let folded: string[] = [];
  const seeded = await seedOnce(deps, tenantId, 'history', async () => {
    const timeZone = (await deps.directory.getTenant(tenantId))?.timeZone ?? 'Europe/Moscow';
    const [agents, queues] = await Promise.all([deps.agents.list(tenantId), deps.queues.list(tenantId)]);
    const dates = historyDates(deps.clock.now(), timeZone, options.days);
    const days = demoHistoryDays(dates, { tenantId, timeZone, agents, queues });
    folded = dates;
    let next = 0;
    await Promise.all(Array.from({ length: LANES }, async () => {
      for (let day = days[next++]; day; day = days[next++]) {
        options.signal?.throwIfAborted();
        if ((await foldHistoryDay(deps, tenantId, timeZone, day)) === 'applied') applied++;
      }
    }));
    return { seed: DEMO_HISTORY_SEED, from: dates[0], to: dates.at(-1) };
  });
  return { seeded, dates: folded, applied };
}

/** What the background seed reports once done (undefined when it failed or was stopped). */
export type DemoHistorySeeded = Awaited<ReturnType<typeof seedDemoHistory>> & { seconds: number };

/**
 * Folds the demo history behind a running contact center (it is a few thousand cell writes, tens of seconds on a
 * busy DynamoDB Local): `done` resolves when it is over, `stop()` ends it between days and waits for the day in hand.
 */
export function startDemoHistory(deps: HistoryDeps, tenantId: string, options: { days?: number; say: (line: string) => void; warn: (message: string, error: unknown) => void }) {
  const stopping = new AbortController();
  const started = Date.now();
  const done: Promise<DemoHistorySeeded | undefined> = seedDemoHistory(deps, tenantId, { days: options.days, signal: stopping.signal }).then(
    (result) => {
      const seconds = (Date.now() - started) / 1000;
      options.say(result.seeded ? `Demo history: ${result.dates.length} past days of KPIs folded in ${seconds.toFixed(1)} s` : 'Demo history: folded on an earlier start');
      return { ...result, seconds };
    },
    (error: unknown) => {
      if (!stopping.signal.aborted) options.warn('The demo history was not folded; the next start tries again', error);
      return undefined;
    },
  );
  return { done, stop: async () => { stopping.abort(); await done; } };
}
