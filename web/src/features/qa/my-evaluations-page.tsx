import { useEffect, useState } from 'react';
import type { QaAnswerValue, QaEvaluation } from '@cc/shared/qa/values';
import { LoadFailed } from '../../components/empty-state.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';

const answerKey = (answer: QaAnswerValue): MessageKey | undefined => (typeof answer === 'number' ? undefined : `qa.answer.${answer}`);

/** «Мои оценки»: the agent's own evaluations with their scores, answers and notes, and a comment box on each. */
export function MyEvaluationsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const [evaluations, setEvaluations] = useState<QaEvaluation[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, string>>({});

  const load = () => void api.qaEvaluations({}).then((all) => { setEvaluations(all); setFailed(false); }, () => setFailed(true));
  useEffect(load, [api]);

  const send = async (evaluationId: string) => {
    const text = drafts[evaluationId]?.trim();
    if (!text) return;
    const next = await api.commentQaEvaluation(evaluationId, text);
    setEvaluations((all) => all?.map((e) => (e.evaluationId === evaluationId ? next : e)));
    setDrafts((all) => ({ ...all, [evaluationId]: '' }));
  };

  return (
    <section className="qa-page" aria-labelledby="qa-mine-title">
      <h1 id="qa-mine-title">{t('qa.mine.title')}</h1>
      {failed && <LoadFailed onRetry={load} />}
      {evaluations?.length === 0 && <p>{t('qa.mine.empty')}</p>}
      {evaluations?.map((evaluation) => (
        <article key={evaluation.evaluationId} className="qa-evaluation" data-evaluation={evaluation.evaluationId}>
          <h2>{evaluation.formName} · {t('qa.mine.total')}: {evaluation.total === null ? t('qa.mine.noTotal') : evaluation.total.toLocaleString(locale)}</h2>
          <p>{t('qa.mine.evaluator')}: {evaluation.evaluatorName}, {formatDateTime(evaluation.evaluatedAt, locale)}</p>
          {evaluation.comment && <p>{evaluation.comment}</p>}
          <ul>
            {evaluation.answers.map((answer) => {
              const parameter = evaluation.parameters.find((p) => p.parameterId === answer.parameterId);
              const key = answerKey(answer.answer);
              const name = locale === 'en' && parameter?.nameEn ? parameter.nameEn : parameter?.name;
              return (
                <li key={answer.parameterId}>
                  {name}: {key ? t(key) : String(answer.answer)}
                  {answer.note && <> — {t('qa.mine.note')}: {answer.note}</>}
                </li>
              );
            })}
          </ul>
          {evaluation.comments.length > 0 && (
            <>
              <h3>{t('qa.mine.comments')}</h3>
              <ul>{evaluation.comments.map((c) => <li key={c.commentId}>{c.authorName} ({formatDateTime(c.at, locale)}): {c.text}</li>)}</ul>
            </>
          )}
          <label>
            {t('qa.mine.comment')}
            <textarea maxLength={2000} value={drafts[evaluation.evaluationId] ?? ''} onChange={(e) => setDrafts((all) => ({ ...all, [evaluation.evaluationId]: e.target.value }))} />
          </label>
          <button type="button" onClick={() => void send(evaluation.evaluationId)}>{t('qa.mine.send')}</button>
        </article>
      ))}
    </section>
  );
}
