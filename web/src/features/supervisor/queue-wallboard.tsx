import { useCallback, useEffect, useMemo, useState } from 'react';
import { ProblemError } from '../../api/errors.ts';
import { AGENT_STATUSES } from '@cc/shared/agents/values';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { ListIcon } from '../../components/icons.tsx';
import { formatClock, formatNumber, formatPercent, formatTime } from '../../i18n/format.ts';
import { INTL_LOCALE } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { applyQueueList, applyQueueStats, oldestWaitNow, serviceLevelState, sortQueues, staffedAgents, totals, waitIsLate, type QueueBoard, type QueueFigures } from './wallboard.ts';

/**
 * Per-queue live figures for supervisors: waiting and the oldest wait (ticking), agents by status,
 * handled and abandoned today, and today's service level against the queue's target. Loaded from
 * `GET /api/wallboard` on entry and after every reconnect, then kept live by `queue.stats` pushes.
 */
export function QueueWallboard({ queues, now }: { queues: TenantQueue[] | undefined; now: number }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { on, openCount } = useRealtime();
  const [board, setBoard] = useState<QueueBoard | undefined>();
  const [failed, setFailed] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<number | undefined>();

  const load = useCallback(() => {
    setFailed(false);
    api.wallboard().then(
      (wallboard) => {
        const at = Date.now();
        setBoard((current) => applyQueueList(current ?? new Map(), wallboard.queues, at));
        setUpdatedAt(at);
      },
      (error: unknown) => {
        if (!(error instanceof ProblemError && error.status === 401)) setFailed(true);
      },
    );
  }, [api]);
  useEffect(load, [load, openCount]);
  useEffect(
    () =>
      on('queue.stats', ({ queue }) => {
        const at = Date.now();
        setBoard((current) => applyQueueStats(current ?? new Map(), queue, at));
        setUpdatedAt(at);
      }),
    [on],
  );

  const queueById = useMemo(() => new Map((queues ?? []).map((q) => [q.queueId, q])), [queues]);
  const ordered = useMemo(() => {
    const priorities = new Map((queues ?? []).map((q) => [q.queueId, q.priority]));
    return board ? sortQueues(board, priorities, new Intl.Collator(INTL_LOCALE[locale])) : [];
  }, [board, queues, locale]);
  const sum = board ? totals(board) : undefined;

  return (
    <section className="wallboard" aria-labelledby="wallboard-title">
      <div className="section-head">
        <h2 id="wallboard-title" className="section-head__title">
          {t('wallboard.title')}
        </h2>
        {sum && (
          <p className="section-head__meta" data-testid="wallboard-totals">
            {t('wallboard.total', { waiting: formatNumber(sum.waiting, locale), handled: formatNumber(sum.handled, locale), abandoned: formatNumber(sum.abandoned, locale) })}
            {updatedAt !== undefined && <span className="muted"> · {t('wallboard.updated', { time: formatTime(new Date(updatedAt), locale) })}</span>}
          </p>
        )}
      </div>
      {!board ? (
        failed ? (
          <section className="card">
            <LoadFailed onRetry={load} />
          </section>
        ) : (
          <div className="queue-grid" aria-busy="true" aria-label={t('app.loading')}>
            <div className="skeleton skeleton--card" />
            <div className="skeleton skeleton--card" />
            <div className="skeleton skeleton--card" />
          </div>
        )
      ) : ordered.length === 0 ? (
        <section className="card">
          <EmptyState icon={<ListIcon size={28} />} title={t('wallboard.empty')} />
        </section>
      ) : (
        <div className="queue-grid">
          {ordered.map((figures) => (
            <QueueCard key={figures.stats.queueId} figures={figures} queue={queueById.get(figures.stats.queueId)} now={now} />
          ))}
        </div>
      )}
    </section>
  );
}

