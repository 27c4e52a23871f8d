/** The wallboard's KPI tiles as the console keeps them: one snapshot per queue and the tenant, the newest of today. */
import type { KpiSnapshot } from '@cc/shared/metrics/values';

export type KpiBoard = ReadonlyMap<string, KpiSnapshot>;

const keyOf = (kpi: Pick<KpiSnapshot, 'dimension' | 'value'>) => `${kpi.dimension}|${kpi.value}`;

/**
 * The board with `kpi` in: an older push than the one held is ignored (pushes may be reordered), and a new day
 * starts a fresh board (yesterday's figures are not today's).
 */
export function applyKpi(board: KpiBoard, kpi: KpiSnapshot): KpiBoard {
  const held = board.get(keyOf(kpi));
  if (held && held.date === kpi.date && held.generatedAt > kpi.generatedAt) return board;
  const next = new Map([...board].filter(([, k]) => k.date >= kpi.date));
  if ([...board.values()].some((k) => k.date > kpi.date)) return board;
  next.set(keyOf(kpi), kpi);
  return next;
}

export const tenantKpi = (board: KpiBoard): KpiSnapshot | undefined => board.get('tenant|*');
export const queueKpi = (board: KpiBoard, queueId: string): KpiSnapshot | undefined => board.get(`queue|${queueId}`);
