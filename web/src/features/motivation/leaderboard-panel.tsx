import type { Leaderboard } from '@cc/shared/gamification/values';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import { Avatar } from '../../components/avatar.tsx';
import { LoadFailed } from '../../components/empty-state.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { formatMetric } from '../reports/metric-format.ts';

/** The leaderboard: rank, agent, the chosen figure and the points; the signed-in agent's row is marked. */
export function LeaderboardPanel({ board, failed, onRetry, metric, metrics, me }: { board: Leaderboard | undefined; failed: boolean; onRetry(): void; metric: string; metrics: ReadonlyMap<string, MetricView>; me: string }) {
  const { t, locale } = useI18n();
  const view = metrics.get(metric);
  const valueTitle = metric === 'points' ? t('motivation.points') : view?.name[locale] ?? metric;
  return (
    <section className="card motivation__panel motivation__leaders" aria-labelledby="leaders-title" aria-busy={!board && !failed}>
      <h2 id="leaders-title" className="card__title">{t('motivation.leaderboard')}</h2>
      {failed && !board && <LoadFailed onRetry={onRetry} />}
      {board && board.rows.length === 0 && <p className="muted">{t('motivation.noAgents')}</p>}
      {board && board.rows.length > 0 && (
        <table className="data-table leaderboard" data-testid="leaderboard">
          <thead>
            <tr>
              <th scope="col">{t('motivation.rank')}</th>
              <th scope="col">{t('motivation.agent')}</th>
              <th scope="col" className="num">{valueTitle}</th>
              {metric !== 'points' && <th scope="col" className="num">{t('motivation.points')}</th>}
            </tr>
          </thead>
          <tbody>
            {board.rows.map((row) => (
              <tr key={row.agentId} data-agent={row.agentId} data-rank={row.rank ?? ''} aria-current={row.agentId === me ? 'true' : undefined}>
                <td><span className="leaderboard__rank" data-top={row.rank !== null && row.rank <= 3 ? row.rank : undefined}>{row.rank ?? '—'}</span></td>
                <th scope="row"><span className="leaderboard__agent"><Avatar name={row.name} seed={row.agentId} size={28} />{row.name}{row.agentId === me && <span className="leaderboard__me">{t('motivation.you')}</span>}</span></th>
                <td className="num" data-cell="value">{metric === 'points' ? formatNumber(row.value ?? 0, locale) : formatMetric(row.value, view?.unit ?? 'count', locale)}</td>
                {metric !== 'points' && <td className="num" data-cell="points">{formatNumber(row.points, locale)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
