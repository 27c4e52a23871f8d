import { useEffect, useRef } from 'react';

/** How often live figures are read again while they are on screen. */
export const REFRESH_MS = 15_000;

/**
 * Runs `load` at once, then every `intervalMs` while the page is visible, and again when the window gets the focus
 * back or the tab becomes visible (figures read before a break are stale). A new `load` (another period, another
 * agent) runs at once. The one place the console refreshes figures by polling, so a push can replace it here.
 */
export function useRefresh(load: () => Promise<unknown>, intervalMs = REFRESH_MS): void {
  const running = useRef(false);
  useEffect(() => {
    const run = () => {
      if (document.visibilityState !== 'visible' || running.current) return;
      running.current = true;
      void load().finally(() => {
        running.current = false;
      });
    };
    running.current = false;
    run();
    const timer = window.setInterval(run, intervalMs);
    window.addEventListener('focus', run);
    document.addEventListener('visibilitychange', run);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', run);
      document.removeEventListener('visibilitychange', run);
    };
  }, [load, intervalMs]);
}
