import { useCallback, useEffect, useState } from 'react';
import { loadRuntimeConfig } from './api/config.ts';
import type { RuntimeConfig } from './api/types.ts';
import { Splash } from './components/splash.tsx';
import { ToastProvider } from './components/toast.tsx';
import { LoginPage } from './features/auth/login-page.tsx';
import { SessionProvider, useSession } from './features/auth/session.tsx';
import { Console } from './features/shell/console.tsx';
import { I18nProvider, useI18n } from './i18n/provider.tsx';

/** The console: runtime config first, then the login form or the signed-in shell. */
export function App() {
  return (
    <I18nProvider>
      <WithConfig />
    </I18nProvider>
  );
}

function WithConfig() {
  const { t } = useI18n();
  const [config, setConfig] = useState<RuntimeConfig | undefined>();
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    setFailed(false);
    loadRuntimeConfig().then(setConfig, (error: unknown) => {
      console.error(error);
      setFailed(true);
    });
  }, []);
  useEffect(load, [load]);

  if (!config) return <Splash message={failed ? t('app.configError') : t('app.loading')} onRetry={failed ? load : undefined} retryLabel={t('app.retry')} />;
  return (
    <ToastProvider closeLabel={t('common.close')}>
      <SessionProvider config={config}>
        <SignedInOrLogin />
      </SessionProvider>
    </ToastProvider>
  );
}

function SignedInOrLogin() {
  const { session } = useSession();
  return session ? <Console /> : <LoginPage />;
}
