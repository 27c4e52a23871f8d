import { useEffect } from 'react';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { hashFor } from '../shell/routes.ts';
import { BadgeIcon } from './badge-icon.tsx';
import { useAchievements, useLeaderboard } from './use-game.ts';
import './motivation.css';

/**
 * The agent's own standing today in the workspace: rank by points in the team, points, the badges earned, and
 * where each achievement and quest of the day stands; a toast when the agent earns one.
 */
export function RankCard({ agentId }: { agentId: string }) {
  const { t, tp, locale } = useI18n();
  const notify = useToast();
  const board = useLeaderboard('points', 'day');
  const mine = useAchievements('day');
  const { on } = useRealtime();
  useEffect(() => on('achievement.earned', ({ award }) => {
    if (award.agentId === agentId) notify(t(award.kind === 'quest' ? 'motivation.toast.quest' : 'motivation.toast.achievement', { name: award.name[locale] }), 'info');
  }), [on, agentId, notify, t, locale]);
  const row = board.data?.rows.find((r) => r.agentId === agentId);
  const page = mine.data;
  const earned = page?.achievements ?? [];
  const open = page?.progress.filter((p) => p.status !== 'earned') ?? [];
  return (
    <section className="card rank-card" aria-labelledby="rank-card-title" data-testid="rank-card" data-rank={row?.rank ?? ''} aria-busy={!page && !mine.failed}>
      <div className="rank-card__head">
        <h2 id="rank-card-title" className="rank-card__title">{t('motivation.myDay')}</h2>
        <a className="rank-card__link" href={hashFor('motivation')}>{t('motivation.toBoard')}</a>
      </div>
      <p className="rank-card__figures">
        <span data-testid="my-rank">{row?.rank ? t('motivation.rankOf', { rank: String(row.rank), of: String(board.data?.rows.length ?? 0) }) : t('motivation.noRank')}</span>
        <span data-testid="my-points">{tp('motivation.pointsCount', page?.points ?? 0)}</span>
      </p>
      {earned.length > 0 && (
        <ul className="rank-card__badges" aria-label={t('motivation.earnedToday')}>
          {earned.map((a) => <li key={`${a.kind}#${a.sourceId}`} title={a.name[locale]} data-source={a.sourceId}><BadgeIcon icon={a.icon} size={16} /><span>{a.name[locale]}</span></li>)}
        </ul>
      )}
      {open.length > 0 && (
        <details className="rank-card__progress">
          <summary>{t('motivation.progress')}</summary>
          <ul>
            {open.map((p) => (
              <li key={`${p.kind}#${p.sourceId}`} data-source={p.sourceId} data-status={p.status}>
                <BadgeIcon icon={p.icon} size={14} tone="muted" />
                <span>{p.name[locale]}</span>
                <span className="rank-card__status">{p.steps ? t('motivation.stepsDone', { done: String(p.value ?? 0), of: String(p.threshold ?? 0) }) : t(`motivation.status.${p.status}`)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
