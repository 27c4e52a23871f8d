/**
 * The wallboard's KPI tiles: today's figures (the tenant's local day) per queue and for the tenant, read from the
 * day cells, never from contacts. Served by `GET /api/wallboard/kpis` and pushed to supervisors as `kpi.updated`
 * right after a change has been folded into them.
 */
import { hasRole } from '@cc/shared/auth/values';
import { localDate } from '@cc/shared/calendar/values';
import { metricById, type IntervalMetric } from '@cc/shared/metrics/catalog/index';
import { TENANT_VALUE } from '@cc/shared/metrics/fold';
import { valueOverCells } from '@cc/shared/metrics/report';
import { KPI_TILES, type KpiSnapshot } from '@cc/shared/metrics/values';
import type { Deps } from '../composition/deps.ts';
import { fanOut, toEach } from '../realtime/fan-out.ts';
import { tenantTimeZone } from './time-zone.ts';

type KpiDeps = Pick<Deps, 'metrics' | 'queues' | 'directory' | 'clock' | 'connections' | 'push'>;

const TILE_METRICS = KPI_TILES.map((id) => metricById(id) as IntervalMetric);

export class KpiTiles {
  constructor(private readonly deps: KpiDeps) {}

  /** Today's tiles of one queue or the tenant (`*`). */
  async snapshot(tenantId: string, dimension: 'queue' | 'tenant', value: string): Promise<KpiSnapshot> {
    const now = this.deps.clock.now();
    const date = localDate(now, await tenantTimeZone(this.deps, tenantId));
    const cells = await this.deps.metrics.read(tenantId, dimension, [value], { kind: 'D', from: date, to: date });
    return { dimension, value, date, values: Object.fromEntries(TILE_METRICS.map((m) => [m.id, valueOverCells(m, cells)])), generatedAt: now.toISOString() };
  }

  /** The tenant's tiles and every queue's. */
  async today(tenantId: string): Promise<{ tenant: KpiSnapshot; queues: KpiSnapshot[] }> {
    const queues = await this.deps.queues.list(tenantId);
    const [tenant, ...perQueue] = await Promise.all([this.snapshot(tenantId, 'tenant', TENANT_VALUE), ...queues.map((q) => this.snapshot(tenantId, 'queue', q.queueId))]);
    return { tenant: tenant!, queues: perQueue };
  }

  /** Pushes the tiles of `queueIds` and the tenant to the supervisors online; nothing is read when none is. */
  async push(tenantId: string, queueIds: readonly string[]): Promise<void> {
    const supervisors = (await this.deps.connections.listByTenant(tenantId)).filter((c) => hasRole(c.roles, 'supervisor'));
    if (supervisors.length === 0) return;
    const snapshots = await Promise.all([this.snapshot(tenantId, 'tenant', TENANT_VALUE), ...[...new Set(queueIds)].map((q) => this.snapshot(tenantId, 'queue', q))]);
    await fanOut(this.deps, tenantId, snapshots.flatMap((kpi) => toEach(supervisors, { type: 'kpi.updated', kpi })));
  }
}
