import { useEffect, useState } from 'react';
import type { StoredTopic } from '@cc/shared/wrap-up/schema';
import { useApi } from '../../auth/session.tsx';

/** The tenant's wrap-up topics (archived ones too), loaded once per mount; `reload` after a failure or a change. */
export function useTopics(): { topics: StoredTopic[] | undefined; failed: boolean; reload(): void; set(topics: StoredTopic[]): void } {
  const api = useApi();
  const [topics, setTopics] = useState<StoredTopic[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setFailed(false);
    api.listTopics().then(
      (list) => live && setTopics(list),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);
  return { topics, failed, reload: () => setAttempt((n) => n + 1), set: setTopics };
}
