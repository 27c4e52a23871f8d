import { useCallback, useEffect, useState } from 'react';
import { hasRole } from '@cc/shared/auth/values';
import type { AchievementRule, Quest } from '@cc/shared/gamification/values';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import { LoadFailed } from '../../components/empty-state.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi, useSession } from '../auth/session.tsx';
import { useQueues } from '../queues/use-queues.ts';
import { useMetricCatalog } from '../reports/use-metric-catalog.ts';
import { hashFor } from '../shell/routes.ts';
import { formatMetric } from '../reports/metric-format.ts';
import { BadgeIcon } from './badge-icon.tsx';
import { SIGN } from './award-text.ts';
import { QuestForm } from './quest-form.tsx';
import { RuleForm } from './rule-form.tsx';
import './motivation.css';

/** «Достижения и задания»: admins edit the achievements (the four built-in ones and their own), supervisors the quests. */
export function GameSettingsPage() {
  const i18n = useI18n();
  const { t, tp, locale } = i18n;
  const api = useApi();
  const notify = useToast();
  const roles = useSession().session?.user.roles ?? [];
  const admin = hasRole(roles, 'admin');
  const catalog = useMetricCatalog();
  const { queues } = useQueues();
  const [rules, setRules] = useState<AchievementRule[]>();
  const [quests, setQuests] = useState<Quest[]>();
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<string | undefined>();
  const load = useCallback(() => {
    Promise.all([api.achievementRules(), api.quests()]).then(([r, q]) => { setRules(r); setQuests(q); setFailed(false); }, () => setFailed(true));
  }, [api]);
  useEffect(load, [load]);
  const metrics = catalog ?? [];
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const saved = (message: string) => { setEditing(undefined); notify(message, 'info'); load(); };
  const remove = async (what: () => Promise<void>) => {
    try { await what(); notify(t('motivation.deleted'), 'info'); load(); } catch { notify(t('motivation.form.error.failed'), 'error'); }
  };

  return (
    <div className="game-settings" data-testid="game-settings">
      <a className="button button--ghost" href={hashFor('motivation')}>{t('motivation.backToBoard')}</a>
      {failed && <LoadFailed onRetry={load} />}
      <section className="card" aria-labelledby="rules-title" aria-busy={!rules && !failed}>
        <div className="card__header card__header--padded">
          <div>
            <h2 id="rules-title" className="card__title">{t('motivation.rules.title')}</h2>
            <p className="card__hint">{t(admin ? 'motivation.rules.hint' : 'motivation.rules.adminsOnly')}</p>
          </div>
          {admin && editing !== 'rule:new' && <button type="button" className="button button--primary" onClick={() => setEditing('rule:new')}>{t('motivation.rules.new')}</button>}
        </div>
        {editing === 'rule:new' && <RuleForm metrics={metrics} onSaved={() => saved(t('motivation.saved'))} onCancel={() => setEditing(undefined)} />}
        <ul className="game-list" data-testid="rule-list">
          {rules?.map((rule) => (
            <li key={rule.ruleId} className="game-list__item" data-rule={rule.ruleId} data-enabled={rule.enabled}>
              {editing === `rule:${rule.ruleId}` ? <RuleForm rule={rule} metrics={metrics} onSaved={() => saved(t('motivation.saved'))} onCancel={() => setEditing(undefined)} /> : (
                <>
                  <BadgeIcon icon={rule.icon} tone={rule.enabled ? 'gold' : 'muted'} />
                  <div className="game-list__text">
                    <p className="game-list__name">{rule.name[locale]}{!rule.enabled && <span className="tag">{t('motivation.off')}</span>}</p>
                    <p className="game-list__description">{rule.description[locale]}</p>
                    <p className="game-list__condition">{conditionText(rule, byId, i18n)}</p>
                  </div>
                  {admin && (
                    <div className="game-list__actions">
                      <button type="button" className="button button--ghost" onClick={() => setEditing(`rule:${rule.ruleId}`)} aria-label={t('motivation.editOf', { name: rule.name[locale] })}>{t('motivation.edit')}</button>
                      {!rule.builtIn && <button type="button" className="button button--ghost" onClick={() => void remove(() => api.deleteAchievementRule(rule.ruleId))} aria-label={t('motivation.deleteOf', { name: rule.name[locale] })}>{t('motivation.delete')}</button>}
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="quests-title" aria-busy={!quests && !failed}>
        <div className="card__header card__header--padded">
          <div>
            <h2 id="quests-title" className="card__title">{t('motivation.quests.title')}</h2>
            <p className="card__hint">{t('motivation.quests.hint')}</p>
          </div>
          {editing !== 'quest:new' && <button type="button" className="button button--primary" onClick={() => setEditing('quest:new')}>{t('motivation.quests.new')}</button>}
        </div>
        {editing === 'quest:new' && <QuestForm metrics={metrics} queues={queues ?? []} onSaved={() => saved(t('motivation.saved'))} onCancel={() => setEditing(undefined)} />}
        {quests && quests.length === 0 && editing !== 'quest:new' && <p className="muted game-list__empty">{t('motivation.quests.empty')}</p>}
        <ul className="game-list" data-testid="quest-list">
          {quests?.map((quest) => (
            <li key={quest.questId} className="game-list__item" data-quest={quest.questId}>
              {editing === `quest:${quest.questId}` ? <QuestForm quest={quest} metrics={metrics} queues={queues ?? []} onSaved={() => saved(t('motivation.saved'))} onCancel={() => setEditing(undefined)} /> : (
                <>
                  <BadgeIcon icon={quest.icon} tone={quest.enabled ? 'gold' : 'muted'} />
                  <div className="game-list__text">
                    <p className="game-list__name">{quest.name[locale]}{!quest.enabled && <span className="tag">{t('motivation.off')}</span>}</p>
                    <p className="game-list__description">{quest.description[locale]}</p>
                    <ol className="game-list__steps">{quest.steps.map((s) => <li key={s.stepId}>{s.label[locale]} — {formatMetric(s.target, byId.get(s.metric)?.unit ?? 'count', locale)}</li>)}</ol>
                    <p className="game-list__condition">{t(`motivation.period.${quest.period}`)} · {tp('motivation.rewardOf', quest.points)}</p>
                  </div>
                  <div className="game-list__actions">
                    <button type="button" className="button button--ghost" onClick={() => setEditing(`quest:${quest.questId}`)} aria-label={t('motivation.editOf', { name: quest.name[locale] })}>{t('motivation.edit')}</button>
                    <button type="button" className="button button--ghost" onClick={() => void remove(() => api.deleteQuest(quest.questId))} aria-label={t('motivation.deleteOf', { name: quest.name[locale] })}>{t('motivation.delete')}</button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** «Пропущенные предложения ≤ 0 · день · 10 баллов» or «лучший в команде по времени в разговорах». */
function conditionText(rule: AchievementRule, metrics: ReadonlyMap<string, MetricView>, { t, tp, locale }: ReturnType<typeof useI18n>): string {
  const metric = metrics.get(rule.metric);
  const name = metric?.name[locale] ?? rule.metric;
  const what = rule.comparison === 'top' ? t('motivation.condition.top', { metric: name }) : `${name} ${SIGN[rule.comparison]} ${formatMetric(rule.threshold ?? 0, metric?.unit ?? 'count', locale)}`;
  return `${what} · ${t(`motivation.period.${rule.period}`)} · ${tp('motivation.rewardOf', rule.points)}`;
}
