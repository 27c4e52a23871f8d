import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ProblemError } from '../../api/errors.ts';
import type { Agent, AgentStatus } from '@cc/shared/agents/model';
import { AGENT_STATUSES } from '@cc/shared/agents/values';
import { Avatar } from '../../components/avatar.tsx';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { SearchIcon, UsersIcon } from '../../components/icons.tsx';
import { StatusPill } from '../../components/status-pill.tsx';
import { useNow } from '../../components/use-now.ts';
import { formatNumber, formatStatusDuration, formatTime } from '../../i18n/format.ts';
import { INTL_LOCALE } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useQueues } from '../queues/use-queues.ts';
import { useRealtime } from '../shell/realtime-context.tsx';
import { applyAgentList, applyAgentUpdate, countByStatus, filterAgents, sortAgents, type AgentBoard } from './agent-board.ts';
import { LiveCallsPanel } from './live-calls-panel.tsx';
import { LiveChatsPanel } from './live-chats-panel.tsx';
import { QueueWallboard } from './queue-wallboard.tsx';
import { KpiTilesPanel } from './kpi-tiles-panel.tsx';
import { StatusChangeDialog } from './status-change-dialog.tsx';
import { TimelineDialog } from '../timeline/timeline-dialog.tsx';

/** Live wallboard for supervisors: per-queue figures, then agents: counts by status and every agent with status, time in it, load and skills. */
export function SupervisorPage() {
  const { t, tp, locale } = useI18n();
  const api = useApi();
  const { on, openCount } = useRealtime();
  const { queues } = useQueues();
  const queueNames = useMemo(() => new Map((queues ?? []).map((queue) => [queue.queueId, queue.name])), [queues]);
  const now = useNow(1000);
  const [board, setBoard] = useState<AgentBoard | undefined>();
  const [failed, setFailed] = useState(false);
  const [statusFilter, setStatusFilter] = useState<AgentStatus | undefined>();
  const [search, setSearch] = useState('');
  const [changing, setChanging] = useState<string | undefined>();
  const [viewing, setViewing] = useState<string | undefined>();

  const load = useCallback(() => {
    setFailed(false);
    api.listAgents().then(
      (agents) => setBoard((current) => applyAgentList(current ?? new Map(), agents)),
      (error: unknown) => {
        if (!(error instanceof ProblemError && error.status === 401)) setFailed(true);
      },
    );
  }, [api]);

  // Load on entry and again after every (re)connect, in case pushes were missed meanwhile.
  useEffect(load, [load, openCount]);
  useEffect(() => on('agent.updated', ({ agent }) => setBoard((current) => applyAgentUpdate(current ?? new Map(), agent))), [on]);

  const collator = useMemo(() => new Intl.Collator(INTL_LOCALE[locale]), [locale]);
  const sorted = useMemo(() => sortAgents(board?.values() ?? [], collator), [board, collator]);
  const counts = useMemo(() => countByStatus(sorted), [sorted]);
  const agentNames = useMemo(() => new Map(sorted.map((agent) => [agent.agentId, agent.name])), [sorted]);
  const visible = useMemo(() => filterAgents(sorted, statusFilter, search), [sorted, statusFilter, search]);

  if (!board) {
    return failed ? (
      <section className="card">
        <LoadFailed onRetry={load} />
      </section>
    ) : (
      <div className="skeleton-list" role="status" aria-busy="true" aria-label={t('app.loading')}>
        <div className="skeleton" />
        <div className="skeleton" />
        <div className="skeleton" />
      </div>
    );
  }

  return (
    <div className="supervisor">
      <QueueWallboard queues={queues} now={now} />
      <KpiTilesPanel queues={queues} />
      <LiveCallsPanel now={now} agentNames={agentNames} queueNames={queueNames} />
      <LiveChatsPanel agentNames={agentNames} queueNames={queueNames} />

      <div className="section-head">
        <h2 className="section-head__title">{t('supervisor.agentsTitle')}</h2>
        <p className="section-head__meta">
          {t('supervisor.subtitle')} · {tp('supervisor.agents', sorted.length)}
        </p>
      </div>

      <div className="stats" role="group" aria-label={t('supervisor.filter.hint')}>
        {AGENT_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className="stat"
            data-status={status}
            aria-pressed={statusFilter === status}
            title={t('supervisor.filter.hint')}
            onClick={() => setStatusFilter((current) => (current === status ? undefined : status))}
          >
            <span className="stat__label">
              <span className="status-dot" data-status={status} aria-hidden="true" />
              {t(`supervisor.count.${status}`)}
            </span>
            <span className="stat__value" data-testid={`count-${status}`}>
              {formatNumber(counts[status], locale)}
            </span>
          </button>
        ))}
      </div>

      <section className="card card--flush">
        <div className="toolbar">
          <label className="search">
            <SearchIcon size={18} />
            <input className="search__input" type="search" placeholder={t('supervisor.search')} aria-label={t('supervisor.search')} value={search} onChange={(event) => setSearch(event.target.value)} />
          </label>
          {statusFilter && (
            <button type="button" className="button button--subtle" onClick={() => setStatusFilter(undefined)}>
              {t('supervisor.filter.all')}
            </button>
          )}
        </div>

        {sorted.length === 0 ? (
          <EmptyState icon={<UsersIcon size={28} />} title={t('supervisor.empty')} hint={t('supervisor.emptyHint')} />
        ) : visible.length === 0 ? (
          <EmptyState icon={<SearchIcon size={28} />} title={t('supervisor.noMatch')} />
        ) : (
          <table className="agents-table">
            <thead>
              <tr>
                <th scope="col">{t('supervisor.col.name')}</th>
                <th scope="col">{t('supervisor.col.status')}</th>
                <th scope="col">{t('supervisor.col.time')}</th>
                <th scope="col">{t('supervisor.col.load')}</th>
                <th scope="col">{t('supervisor.col.skills')}</th>
                <th scope="col">{t('supervisor.col.queues')}</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((agent) => (
                <AgentRow key={agent.agentId} agent={agent} now={now} queueNames={queueNames} onChangeStatus={() => setChanging(agent.agentId)} onOpenTimeline={() => setViewing(agent.agentId)} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {changing && board.get(changing) && <StatusChangeDialog agent={board.get(changing)!} onClose={() => setChanging(undefined)} />}
      {viewing && board.get(viewing) && <TimelineDialog agentId={viewing} name={board.get(viewing)!.name} onClose={() => setViewing(undefined)} />}
    </div>
  );
}

/** One agent: a table row on desktop, a card on phones (CSS decides). */
function AgentRow({ agent, now, queueNames, onChangeStatus, onOpenTimeline }: { agent: Agent; now: number; queueNames: Map<string, string>; onChangeStatus(): void; onOpenTimeline(): void }) {
  const { t, locale } = useI18n();
  const firstVersion = useRef(agent.version);
  return (
    <tr className="agent-row" data-agent-id={agent.agentId} data-status={agent.status}>
      <th scope="row" className="agent-row__name">
        <span className="agent-name">
          <Avatar name={agent.name} seed={agent.agentId} size={32} />
          <span>{agent.name}</span>
        </span>
      </th>
      <td className="agent-row__status">
        {/* Keyed by version so the pill re-mounts and flashes when a push changes it. */}
        <span key={agent.version} className={agent.version !== firstVersion.current ? 'flash' : undefined}>
          <StatusPill status={agent.status} reason={agent.breakReason} />
        </span>
        <span className="agent-row__actions">
          <button type="button" className="link-button agent-row__change" aria-label={t('statusChange.openFor', { name: agent.name })} onClick={onChangeStatus}>
            {t('statusChange.open')}
          </button>
          <button type="button" className="link-button agent-row__change" aria-label={t('timeline.openFor', { name: agent.name })} onClick={onOpenTimeline}>
            {t('timeline.open')}
          </button>
        </span>
      </td>
      <td className="agent-row__time">
        <span className="tabular" title={t('workspace.since', { time: formatTime(agent.statusSince, locale) })}>
          {formatStatusDuration(now - Date.parse(agent.statusSince), locale)}
        </span>
      </td>
      <td className="agent-row__load" data-label={t('supervisor.col.load')}>
        <AgentLoad agent={agent} />
      </td>
      <td className="agent-row__skills" data-label={t('supervisor.col.skills')}>
        {agent.skills.length === 0 ? (
          <span className="muted">{t('common.none')}</span>
        ) : (
          <ul className="chips">
            {agent.skills.map((skill) => (
              <li key={skill.skill} className="chip" title={t('supervisor.skillLevel', { skill: skill.skill, level: skill.level })}>
                {skill.skill}
                <span className="chip__level">{skill.level}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="agent-row__queues" data-label={t('supervisor.col.queues')}>
        {agent.queueIds.length === 0 ? (
          <span className="muted">{t('common.none')}</span>
        ) : (
          <ul className="chips">
            {agent.queueIds.map((queueId) => (
              <li key={queueId} className="chip chip--outline">
                {queueNames.get(queueId) ?? queueId}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** What the agent holds against their capacity: "Чаты 1/3 · Звонки 0/1"; only kinds they take. */
function AgentLoad({ agent }: { agent: Agent }) {
  const { t } = useI18n();
  const capacity = agent.capacity;
  if (!capacity) return <span className="muted">{t('common.none')}</span>;
  const load = agent.load ?? { voice: 0, chat: 0 };
  const parts = (['chat', 'voice'] as const).filter((kind) => capacity[kind] > 0);
  return (
    <span className="load-cell">
      {parts.map((kind) => (
        <span key={kind} className="load-pill" data-busy={load[kind] > 0 || undefined} data-full={load[kind] >= capacity[kind] || undefined}>
          {t(kind === 'chat' ? 'supervisor.load.chat' : 'supervisor.load.voice', { load: load[kind], capacity: capacity[kind] })}
        </span>
      ))}
    </span>
  );
}
