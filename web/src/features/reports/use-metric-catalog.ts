import { useEffect, useState } from 'react';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import { useApi } from '../auth/session.tsx';

/** The metric catalog (names, units, formulas), for views that name metrics; undefined until loaded or when it fails. */
export function useMetricCatalog(): MetricView[] | undefined {
  const api = useApi();
  const [metrics, setMetrics] = useState<MetricView[]>();
  useEffect(() => {
    let live = true;
    api.metricCatalog().then((c) => live && setMetrics(c.metrics), () => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return metrics;
}
