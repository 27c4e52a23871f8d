import { useEffect, useMemo, useState } from 'react';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { useApi } from '../auth/session.tsx';

/** Queues of the tenant, loaded once per view; undefined while loading, empty on failure. */
export function useQueues(): { queues: TenantQueue[] | undefined; failed: boolean; reload(): void } {
  const api = useApi();
  const [queues, setQueues] = useState<TenantQueue[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setFailed(false);
    api.listQueues().then(
      (loaded) => live && setQueues(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);
  return { queues, failed, reload: () => setAttempt((n) => n + 1) };
}

/** Queue names by id, for showing `queueIds` to people; ids stand in until names load. */
export function useQueueNames(): Map<string, string> {
  const { queues } = useQueues();
  return useMemo(() => new Map((queues ?? []).map((queue) => [queue.queueId, queue.name])), [queues]);
}