function QueueCard({ figures, queue, now }: { figures: QueueFigures; queue: TenantQueue | undefined; now: number }) {
  const { t, locale } = useI18n();
  const { stats } = figures;
  const oldest = oldestWaitNow(figures, now);
  const target = queue?.serviceLevel;
  const sl = serviceLevelState(stats.serviceLevelToday, target?.targetPercent);
  const staffed = staffedAgents(stats.agentsByStatus);
  const servingTotal = staffed + stats.agentsByStatus.offline;
  return (
    <article className="queue-card" data-queue-id={stats.queueId} data-sl={sl} data-testid={`queue-${stats.queueId}`} aria-labelledby={`queue-title-${stats.queueId}`}>
      <header className="queue-card__head">
        <h3 id={`queue-title-${stats.queueId}`} className="queue-card__name">
          {stats.name}
        </h3>
        <span className="open-badge" data-open={stats.open}>
          {t(stats.open ? 'wallboard.open' : 'wallboard.closed')}
        </span>
      </header>

      <div className="queue-card__figures">
        <div className="figure" data-alert={stats.waiting > 0 || undefined}>
          <span className="figure__label">{t('wallboard.waiting')}</span>
          <span className="figure__value" data-field="waiting">
            {formatNumber(stats.waiting, locale)}
          </span>
        </div>
        <div className="figure" data-alert={waitIsLate(oldest, queue) || undefined}>
          <span className="figure__label">{t('wallboard.oldest')}</span>
          <span className="figure__value tabular" data-field="oldest">
            {stats.waiting > 0 ? formatClock(oldest) : t('common.none')}
          </span>
        </div>
        <div className="figure figure--small">
          <span className="figure__label">
            {t('wallboard.handled')} <span className="figure__sub">{t('wallboard.today')}</span>
          </span>
          <span className="figure__value" data-field="handled">
            {formatNumber(stats.handledToday, locale)}
          </span>
        </div>
        <div className="figure figure--small">
          <span className="figure__label">
            {t('wallboard.abandoned')} <span className="figure__sub">{t('wallboard.today')}</span>
          </span>
          <span className="figure__value" data-field="abandoned">
            {formatNumber(stats.abandonedToday, locale)}
          </span>
        </div>
      </div>

      <div className="sl" data-state={sl}>
        <div className="sl__row">
          <span className="sl__label">{t('wallboard.sl')}</span>
          <span className="sl__value" data-field="service-level">
            {stats.serviceLevelToday === null ? t('common.none') : formatPercent(stats.serviceLevelToday, locale)}
          </span>
        </div>
        <div className="sl__bar" aria-hidden="true">
          <span className="sl__fill" style={{ width: `${Math.min(100, Math.max(0, stats.serviceLevelToday ?? 0))}%` }} />
          {target && <span className="sl__target" style={{ left: `${target.targetPercent}%` }} />}
        </div>
        <p className="sl__note">
          {sl === 'none' && <span>{t('wallboard.slNone')}</span>}
          {sl === 'below' && <strong>{t('wallboard.slBelow')}</strong>}
          {sl !== 'ok' && target && ' · '}
          {target && <span>{t('wallboard.slTarget', { target: formatPercent(target.targetPercent, locale), seconds: target.thresholdSeconds })}</span>}
        </p>
      </div>

      <div className="queue-card__agents">
        <span className="figure__label">{t('wallboard.agents')}</span>
        {servingTotal === 0 ? (
          <span className="muted">{t('wallboard.noAgents')}</span>
        ) : (
          <>
            <span className="status-bar" aria-hidden="true">
              {AGENT_STATUSES.map((status) =>
                stats.agentsByStatus[status] > 0 ? <span key={status} data-status={status} style={{ flexGrow: stats.agentsByStatus[status] }} /> : null,
              )}
            </span>
            <ul className="status-legend">
              {AGENT_STATUSES.filter((status) => stats.agentsByStatus[status] > 0).map((status) => (
                <li key={status} data-status={status} data-testid={`queue-${stats.queueId}-${status}`}>
                  <span className="status-dot" aria-hidden="true" />
                  {t(`supervisor.count.${status}`)} <strong>{formatNumber(stats.agentsByStatus[status], locale)}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </article>
  );
}
