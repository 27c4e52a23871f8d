import { useEffect, useState } from 'react';
import type { StoredTopic } from '@cc/shared/wrap-up/schema';
import type { ApiClient } from '../../../api/client.ts';
import { useApi } from '../../auth/session.tsx';

/** What `load` answers, loaded once per mount; `reload` after a failure, `set` after a change the caller made. */
export function useLoaded<T>(load: (api: ApiClient) => Promise<T>): { value: T | undefined; failed: boolean; reload(): void; set(value: T): void } {
  const api = useApi();
  const [value, setValue] = useState<T | undefined>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setFailed(false);
    load(api).then(
      (loaded) => live && setValue(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
    // `load` is a module-level function at every caller, so it is not a dependency.
  }, [api, attempt]);
  return { value, failed, reload: () => setAttempt((n) => n + 1), set: setValue };
}

const listTopics = (api: ApiClient) => api.listTopics();

/** The tenant's wrap-up topics, archived ones too. */
export function useTopics(): { topics: StoredTopic[] | undefined; failed: boolean; reload(): void; set(topics: StoredTopic[]): void } {
  const { value, ...rest } = useLoaded(listTopics);
  return { topics: value, ...rest };
}
