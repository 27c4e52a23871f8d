import type { ScriptContent, ScriptStep } from '@cc/shared/scripts/values';
import { SCRIPT_LIMITS } from '@cc/shared/scripts/values';
import { useI18n } from '../../i18n/provider.tsx';
import { freshId } from './script-graph.ts';

/** The selected step's fields: title, text with placeholders, section, lock, answers or outcome, and "start here". */
export function StepForm({ content, step, onChange, onRemove, onStart }: { content: ScriptContent; step: ScriptStep; onChange(step: ScriptStep): void; onRemove(): void; onStart(): void }) {
  const { t } = useI18n();
  const L = SCRIPT_LIMITS;
  const set = (patch: Partial<ScriptStep>) => onChange({ ...step, ...patch });
  const answers = step.answers ?? [];
  return (
    <section className="step-form" aria-label={t('scripts.step.title')} data-step={step.id}>
      <label className="field">
        <span className="field__label">{t('scripts.step.name')}</span>
        <input className="input" value={step.title} maxLength={L.titleMaxLength} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">{t('scripts.step.text')}</span>
        <textarea className="input script-text" rows={5} value={step.text} maxLength={L.textMaxLength} onChange={(e) => set({ text: e.target.value })} />
        <span className="field__hint">{t('scripts.step.placeholders')}</span>
      </label>
      {content.kind === 'hybrid' && (
        <label className="field">
          <span className="field__label">{t('scripts.step.section')}</span>
          <input className="input" value={step.section ?? ''} maxLength={L.labelMaxLength} onChange={(e) => set({ section: e.target.value })} />
        </label>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={step.locked ?? false} onChange={(e) => set({ locked: e.target.checked || undefined })} />
        {t('scripts.step.locked')}
      </label>
      {step.kind === 'question' && (
        <fieldset className="field">
          <legend className="field__label">{t('scripts.step.answers')}</legend>
          {answers.map((answer, i) => (
            <div key={answer.id} className="step-form__answer">
              <input className="input" aria-label={t('scripts.step.answerLabel', { n: i + 1 })} value={answer.label} maxLength={L.labelMaxLength} onChange={(e) => set({ answers: answers.map((a) => (a.id === answer.id ? { ...a, label: e.target.value } : a)) })} />
              <button type="button" className="button button--subtle button--small" disabled={answers.length <= 2} onClick={() => set({ answers: answers.filter((a) => a.id !== answer.id) })}>{t('scripts.step.removeAnswer')}</button>
            </div>
          ))}
          {answers.length < L.answersPerStep && (
            <button type="button" className="button button--subtle button--small" onClick={() => set({ answers: [...answers, { id: freshId(answers.map((a) => a.id), 'a'), label: t('scripts.step.answerDefault', { n: answers.length + 1 }), next: '' }] })}>{t('scripts.step.addAnswer')}</button>
          )}
          <span className="field__hint">{t('scripts.step.answersHint')}</span>
        </fieldset>
      )}
      {step.kind === 'outcome' && step.outcome && (
        <>
          <label className="field">
            <span className="field__label">{t('scripts.step.outcome')}</span>
            <input className="input" value={step.outcome.label} maxLength={L.labelMaxLength} onChange={(e) => set({ outcome: { ...step.outcome!, label: e.target.value } })} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={step.outcome.success} onChange={(e) => set({ outcome: { ...step.outcome!, success: e.target.checked } })} />
            {t('scripts.step.success')}
          </label>
        </>
      )}
      <div className="script-editor__toolbar">
        {content.start !== step.id && <button type="button" className="button button--subtle button--small" onClick={onStart}>{t('scripts.step.makeStart')}</button>}
        <button type="button" className="button button--danger button--small" onClick={onRemove}>{t('scripts.step.remove')}</button>
      </div>
    </section>
  );
}
