import { useCallback, useState } from 'react';
import type { AttainmentPage, PlanPeriod } from '@cc/shared/plans/values';
import { useApi } from '../auth/session.tsx';
import { useRefresh } from './use-refresh.ts';

export interface LiveAttainment {
  /** The last page read for the period asked; undefined until then. */
  page: AttainmentPage | undefined;
  failed: boolean;
  reload(): Promise<void>;
}

/** The attainment of the period's plans, kept fresh (`useRefresh`); `period` undefined reads nothing. */
export function useAttainment(period: PlanPeriod | undefined, agentId?: string): LiveAttainment {
  const api = useApi();
  const [page, setPage] = useState<AttainmentPage | undefined>();
  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => {
    if (!period) return;
    try {
      setPage(await api.planAttainment({ period, ...(agentId !== undefined && { agentId }) }));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [api, period, agentId]);
  useRefresh(reload);
  return { page: page?.period === period ? page : undefined, failed, reload };
}
