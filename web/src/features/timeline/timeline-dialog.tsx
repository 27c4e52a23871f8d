import { useCallback, useEffect, useRef, useState } from 'react';
import { TIMELINE_RETENTION_DAYS, type AgentTimeline } from '@cc/shared/timeline/values';
import { LoadFailed } from '../../components/empty-state.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useQueueNames } from '../queues/use-queues.ts';
import { useRealtime } from '../shell/realtime-context.tsx';
import { TimelineView } from './timeline-view.tsx';

/** How often today's strip is read again while open, so the running status grows; pushes reload it sooner. */
const REFRESH_MS = 60_000;
/** Pushes come in bursts (an offer changes the agent and the contact): one reload after the burst. */
const PUSH_SETTLE_MS = 400;

/** The calendar day `days` after a `YYYY-MM-DD` date. */
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * An agent's day in a dialog: today first, any kept day through the date field; today's follows the agent live
 * (their `agent.updated` pushes, and a periodic read for the running status). `own` titles it as the agent's own.
 */
export function TimelineDialog({ agentId, name, own, onClose }: { agentId: string; name: string; own?: boolean; onClose(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const { on } = useRealtime();
  const queueNames = useQueueNames();
  const [date, setDate] = useState<string | undefined>();
  const [today, setToday] = useState<string | undefined>();
  const [day, setDay] = useState<AgentTimeline | undefined>();
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);

  const load = useCallback(() => {
    const attempt = ++latest.current;
    setFailed(false);
    api.agentTimeline(agentId, date).then(
      (loaded) => {
        if (attempt !== latest.current) return;
        setDay(loaded);
        if (!date) setToday(loaded.date);
      },
      () => attempt === latest.current && setFailed(true),
    );
  }, [api, agentId, date]);

  useEffect(load, [load]);
  const showsToday = !date || date === today;
  useEffect(() => {
    if (!showsToday) return undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const off = on('agent.updated', ({ agent }) => {
      if (agent.agentId !== agentId) return;
      clearTimeout(settle);
      settle = setTimeout(load, PUSH_SETTLE_MS);
    });
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      off();
      clearTimeout(settle);
      clearInterval(timer);
    };
  }, [on, agentId, load, showsToday]);

  const title = own ? t('timeline.titleOwn') : t('timeline.title', { name });
  return (
    <Modal titleId="timeline-title" title={title} onClose={onClose} wide className="timeline-dialog">
      <div className="timeline__toolbar">
        <label className="field timeline__date">
          <span className="field__label">{t('timeline.date')}</span>
          <input
            className="input"
            type="date"
            value={date ?? today ?? ''}
            max={today}
            min={today && addDays(today, -(TIMELINE_RETENTION_DAYS - 1))}
            onChange={(event) => setDate(event.target.value || undefined)}
          />
        </label>
        <button type="button" className="button button--subtle" onClick={() => (showsToday ? load() : setDate(undefined))}>
          {t(showsToday ? 'timeline.refresh' : 'timeline.today')}
        </button>
      </div>
      {failed && !day ? (
        <LoadFailed onRetry={load} />
      ) : !day ? (
        <div className="skeleton" role="status" aria-busy="true" aria-label={t('app.loading')} />
      ) : (
        <TimelineView day={day} queueNames={queueNames} />
      )}
    </Modal>
  );
}
