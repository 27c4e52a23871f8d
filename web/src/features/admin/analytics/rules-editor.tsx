import { LEXICAL_CATEGORIES } from '@cc/shared/analytics/values';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { newRule, type RuleDraft } from './settings-draft.ts';

const SPEAKERS: readonly RuleDraft['speaker'][] = ['default', 'customer', 'agent', 'any'];
const PLACES: readonly RuleDraft['where'][] = ['anywhere', 'opening', 'closing'];
/** Phrases longer than the grammar allows are cut by the input itself (RULE_LIMITS.phraseLength). */
const PHRASE_MAX = 120;

/** The tenant's own rules: a category, a phrase in the rule grammar, who says it, where, and whether «не» cancels it. */
export function RulesEditor({ rules, onChange, invalid }: { rules: RuleDraft[]; onChange(rules: RuleDraft[]): void; invalid: ReadonlySet<string> }) {
  const { t } = useI18n();
  const change = (ruleId: string, patch: Partial<RuleDraft>) => onChange(rules.map((r) => (r.ruleId === ruleId ? { ...r, ...patch } : r)));

  return (
    <fieldset className="analytics-rules">
      <legend>{t('admin.analytics.rules')}</legend>
      <p className="muted">{t('admin.analytics.rules.hint')}</p>
      {rules.length === 0 && <p className="muted">{t('admin.analytics.rules.empty')}</p>}
      <ul className="analytics-rules__list">
        {rules.map((rule) => (
          <li key={rule.ruleId} className="analytics-rule" data-rule={rule.ruleId}>
            <label className="field">
              <span className="field__label">{t('admin.analytics.rule.category')}</span>
              <select className="input" value={rule.category} onChange={(e) => change(rule.ruleId, { category: e.target.value as RuleDraft['category'] })}>
                {LEXICAL_CATEGORIES.map((c) => <option key={c} value={c}>{t(`qa.category.${c}` as MessageKey)}</option>)}
              </select>
            </label>
            <label className="field analytics-rule__phrase">
              <span className="field__label">{t('admin.analytics.rule.phrase')}</span>
              <input className="input" value={rule.phrase} maxLength={PHRASE_MAX} aria-invalid={invalid.has(rule.ruleId) || undefined} placeholder={t('admin.analytics.rule.phrase.placeholder')} onChange={(e) => change(rule.ruleId, { phrase: e.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">{t('admin.analytics.rule.speaker')}</span>
              <select className="input" value={rule.speaker} onChange={(e) => change(rule.ruleId, { speaker: e.target.value as RuleDraft['speaker'] })}>
                {SPEAKERS.map((s) => <option key={s} value={s}>{t(`admin.analytics.speaker.${s}` as MessageKey)}</option>)}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('admin.analytics.rule.where')}</span>
              <select className="input" value={rule.where} onChange={(e) => change(rule.ruleId, { where: e.target.value as RuleDraft['where'] })}>
                {PLACES.map((p) => <option key={p} value={p}>{t(`admin.analytics.where.${p}` as MessageKey)}</option>)}
              </select>
            </label>
            <label className="flow-toggle">
              <input type="checkbox" checked={rule.negatable} onChange={(e) => change(rule.ruleId, { negatable: e.target.checked })} />
              {t('admin.analytics.rule.negatable')}
            </label>
            <button type="button" className="button button--subtle button--small" onClick={() => onChange(rules.filter((r) => r.ruleId !== rule.ruleId))} aria-label={t('admin.analytics.rule.remove', { phrase: rule.phrase || rule.ruleId })}>
              {t('admin.analytics.rule.removeShort')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--small" onClick={() => onChange([...rules, newRule(rules, 'escalation_request')])}>
        {t('admin.analytics.rule.add')}
      </button>
    </fieldset>
  );
}
