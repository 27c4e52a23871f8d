import { Hono, type MiddlewareHandler } from 'hono';
import { RateLimitedError } from '@cc/shared/errors';
import type { RateLimit } from '@cc/shared/limits/ports';
import { METRIC_CATALOG, type MetricView } from '@cc/shared/metrics/catalog/index';
import { formulaText } from '@cc/shared/metrics/formula';
import { ReportQuerySchema } from '@cc/shared/metrics/requests';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { reportCsv } from '../../metrics/csv.ts';
import { tenantTimeZone } from '../../metrics/time-zone.ts';
import { requireRole, type AuthEnv } from '../auth.ts';

/** Report pages per user and minute: a page may read a month of cells; a dashboard refreshes far less often. */
export const REPORT_LIMIT: RateLimit = { max: 60, windowSeconds: 60 };

/** The catalog as served: everything but the formula's data form, which becomes its text. */
const catalogView = (): MetricView[] => METRIC_CATALOG.map((m) => {
  const { source } = m;
  const base = { id: m.id, name: m.name, description: m.description, unit: m.unit, dimensions: m.dimensions, source, ...(m.better && { better: m.better }) };
  return source === 'interval' ? { ...base, formula: formulaText(m.formula) } : { ...base, formula: `live: ${m.live}` };
});

/**
 * `GET /api/metrics`: the metric catalog and the tenant's time zone (every signed-in user). `GET /api/reports`: figures per queue, agent,
 * channel or the tenant in 15-minute to monthly buckets, as JSON or CSV (`format=csv` or `Accept: text/csv`;
 * `lang=ru|en`, else the `Accept-Language`). Supervisors see everything; an agent only their own figures.
 */
export function metricRoutes(deps: Pick<Deps, 'rateLimiter' | 'clock' | 'directory'>, services: Pick<Services, 'reports' | 'kpis'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>()
    .get('/wallboard/kpis', auth, requireRole('supervisor'), async (c) => c.json(await services.kpis.today(c.get('principal').tenantId)))
    .get('/metrics', auth, async (c) => c.json({ metrics: catalogView(), timeZone: await tenantTimeZone(deps, c.get('principal').tenantId) }))
    .get('/reports', auth, async (c) => {
      const principal = c.get('principal');
      const query = ReportQuerySchema.parse(c.req.query());
      const decision = await deps.rateLimiter.hit(principal.tenantId, `reports#${principal.userId}`, REPORT_LIMIT, deps.clock.now());
      if (!decision.allowed) throw new RateLimitedError(`At most ${REPORT_LIMIT.max} report pages a minute`, decision.retryAfterSeconds);
      const page = await services.reports.report(principal, query);
      const csv = query.format === 'csv' || (query.format === undefined && (c.req.header('accept') ?? '').includes('text/csv'));
      if (!csv) return c.json(page);
      const lang = query.lang ?? ((c.req.header('accept-language') ?? '').toLowerCase().startsWith('en') ? 'en' : 'ru');
      return c.body(reportCsv(page, lang), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="report-${page.groupBy}-${page.interval}.csv"` });
    });
}
