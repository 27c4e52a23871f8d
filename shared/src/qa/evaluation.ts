/** Forms and evaluations made from requests, pure: ids, versions, times and scores as the repository stores them. */
import { InvalidRequestError } from '../errors.ts';
import type { QaEvaluationBody, QaFormBody } from './schema.ts';
import { totalScore } from './score.ts';
import { evaluationIdOf, QA_KIND_ANSWERS, type QaAnswer, type QaAnswerValue, type QaComment, type QaDraftAnswer, type QaEvaluation, type QaForm, type QaParameter } from './values.ts';

const parametersOf = (input: QaFormBody): QaParameter[] => input.parameters.map((p) => ({
  parameterId: p.parameterId,
  name: p.name,
  ...(p.nameEn !== undefined && { nameEn: p.nameEn }),
  kind: p.kind,
  weight: p.weight,
  ...(p.link && { link: { category: p.link.category, ...(p.link.speaker && { speaker: p.link.speaker }) } }),
  ...(p.script && { script: true as const }),
}));

/** The form a `POST /api/qa/forms` body makes, at version 1. */
export function formFrom(input: QaFormBody, tenantId: string, formId: string, at: Date): QaForm {
  const now = at.toISOString();
  return { tenantId, formId, name: input.name, queueIds: [...input.queueIds], parameters: parametersOf(input), version: 1, createdAt: now, updatedAt: now };
}

/** `stored` replaced by a `PUT` body, one version on. */
export function replacedForm(stored: QaForm, input: QaFormBody, at: Date): QaForm {
  return { ...stored, name: input.name, queueIds: [...input.queueIds], parameters: parametersOf(input), version: stored.version + 1, updatedAt: at.toISOString() };
}

/** What an evaluation is of: the contact's agent, queue and channel, read by the route. */
export interface EvaluatedContact {
  contactId: string;
  agentId: string;
  queueId: string;
  channel?: string;
}

/** Who evaluates. */
export interface Evaluator {
  userId: string;
  name: string;
}

/**
 * The evaluation a `POST /api/qa/evaluations` body makes on `form`, with the draft's pre-answers kept beside the
 * evaluator's answers (so a changed pre-answer shows as changed) and the score computed here, never taken from the client.
 * @throws InvalidRequestError (field `answers`) when a parameter is missing, unknown, repeated or answered outside its kind.
 */
export function evaluationFrom(input: { body: QaEvaluationBody; form: QaForm; contact: EvaluatedContact; prefill: readonly QaDraftAnswer[]; evaluator: Evaluator; at: Date }): QaEvaluation {
  const { body, form, contact } = input;
  const given = new Map<string, QaEvaluationBody['answers'][number]>();
  for (const answer of body.answers) {
    const parameter = form.parameters.find((p) => p.parameterId === answer.parameterId);
    if (!parameter) throw new InvalidRequestError(`Parameter "${answer.parameterId}" is not on the form "${form.name}"`, { field: 'answers', parameterId: answer.parameterId });
    if (given.has(answer.parameterId)) throw new InvalidRequestError(`Parameter "${answer.parameterId}" is answered twice`, { field: 'answers', parameterId: answer.parameterId });
    if (answer.answer !== 'not_applicable' && !(QA_KIND_ANSWERS[parameter.kind] as readonly QaAnswerValue[]).includes(answer.answer)) {
      throw new InvalidRequestError(`"${parameter.name}" is answered ${QA_KIND_ANSWERS[parameter.kind].join(', ')} or not_applicable, not ${answer.answer}`, { field: 'answers', parameterId: answer.parameterId });
    }
    given.set(answer.parameterId, answer);
  }
  const missing = form.parameters.filter((p) => !given.has(p.parameterId));
  if (missing.length > 0) throw new InvalidRequestError(`Answer every parameter (or not_applicable): ${missing.map((p) => p.name).join(', ')}`, { field: 'answers', missing: missing.map((p) => p.parameterId) });

  const prefill = new Map(input.prefill.map((p) => [p.parameterId, p]));
  const answers: QaAnswer[] = form.parameters.map((parameter) => {
    const answer = given.get(parameter.parameterId)!;
    const pre = prefill.get(parameter.parameterId);
    return {
      parameterId: parameter.parameterId,
      answer: answer.answer,
      ...(answer.note && { note: answer.note }),
      ...(pre?.answer !== undefined && { prefilled: pre.answer }),
      ...(pre && pre.evidence.length > 0 && { evidence: pre.evidence }),
    };
  });
  return {
    tenantId: form.tenantId,
    evaluationId: evaluationIdOf(form.formId, contact.contactId),
    contactId: contact.contactId,
    formId: form.formId,
    formName: form.name,
    formVersion: form.version,
    parameters: form.parameters,
    agentId: contact.agentId,
    queueId: contact.queueId,
    ...(contact.channel !== undefined && { channel: contact.channel }),
    evaluatorId: input.evaluator.userId,
    evaluatorName: input.evaluator.name,
    evaluatedAt: input.at.toISOString(),
    answers,
    total: totalScore(form.parameters, new Map(answers.map((a) => [a.parameterId, a.answer]))),
    ...(body.comment && { comment: body.comment }),
    comments: [],
    version: 1,
  };
}

/** `evaluation` with `comment` appended, one version on. @throws InvalidRequestError when it has its fill of comments. */
export function withComment(evaluation: QaEvaluation, comment: QaComment, limit: number): QaEvaluation {
  if (evaluation.comments.length >= limit) throw new InvalidRequestError(`An evaluation takes at most ${limit} comments`, { reason: 'too_many_comments' });
  return { ...evaluation, comments: [...evaluation.comments, comment], version: evaluation.version + 1 };
}
