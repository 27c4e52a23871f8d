import { Avatar } from '../../components/avatar.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { InboxIcon, UsersIcon } from '../../components/icons.tsx';
import { StatusPill } from '../../components/status-pill.tsx';
import { useNow } from '../../components/use-now.ts';
import { formatDateTime, formatStatusDuration, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useMyAgent } from '../agent-status/my-agent.tsx';
import { useQueueNames } from '../queues/use-queues.ts';

/** The agent's workspace: their status at a glance and, for now, an honest empty contacts area. */
export function WorkspacePage() {
  const { t, locale } = useI18n();
  const { agent } = useMyAgent();
  const now = useNow(1000);
  const queueNames = useQueueNames();

  if (!agent) {
    return (
      <section className="card">
        <EmptyState icon={<UsersIcon size={28} />} title={t('workspace.noAgent')} hint={t('workspace.noAgentHint')} />
      </section>
    );
  }

  const since = Date.parse(agent.statusSince);
  return (
    <div className="workspace">
      <p className="page-subtitle">{t('workspace.subtitle')}</p>
      <div className="workspace__grid">
        <section className="card status-card" aria-labelledby="status-card-title">
          <h2 id="status-card-title" className="card__title">
            {t('workspace.status')}
          </h2>
          <div className="status-card__head">
            <Avatar name={agent.name} seed={agent.agentId} size={48} />
            <div className="status-card__who">
              <span className="status-card__name">{agent.name}</span>
              <StatusPill status={agent.status} reason={agent.breakReason} size="lg" />
            </div>
          </div>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('supervisor.col.time')}</dt>
              <dd>
                <span className="tabular" data-testid="my-status-duration">
                  {formatStatusDuration(now - since, locale)}
                </span>
                <span className="muted" title={formatDateTime(agent.statusSince, locale)}>
                  {' · '}
                  {t('workspace.since', { time: formatTime(agent.statusSince, locale) })}
                </span>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('workspace.skills')}</dt>
              <dd>
                {agent.skills.length === 0 ? (
                  <span className="muted">{t('workspace.noSkills')}</span>
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
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('workspace.queues')}</dt>
              <dd>
                {agent.queueIds.length === 0 ? (
                  <span className="muted">{t('workspace.noQueues')}</span>
                ) : (
                  <ul className="chips">
                    {agent.queueIds.map((queueId) => (
                      <li key={queueId} className="chip chip--outline">
                        {queueNames.get(queueId) ?? queueId}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
        </section>

        <section className="card contacts-card" aria-labelledby="contacts-title">
          <div className="card__header">
            <h2 id="contacts-title" className="card__title">
              {t('workspace.contacts')}
            </h2>
            <span className="count-badge">0</span>
          </div>
          <EmptyState
            icon={<InboxIcon size={28} />}
            title={t('workspace.contacts.empty')}
            hint={agent.status === 'available' ? t('workspace.contacts.emptyHint') : t('workspace.contacts.offHint')}
          />
        </section>
      </div>
    </div>
  );
}
