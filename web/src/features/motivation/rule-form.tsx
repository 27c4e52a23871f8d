import { useState } from 'react';
import { COMPARISONS, type AchievementRule, type AchievementRuleContent, type Comparison } from '@cc/shared/gamification/values';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { EnabledField, GameFormFrame, PeriodField, useGameSave } from './game-form.tsx';

const NEW_RULE: AchievementRuleContent = { name: { ru: '', en: '' }, description: { ru: '', en: '' }, icon: 'star', metric: 'contacts_handled', comparison: 'gte', threshold: 20, period: 'day', minHandled: 1, points: 10, enabled: true };

const contentOf = (rule: AchievementRule): AchievementRuleContent => {
  const { name, description, icon, metric, comparison, threshold, period, minHandled, points, enabled } = rule;
  return { name, description, icon, metric, comparison, ...(threshold !== undefined && { threshold }), period, minHandled, points, enabled };
};

/**
 * An achievement as a rule: a metric kept per agent over a day, week or month, compared with a threshold or with
 * the team's best, for agents who handled enough contacts; its points, badge and names in both languages.
 */
export function RuleForm({ rule, metrics, onSaved, onCancel }: { rule?: AchievementRule | undefined; metrics: readonly MetricView[]; onSaved(rule: AchievementRule): void; onCancel(): void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [draft, setDraft] = useState<AchievementRuleContent>(() => (rule ? contentOf(rule) : NEW_RULE));
  const [threshold, setThreshold] = useState(String(draft.threshold ?? ''));
  const { errors, busy, submit } = useGameSave(onSaved);
  const change = (patch: Partial<AchievementRuleContent>) => setDraft((d) => ({ ...d, ...patch }));
  const id = `rule-${rule?.ruleId ?? 'new'}`;
  const agentMetrics = metrics.filter((m) => m.source === 'interval' && m.dimensions.includes('agent'));
  const unit = metrics.find((m) => m.id === draft.metric)?.unit;

  const save = () => {
    const { threshold: _dropped, ...rest } = draft;
    const content: AchievementRuleContent = draft.comparison === 'top' ? rest : { ...rest, threshold: Number(threshold.replace(',', '.')) };
    return rule ? api.updateAchievementRule(rule.ruleId, rule.version, content) : api.createAchievementRule(content);
  };

  return (
    <GameFormFrame id={id} title={rule ? t('motivation.rules.editTitle', { name: rule.name[locale] }) : t('motivation.rules.newTitle')} value={draft} onChange={change} errors={errors} busy={busy} onSubmit={submit(save)} onCancel={onCancel}>
      <div className="game-form__row">
        <label className="field">
          <span className="field__label">{t('motivation.form.metric')}</span>
          <select className="input" value={draft.metric} onChange={(event) => change({ metric: event.target.value })} {...(errors.metric && { 'aria-invalid': true })}>
            {agentMetrics.map((m) => <option key={m.id} value={m.id}>{m.name[locale]}</option>)}
          </select>
          {errors.metric && <span className="field__error">{t(errors.metric)}</span>}
        </label>
        <label className="field">
          <span className="field__label">{t('motivation.form.comparison')}</span>
          <select className="input" value={draft.comparison} onChange={(event) => change({ comparison: event.target.value as Comparison })}>
            {COMPARISONS.map((c) => <option key={c} value={c}>{t(`motivation.comparison.${c}`)}</option>)}
          </select>
        </label>
        {draft.comparison !== 'top' && (
          <label className="field">
            <span className="field__label">{t('motivation.form.threshold')}{unit && ` (${t(`motivation.unit.${unit}`)})`}</span>
            <input className="input" inputMode="decimal" value={threshold} onChange={(event) => setThreshold(event.target.value)} {...(errors.threshold && { 'aria-invalid': true })} />
            {errors.threshold && <span className="field__error">{t(errors.threshold)}</span>}
          </label>
        )}
      </div>
      <div className="game-form__row">
        <PeriodField value={draft.period} onChange={(period) => change({ period })} />
        <label className="field">
          <span className="field__label">{t('motivation.form.minHandled')}</span>
          <input className="input" type="number" min={0} value={draft.minHandled} onChange={(event) => change({ minHandled: Number(event.target.value) })} />
        </label>
        <label className="field">
          <span className="field__label">{t('motivation.points')}</span>
          <input className="input" type="number" min={0} value={draft.points} onChange={(event) => change({ points: Number(event.target.value) })} {...(errors.points && { 'aria-invalid': true })} />
        </label>
        <EnabledField value={draft.enabled} onChange={(enabled) => change({ enabled })} />
      </div>
    </GameFormFrame>
  );
}
