import { useEffect, useState } from 'react';
import { QA_LIMITS, totalScore, type QaAnswerValue, type QaDraft, type QaEvaluation, type QaForm } from '@cc/shared/qa/values';
import { ProblemError } from '../../api/errors.ts';
import { LoadFailed } from '../../components/empty-state.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { EvaluationParameter } from './evaluation-parameter.tsx';

/**
 * The evaluator's side of the review: the queue's form (a choice when several serve it), its draft pre-answered from
 * the analysis, every parameter confirmed or changed, a note each and a comment, saved as one evaluation whose
 * total the server computes and this panel then shows.
 */
export function EvaluationPanel({ contactId, queueId }: { contactId: string; queueId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [forms, setForms] = useState<QaForm[] | undefined>();
  const [formId, setFormId] = useState<string | undefined>();
  const [draft, setDraft] = useState<QaDraft | undefined>();
  const [answers, setAnswers] = useState<Record<string, QaAnswerValue | undefined>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState<QaEvaluation | undefined>();

  const loadForms = () => void api.qaForms().then((all) => {
    const mine = all.filter((form) => form.queueIds.includes(queueId));
    setForms(mine);
    setFormId((current) => current ?? mine[0]?.formId);
    setFailed(false);
  }, () => setFailed(true));
  useEffect(loadForms, [api, queueId]);

  useEffect(() => {
    if (!formId) return undefined;
    let live = true;
    setDraft(undefined);
    setSaved(undefined);
    setProblem(undefined);
    api.qaDraft(contactId, formId).then(async (next) => {
      // Evaluated already: the stored answers and total, not a fresh draft that could not be saved anyway.
      const stored = next.evaluationId ? (await api.qaEvaluations({ ...(next.agentId && { agentId: next.agentId }) }).catch(() => [])).find((e) => e.evaluationId === next.evaluationId) : undefined;
      if (!live) return;
      setDraft(next);
      setAnswers(Object.fromEntries(stored ? stored.answers.map((a) => [a.parameterId, a.answer]) : next.answers.map((a) => [a.parameterId, a.answer])));
      setNotes(stored ? Object.fromEntries(stored.answers.filter((a) => a.note).map((a) => [a.parameterId, a.note!])) : {});
      setComment(stored?.comment ?? '');
      setSaved(stored);
    }, () => live && setFailed(true));
    return () => { live = false; };
  }, [api, contactId, formId]);

  // The same function the server scores with, so the total shown while answering is the one stored.
  const liveTotal = draft ? totalScore(draft.form.parameters, answers) : null;
  const unanswered = draft ? draft.form.parameters.filter((p) => answers[p.parameterId] === undefined).length : 0;
  const save = async () => {
    if (!draft || unanswered > 0) return;
    setSaving(true);
    setProblem(undefined);
    try {
      const body = {
        contactId, formId: draft.form.formId,
        answers: draft.form.parameters.map((p) => ({ parameterId: p.parameterId, answer: answers[p.parameterId]!, ...(notes[p.parameterId]?.trim() && { note: notes[p.parameterId]!.trim() }) })),
        ...(comment.trim() && { comment: comment.trim() }),
      };
      setSaved(await api.createQaEvaluation(body));
    } catch (error) {
      if (error instanceof ProblemError && error.problem?.reason === 'already_evaluated') setProblem(t('qa.eval.already'));
      else setProblem(t('qa.eval.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };

  const done = saved !== undefined || draft?.evaluationId !== undefined;
  return (
    <section className="card qa-evaluation-panel" aria-labelledby="qa-eval-title" data-testid="qa-evaluation-panel">
      <div className="card__header card__header--padded">
        <h2 id="qa-eval-title" className="card__title">{t('qa.eval.title')}</h2>
        {forms && forms.length > 1 && (
          <label className="field qa-eval__form">
            <span>{t('qa.eval.form')}</span>
            <select className="input" value={formId ?? ''} onChange={(e) => setFormId(e.target.value)}>
              {forms.map((form) => <option key={form.formId} value={form.formId}>{form.name}</option>)}
            </select>
          </label>
        )}
      </div>
      {failed && <LoadFailed onRetry={loadForms} />}
      {forms?.length === 0 && <p className="qa-review__note">{t('qa.eval.noForms')}</p>}
      {draft && (
        <form className="qa-eval" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          {forms?.length === 1 && <p className="qa-eval__form-name">{t('qa.eval.form')}: <strong>{draft.form.name}</strong></p>}
          <fieldset className="qa-eval__answers" disabled={done}>
            {draft.form.parameters.map((parameter) => (
              <EvaluationParameter
                key={parameter.parameterId}
                parameter={parameter}
                draft={draft.answers.find((a) => a.parameterId === parameter.parameterId)}
                answer={answers[parameter.parameterId]}
                note={notes[parameter.parameterId] ?? ''}
                onAnswer={(answer) => setAnswers((all) => ({ ...all, [parameter.parameterId]: answer }))}
                onNote={(note) => setNotes((all) => ({ ...all, [parameter.parameterId]: note }))}
              />
            ))}
            <label className="field">
              <span>{t('qa.eval.comment')}</span>
              <textarea className="input" maxLength={QA_LIMITS.commentMaxLength} value={comment} onChange={(e) => setComment(e.target.value)} />
            </label>
          </fieldset>
          {!saved && (
            <p className="qa-eval__live" data-testid="qa-eval-live">
              {t('qa.eval.liveTotal')}: <strong>{liveTotal === null ? t('qa.eval.noTotal') : formatNumber(liveTotal, locale)}</strong>
            </p>
          )}
          {unanswered > 0 && <p className="muted">{t('qa.eval.unanswered', { count: formatNumber(unanswered, locale) })}</p>}
          {problem && <p className="alert alert--error" role="alert">{problem}</p>}
          {draft.evaluationId && !saved && <p className="alert alert--info" data-testid="qa-eval-saved">{t('qa.eval.already')}</p>}
          {saved && (
            <p className="alert alert--info qa-eval__saved" role="status" data-testid="qa-eval-saved">
              {draft.evaluationId ? t('qa.eval.already') : t('qa.eval.saved')} {t('qa.eval.total')}: <strong data-testid="qa-eval-total">{saved.total === null ? t('qa.eval.noTotal') : formatNumber(saved.total, locale)}</strong>
            </p>
          )}
          <div>
            <button type="submit" className="button button--primary" disabled={saving || unanswered > 0 || done}>{saving ? t('qa.eval.saving') : t('qa.eval.save')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
