import { useCallback, useEffect, useState } from 'react';
import { ProblemError } from '../../api/errors.ts';
import type { MeResponse } from '../../api/types.ts';
import { Splash } from '../../components/splash.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { MyAgentProvider } from '../agent-status/my-agent.tsx';
import { useApi, useSession } from '../auth/session.tsx';
import { AppShell } from './app-shell.tsx';
import { RealtimeProvider } from './realtime-context.tsx';

/** Everything behind the login: opens the live connection, loads `/api/me`, then shows the shell. */
export function Console() {
  const { config, session } = useSession();
  if (!session) return null;
  return (
    <RealtimeProvider wsUrl={config.wsUrl} token={session.token}>
      <SignedIn />
    </RealtimeProvider>
  );
}

function SignedIn() {
  const api = useApi();
  const { t } = useI18n();
  const [me, setMe] = useState<MeResponse | undefined>();
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    setFailed(false);
    api.me().then(setMe, (error: unknown) => {
      if (!(error instanceof ProblemError && error.status === 401)) setFailed(true);
    });
  }, [api]);
  useEffect(load, [load]);

  if (!me) return <Splash message={failed ? t('common.loadError') : t('app.loading')} onRetry={failed ? load : undefined} retryLabel={t('common.retry')} />;
  return (
    <MyAgentProvider initial={me.agent}>
      <AppShell user={me.user} />
    </MyAgentProvider>
  );
}
