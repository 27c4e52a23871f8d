import { ANALYSIS_CATEGORIES } from '@cc/shared/analytics/values';
import { QA_PARAMETER_KINDS } from '@cc/shared/qa/values';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import type { ParameterDraft } from './form-draft.ts';

interface Props {
  index: number;
  parameter: ParameterDraft;
  share: number;
  invalid: { name: boolean; weight: boolean };
  onChange(patch: Partial<ParameterDraft>): void;
  onRemove?: () => void;
}

/** One parameter of a form: its names, how it is answered, its weight, and the analytics category that pre-answers it. */
export function ParameterRow({ index, parameter, share, invalid, onChange, onRemove }: Props) {
  const { t } = useI18n();
  const n = index + 1;
  return (
    <li className="qa-form-parameter" data-parameter={parameter.parameterId}>
      <span className="qa-form-parameter__n" aria-hidden="true">{n}</span>
      <label className="field">
        <span className="field__label">{t('qa.forms.parameter.name')}</span>
        <input className="input" value={parameter.name} maxLength={120} aria-invalid={invalid.name || undefined} aria-label={t('qa.forms.parameter.nameOf', { n })} onChange={(e) => onChange({ name: e.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">{t('qa.forms.parameter.nameEn')}</span>
        <input className="input" lang="en" value={parameter.nameEn} maxLength={120} aria-label={t('qa.forms.parameter.nameEnOf', { n })} onChange={(e) => onChange({ nameEn: e.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">{t('qa.forms.parameter.kind')}</span>
        <select className="input" value={parameter.kind} aria-label={t('qa.forms.parameter.kindOf', { n })} onChange={(e) => onChange({ kind: e.target.value as ParameterDraft['kind'] })}>
          {QA_PARAMETER_KINDS.map((kind) => <option key={kind} value={kind}>{t(`qa.forms.kind.${kind}` as MessageKey)}</option>)}
        </select>
      </label>
      <label className="field qa-form-parameter__weight">
        <span className="field__label">{t('qa.forms.parameter.weight', { share })}</span>
        <input className="input" inputMode="numeric" value={parameter.weight} aria-invalid={invalid.weight || undefined} aria-label={t('qa.forms.parameter.weightOf', { n })} onChange={(e) => onChange({ weight: e.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">{t('qa.forms.parameter.link')}</span>
        <select className="input" value={parameter.category} aria-label={t('qa.forms.parameter.linkOf', { n })} onChange={(e) => onChange({ category: e.target.value as ParameterDraft['category'] })}>
          <option value="">{t('qa.forms.link.none')}</option>
          {ANALYSIS_CATEGORIES.map((c) => <option key={c} value={c}>{t(`qa.category.${c}` as MessageKey)}</option>)}
          <option value="script">{t('qa.forms.link.script')}</option>
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('qa.forms.parameter.speaker')}</span>
        <select className="input" value={parameter.speaker} disabled={!parameter.category || parameter.category === 'script'} aria-label={t('qa.forms.parameter.speakerOf', { n })} onChange={(e) => onChange({ speaker: e.target.value as ParameterDraft['speaker'] })}>
          <option value="">{t('qa.forms.speaker.either')}</option>
          <option value="agent">{t('qa.forms.speaker.agent')}</option>
          <option value="customer">{t('qa.forms.speaker.customer')}</option>
        </select>
      </label>
      {onRemove && (
        <button type="button" className="button button--subtle button--small" onClick={onRemove} aria-label={t('qa.forms.parameter.remove', { n })}>
          {t('qa.forms.parameter.removeShort')}
        </button>
      )}
    </li>
  );
}
