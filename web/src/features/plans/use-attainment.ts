import { useCallback, useRef, useState } from 'react';
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
  // Only the newest request's answer is shown: one for the period left behind may arrive after it.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    if (!period) return;
    const request = ++latest.current;
    try {
      const read = await api.planAttainment({ period, ...(agentId !== undefined && { agentId }) });
      if (request !== latest.current) return;
      setPage(read);
      setFailed(false);
    } catch {
      if (request === latest.current) setFailed(true);
    }
  }, [api, period, agentId]);
  useRefresh(reload);
  return { page: page?.period === period ? page : undefined, failed, reload };
}
