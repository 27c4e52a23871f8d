import { useCallback, useEffect, useRef, useState } from 'react';
import type { AchievementsPage, Award, GamePeriod, Leaderboard } from '@cc/shared/gamification/values';
import { useApi } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { useRefresh } from '../plans/use-refresh.ts';

/** How long after the last pushed award the figures are read again. */
const PUSH_SETTLE_MS = 1000;

/** One award, whichever way it arrived (pushed, then read again). */
export const awardKey = (a: Award): string => `${a.agentId}#${a.kind}#${a.sourceId}#${a.period}#${a.periodKey}`;

interface Loaded<T> {
  data: T | undefined;
  failed: boolean;
  reload(): void;
}

/**
 * Reads `load` now, every refresh, and again a moment after an award is pushed (points and ranks moved). Only the
 * newest request's answer is kept: one for the period left behind may arrive after it.
 */
function useLive<T>(load: () => Promise<T>, onAward: boolean): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ data: undefined, failed: false });
  const latest = useRef(0);
  const read = useCallback(async () => {
    const request = ++latest.current;
    try {
      const data = await load();
      if (request === latest.current) setState({ data, failed: false });
    } catch {
      if (request === latest.current) setState((s) => ({ ...s, failed: true }));
    }
  }, [load]);
  useRefresh(read);
  const { on, openCount } = useRealtime();
  // A settled day pushes every agent's awards at once: one read after the burst, not one per award.
  useEffect(() => {
    if (!onAward) return undefined;
    let timer: number | undefined;
    const off = on('achievement.earned', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void read(), PUSH_SETTLE_MS);
    });
    return () => { off(); window.clearTimeout(timer); };
  }, [on, read, onAward]);
  useEffect(() => { if (openCount > 1) void read(); }, [openCount, read]);
  return { ...state, reload: () => void read() };
}

export function useLeaderboard(metric: string, period: GamePeriod, queueId?: string): Loaded<Leaderboard> {
  const api = useApi();
  const load = useCallback(() => api.leaderboard({ metric, period, ...(queueId && { queueId }) }), [api, metric, period, queueId]);
  const state = useLive(load, true);
  return { ...state, data: state.data?.metric === metric && state.data.period === period ? state.data : undefined };
}

export function useAchievements(period: GamePeriod, agentId?: string): Loaded<AchievementsPage> {
  const api = useApi();
  const load = useCallback(() => api.achievements({ period, ...(agentId && { agentId }) }), [api, period, agentId]);
  const state = useLive(load, true);
  return { ...state, data: state.data?.period === period ? state.data : undefined };
}

/** The team's fresh awards, newest first: read, then each pushed award put on top at once. */
export function useFreshAwards(): Loaded<Award[]> {
  const api = useApi();
  const load = useCallback(() => api.freshAwards(), [api]);
  const read = useLive(load, false);
  const [pushed, setPushed] = useState<Award[]>([]);
  const { on } = useRealtime();
  useEffect(() => on('achievement.earned', ({ award }) => setPushed((list) => [award, ...list.filter((a) => awardKey(a) !== awardKey(award))].slice(0, 20))), [on]);
  if (!read.data) return read;
  const known = new Set(read.data.map(awardKey));
  return { ...read, data: [...pushed.filter((a) => !known.has(awardKey(a))), ...read.data].slice(0, 20) };
}
