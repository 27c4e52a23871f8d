import { useState } from 'react';
import type { Agent } from '@cc/shared/agents/model';
import { Avatar } from '../../components/avatar.tsx';
import { StatusPill } from '../../components/status-pill.tsx';
import { formatDateTime, formatStatusDuration, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { TimelineDialog } from '../timeline/timeline-dialog.tsx';

/** The agent at a glance: who, which status and for how long, and how full their desk is. */
export function MyStatusCard({ agent, now, queueNames }: { agent: Agent; now: number; queueNames: Map<string, string> }) {
  const { t, locale } = useI18n();
  const load = agent.load ?? { voice: 0, chat: 0 };
  const capacity = agent.capacity;
  const [dayOpen, setDayOpen] = useState(false);
  return (
    <section className="card status-card status-card--compact" aria-labelledby="status-card-title">
      <h2 id="status-card-title" className="visually-hidden">
        {t('workspace.status')}
      </h2>
      <div className="status-card__head">
        <Avatar name={agent.name} seed={agent.agentId} size={40} />
        <div className="status-card__who">
          <span className="status-card__name">{agent.name}</span>
          <span className="status-card__line">
            <StatusPill status={agent.status} reason={agent.breakReason} />
            <span className="tabular muted" data-testid="my-status-duration" title={`${t('workspace.since', { time: formatTime(agent.statusSince, locale) })} · ${formatDateTime(agent.statusSince, locale)}`}>
              {formatStatusDuration(now - Date.parse(agent.statusSince), locale)}
            </span>
          </span>
        </div>
      </div>
      {/* Only while the status a supervisor set lasts: the agent's own change, or routing's, ends it. */}
      {agent.statusSetBy && agent.statusSetBy.at === agent.statusSince && (
        <p className="status-card__set-by" role="status" data-testid="status-set-by">
          {t('statusChange.setBy', { name: agent.statusSetBy.name, comment: agent.statusSetBy.comment })}
        </p>
      )}
      <div className="status-card__facts">
        {capacity && (
          <span className="load-meter" title={t('supervisor.col.load')}>
            {capacity.chat > 0 && <span className="load-meter__item">{t('supervisor.load.chat', { load: load.chat, capacity: capacity.chat })}</span>}
            {capacity.voice > 0 && <span className="load-meter__item">{t('supervisor.load.voice', { load: load.voice, capacity: capacity.voice })}</span>}
          </span>
        )}
        {agent.queueIds.length === 0 ? (
          <span className="muted">{t('workspace.noQueues')}</span>
        ) : (
          <ul className="chips" aria-label={t('workspace.queues')}>
            {agent.queueIds.map((queueId) => (
              <li key={queueId} className="chip chip--outline">
                {queueNames.get(queueId) ?? queueId}
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="link-button status-card__day" onClick={() => setDayOpen(true)}>
          {t('timeline.openOwn')}
        </button>
      </div>
      {dayOpen && <TimelineDialog agentId={agent.agentId} name={agent.name} own onClose={() => setDayOpen(false)} />}
    </section>
  );
}
