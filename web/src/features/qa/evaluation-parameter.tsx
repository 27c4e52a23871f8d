import { QA_KIND_ANSWERS, QA_LIMITS, type QaAnswerValue, type QaDraftAnswer, type QaParameter } from '@cc/shared/qa/values';
import { formatStatusDuration } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { categoryKey } from './conversation-transcript.tsx';

const optionsOf = (parameter: QaParameter): QaAnswerValue[] => [...QA_KIND_ANSWERS[parameter.kind], 'not_applicable'];

/**
 * One parameter of the form: its answer as radio buttons of its kind (and «n/a»), a «pre-filled» mark with the
 * analysis's evidence when the analysis answered it, and the evaluator's note.
 */
export function EvaluationParameter({ parameter, draft, answer, note, onAnswer, onNote }: {
  parameter: QaParameter;
  draft: QaDraftAnswer | undefined;
  answer: QaAnswerValue | undefined;
  note: string;
  onAnswer(answer: QaAnswerValue): void;
  onNote(note: string): void;
}) {
  const { t, locale } = useI18n();
  const name = locale === 'en' && parameter.nameEn ? parameter.nameEn : parameter.name;
  const label = (value: QaAnswerValue) => (typeof value === 'number' ? String(value) : t(`qa.answer.${value}`));
  const prefilled = draft?.prefilled === true && draft.answer !== undefined;
  const group = `qa-param-${parameter.parameterId}`;

  return (
    <fieldset className="qa-param" data-parameter={parameter.parameterId} data-prefilled={prefilled}>
      <legend className="qa-param__name">
        {name} <span className="muted">· {t('qa.eval.weight', { weight: parameter.weight })}</span>
      </legend>
      <div className="qa-param__answers" role="radiogroup" aria-label={name}>
        {optionsOf(parameter).map((value) => (
          <label key={String(value)} className="qa-param__answer" data-checked={answer === value}>
            <input type="radio" name={group} value={String(value)} checked={answer === value} onChange={() => onAnswer(value)} />
            {label(value)}
          </label>
        ))}
      </div>
      {prefilled && (
        <div className="qa-param__prefill">
          <span className="chip qa-prefilled">{t('qa.eval.prefilled')}: {label(draft.answer!)}</span>
          {answer !== undefined && answer !== draft.answer && <span className="muted"> {t('qa.eval.changed')}</span>}
          <div className="qa-param__evidence">
            <span className="muted">{t('qa.eval.evidence')}: </span>
            {draft.scriptRun && (
              <span className="qa-evidence qa-evidence--script" data-script-result={draft.scriptRun.result}>
                {t(`qa.eval.script.${draft.scriptRun.result}`, { name: draft.scriptRun.scriptName, version: draft.scriptRun.version, outcome: draft.scriptRun.outcome ?? '' })}: {draft.scriptRun.stages.join(' → ')}
              </span>
            )}
            {draft.evidence.length === 0 && !draft.scriptRun && <span>{t(parameter.script ? 'qa.eval.script.none' : 'qa.eval.noEvidence')}</span>}
            {draft.evidence.map((evidence, index) => (
              <q key={index} className="qa-evidence" data-segment={evidence.segmentIndex} title={evidence.ruleId}>
                {t(`qa.review.speaker.${evidence.speaker}`)}: {evidence.span ? evidence.span.text : t('qa.review.measured', { category: t(categoryKey(evidence.category)), amount: formatStatusDuration(evidence.amountMs ?? 0, locale) })}
              </q>
            ))}
          </div>
        </div>
      )}
      <label className="field qa-param__note">
        <span>{t('qa.eval.note')}</span>
        <input className="input" maxLength={QA_LIMITS.noteMaxLength} value={note} onChange={(e) => onNote(e.target.value)} />
      </label>
    </fieldset>
  );
}
