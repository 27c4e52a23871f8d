import { describe, expect, it } from 'vitest';
import type { KpiSnapshot } from '@cc/shared/metrics/values';
import { applyKpi, queueKpi, tenantKpi, type KpiBoard } from './kpi-board.ts';

const kpi = (value: string, date: string, at: string, handled: number): KpiSnapshot => ({ dimension: value === '*' ? 'tenant' : 'queue', value, date, values: { contacts_handled: handled }, generatedAt: `${date}T${at}:00.000Z` });

describe('the KPI board', () => {
  it('keeps the newest snapshot per queue and the tenant, whatever order pushes arrive in', () => {
    let board: KpiBoard = new Map();
    for (const k of [kpi('vip', '2026-12-03', '10:00', 2), kpi('*', '2026-12-03', '10:00', 5), kpi('vip', '2026-12-03', '09:00', 1)]) board = applyKpi(board, k);
    expect(queueKpi(board, 'vip')?.values['contacts_handled']).toBe(2);
    expect(tenantKpi(board)?.values['contacts_handled']).toBe(5);
  });

  it('starts afresh on a new day and ignores a late push of the day before', () => {
    let board: KpiBoard = applyKpi(new Map(), kpi('vip', '2026-12-03', '20:00', 9));
    board = applyKpi(board, kpi('sales', '2026-12-04', '00:01', 0));
    expect(queueKpi(board, 'vip')).toBeUndefined();
    expect(applyKpi(board, kpi('vip', '2026-12-03', '20:59', 10))).toBe(board);
  });
});
