import { useMemo, useState } from 'react';
import { GAME_PERIODS, POINTS, type GamePeriod } from '@cc/shared/gamification/values';
import { useI18n } from '../../i18n/provider.tsx';
import { useSession } from '../auth/session.tsx';
import { useQueueNames } from '../queues/use-queues.ts';
import { useMetricCatalog } from '../reports/use-metric-catalog.ts';
import { hashFor } from '../shell/routes.ts';
import { AwardFeed } from './award-feed.tsx';
import { LeaderboardPanel } from './leaderboard-panel.tsx';
import { TeamPlanPanel } from './team-plan-panel.tsx';
import { useFreshAwards, useLeaderboard } from './use-game.ts';
import './motivation.css';

/** The figures a board can rank by besides points: volumes and qualities a team cares about. */
export const BOARD_METRICS = [POINTS, 'contacts_handled', 'conversation_time', 'csat_average', 'first_contact_resolution', 'callbacks_completed'] as const;

/**
 * «Доска мотивации»: a screen for a TV or a phone — the team's plan and its progress, the leaderboard by points or
 * a chosen metric, and the fresh achievements, all following pushes. Everyone of the tenant may open it.
 */
export function MotivationBoard() {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const me = session?.user.userId ?? '';
  const [period, setPeriod] = useState<GamePeriod>('day');
  const [metric, setMetric] = useState<string>(POINTS);
  const catalog = useMetricCatalog();
  const metrics = useMemo(() => new Map((catalog ?? []).map((m) => [m.id, m])), [catalog]);
  const board = useLeaderboard(metric, period);
  const fresh = useFreshAwards();
  const queueNames = useQueueNames();
  const agentNames = useMemo(() => new Map((board.data?.rows ?? []).map((r) => [r.agentId, r.name])), [board.data]);
  const names = useMemo(() => ({ queues: queueNames, agents: agentNames }), [queueNames, agentNames]);
  const wide = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);

  return (
    <div className="motivation" data-testid="motivation-board" data-period={period}>
      <div className="motivation__toolbar">
        <div className="segmented segmented--tabs" role="group" aria-label={t('motivation.period')}>
          {GAME_PERIODS.map((option) => (
            <button key={option} type="button" className="segmented__option" aria-pressed={period === option} onClick={() => setPeriod(option)}>{t(`motivation.period.${option}`)}</button>
          ))}
        </div>
        <label className="motivation__metric">
          <span>{t('motivation.rankBy')}</span>
          <select className="input" value={metric} onChange={(event) => setMetric(event.target.value)}>
            {BOARD_METRICS.map((id) => <option key={id} value={id}>{id === POINTS ? t('motivation.points') : metrics.get(id)?.name[locale] ?? id}</option>)}
          </select>
        </label>
        <div className="motivation__actions">
          {session && session.user.roles.some((r) => r !== 'agent') && <a className="button button--ghost" href={`${hashFor('motivation')}/settings`}>{t('motivation.settings')}</a>}
          <button type="button" className="button button--ghost" onClick={wide}>{t('motivation.fullscreen')}</button>
        </div>
      </div>
      <div className="motivation__grid">
        <TeamPlanPanel period={period === 'month' ? 'month' : 'day'} metrics={metrics} names={names} />
        <LeaderboardPanel board={board.data} failed={board.failed} onRetry={board.reload} metric={metric} metrics={metrics} me={me} />
        <AwardFeed awards={fresh.data} failed={fresh.failed} onRetry={fresh.reload} metrics={metrics} names={agentNames} />
      </div>
    </div>
  );
}
