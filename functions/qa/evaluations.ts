import { randomUUID } from 'node:crypto';
import type { AnalysisSearchEntry } from '@cc/shared/analytics/values';
import { ANALYSIS_SEARCH_MAX_LIMIT } from '@cc/shared/analytics/values';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { addDays, localDate, startOfLocalDate } from '@cc/shared/calendar/values';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import { evaluationFrom, withComment } from '@cc/shared/qa/evaluation';
import { prefillAnswers } from '@cc/shared/qa/prefill';
import { dailySample } from '@cc/shared/qa/sample';
import type { QaEvaluationBody, QaEvaluationQuery } from '@cc/shared/qa/schema';
import { totalScore } from '@cc/shared/qa/score';
import { evaluationIdOf, QA_LIMITS, type QaDraft, type QaEvaluation, type QaForm, type QaSample, type QaScriptEvidence } from '@cc/shared/qa/values';
import type { Contact } from '@cc/shared/contacts/model';
import { scriptForContact } from '@cc/shared/scripts/selection';
import { firstVisits } from '@cc/shared/scripts/run';
import type { Deps } from '../composition/deps.ts';
import { tenantTimeZone } from '../metrics/time-zone.ts';

/** Evaluations one list answers at most. */
export const QA_LIST_LIMIT = 200;
/** Days a list covers when the request names no period. */
const DEFAULT_LIST_DAYS = 30;

type QaDeps = Pick<Deps, 'qaForms' | 'qaEvaluations' | 'analyses' | 'contacts' | 'agents' | 'directory' | 'clock' | 'scripts'>;

/**
 * Quality evaluation: the form a supervisor fills for a contact (pre-answered from its analysis), the stored
 * evaluations and their comments, and the day's sample. One evaluation per contact and form: evaluating again is a
 * 409 `already_evaluated` (the agent may have read and commented on the first; docs/qa.md).
 */
export class QaEvaluations {
  constructor(private readonly deps: QaDeps) {}

  /** @throws NotFoundError for a form not in the tenant. */
  async form(tenantId: string, formId: string): Promise<QaForm> {
    const form = await this.deps.qaForms.get(tenantId, formId);
    if (!form) throw new NotFoundError('QA form', formId);
    return form;
  }

  /** The forms the caller may read: a supervisor every one, an agent those of the queues they serve. */
  async visibleForms(principal: Principal): Promise<QaForm[]> {
    const forms = (await this.deps.qaForms.list(principal.tenantId)).sort((a, b) => a.name.localeCompare(b.name) || a.formId.localeCompare(b.formId));
    if (hasRole(principal.roles, 'supervisor')) return forms;
    const queues = new Set((await this.deps.agents.get(principal.tenantId, principal.userId))?.queueIds ?? []);
    return forms.filter((form) => form.queueIds.some((queueId) => queues.has(queueId)));
  }

  /** The contact and form, checked to go together. @throws NotFoundError, InvalidRequestError (`form_not_for_queue`). */
  private async subject(tenantId: string, contactId: string, formId: string) {
    const [contact, form] = await Promise.all([this.deps.contacts.get(tenantId, contactId), this.form(tenantId, formId)]);
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (!form.queueIds.includes(contact.queueId)) throw new InvalidRequestError(`The form "${form.name}" is not for the queue ${contact.queueId} of this contact`, { field: 'formId', reason: 'form_not_for_queue' });
    return { contact, form };
  }

  /** The form pre-answered from the contact's analysis, for a supervisor to confirm or change. */
  async draft(tenantId: string, contactId: string, formId: string): Promise<QaDraft> {
    const { contact, form } = await this.subject(tenantId, contactId, formId);
    const [analysis, existing] = await Promise.all([this.deps.analyses.get(tenantId, contactId), this.deps.qaEvaluations.get(tenantId, evaluationIdOf(formId, contactId))]);
    const answers = prefillAnswers(form.parameters, analysis, await this.scriptEvidence(form, contact));
    return {
      contactId,
      form,
      ...(contact.agentId !== undefined && { agentId: contact.agentId }),
      queueId: contact.queueId,
      analysed: analysis !== undefined,
      answers,
      total: totalScore(form.parameters, new Map(answers.map((a) => [a.parameterId, a.answer]))),
      ...(existing && { evaluationId: existing.evaluationId }),
    };
  }

  /** What a form's script parameters rest on: the contact's run, `none` when its queue's script was not started, else nothing. */
  private async scriptEvidence(form: QaForm, contact: Contact): Promise<QaScriptEvidence | 'none' | undefined> {
    if (!form.parameters.some((p) => p.script)) return undefined;
    const run = (await this.deps.scripts.runsOfContact(contact.tenantId, contact.contactId)).sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
    if (!run) return scriptForContact(await this.deps.scripts.list(contact.tenantId), contact) ? 'none' : undefined;
    const version = await this.deps.scripts.getVersion(contact.tenantId, run.scriptId, run.version);
    const title = (id: string) => version?.steps.find((s) => s.id === id)?.title ?? id;
    const outcome = version?.steps.find((s) => s.outcome?.id === run.outcome)?.outcome?.label ?? run.outcome;
    return { scriptName: version?.name ?? run.scriptId, version: run.version, result: run.result, ...(outcome !== undefined && { outcome }), stages: firstVisits(run.path).map(title) };
  }

  /**
   * Stores the supervisor's evaluation, the score computed here.
   * @throws InvalidRequestError (`no_agent`, bad answers), ConflictError (`already_evaluated`).
   */
  async evaluate(principal: Principal, body: QaEvaluationBody): Promise<QaEvaluation> {
    const { tenantId } = principal;
    const { contact, form } = await this.subject(tenantId, body.contactId, body.formId);
    if (contact.agentId === undefined) throw new InvalidRequestError('No agent handled this contact: there is nobody to evaluate', { field: 'contactId', reason: 'no_agent' });
    const analysis = await this.deps.analyses.get(tenantId, contact.contactId);
    const evaluation = evaluationFrom({
      body, form,
      contact: { contactId: contact.contactId, agentId: contact.agentId, queueId: contact.queueId, channel: contact.channel },
      prefill: prefillAnswers(form.parameters, analysis, await this.scriptEvidence(form, contact)),
      evaluator: { userId: principal.userId, name: principal.name },
      at: this.deps.clock.now(),
    });
    try {
      await this.deps.qaEvaluations.create(evaluation);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      throw new ConflictError(`This contact is evaluated on "${form.name}" already`, { reason: 'already_evaluated', evaluationId: evaluation.evaluationId }, { cause: error });
    }
    return evaluation;
  }

  /** Evaluations over local days: a supervisor anyone's (or everyone's), an agent only their own. @throws ForbiddenError */
  async list(principal: Principal, query: QaEvaluationQuery): Promise<QaEvaluation[]> {
    const supervisor = hasRole(principal.roles, 'supervisor');
    if (!supervisor && query.agentId !== undefined && query.agentId !== principal.userId) throw new ForbiddenError('Agents see only their own evaluations');
    const agentId = query.agentId ?? (supervisor ? undefined : principal.userId);
    const timeZone = await tenantTimeZone(this.deps, principal.tenantId);
    const today = localDate(this.deps.clock.now(), timeZone);
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -(DEFAULT_LIST_DAYS - 1));
    if (addDays(from, QA_LIMITS.listMaxDays) <= to) throw new InvalidRequestError(`A list covers at most ${QA_LIMITS.listMaxDays} days`, { field: 'from' });
    return this.deps.qaEvaluations.list(principal.tenantId, {
      ...(agentId !== undefined && { agentId }),
      from: startOfLocalDate(from, timeZone).toISOString(),
      to: startOfLocalDate(addDays(to, 1), timeZone).toISOString(),
      limit: QA_LIST_LIMIT,
    });
  }

  /**
   * Appends a comment by the evaluated agent or a supervisor. Another agent gets a 404, as if it did not exist.
   * @throws NotFoundError, InvalidRequestError (`too_many_comments`), ConflictError when it changed meanwhile.
   */
  async comment(principal: Principal, evaluationId: string, text: string): Promise<QaEvaluation> {
    const stored = await this.deps.qaEvaluations.get(principal.tenantId, evaluationId);
    const supervisor = hasRole(principal.roles, 'supervisor');
    if (!stored || (!supervisor && stored.agentId !== principal.userId)) throw new NotFoundError('Evaluation', evaluationId);
    const comment = { commentId: randomUUID(), authorId: principal.userId, authorName: principal.name, authorRole: supervisor ? 'supervisor' as const : 'agent' as const, text, at: this.deps.clock.now().toISOString() };
    const next = withComment(stored, comment, QA_LIMITS.commentsPerEvaluation);
    await this.deps.qaEvaluations.replace(next, stored.version).catch((error: unknown) => {
      throw error instanceof ConflictError ? new ConflictError('The evaluation changed meanwhile; send the comment again', { reason: 'evaluation_changed' }, { cause: error }) : error;
    });
    return next;
  }

  /** The day's sample (local day of the tenant; default today): every flagged conversation plus N per agent. */
  async sample(tenantId: string, query: { date?: string; queueId?: string }): Promise<QaSample> {
    const timeZone = await tenantTimeZone(this.deps, tenantId);
    const date = query.date ?? localDate(this.deps.clock.now(), timeZone);
    const samplePerAgent = (await this.deps.qaForms.settings(tenantId))?.samplePerAgent ?? QA_LIMITS.samplePerAgentDefault;
    const from = startOfLocalDate(date, timeZone);
    // The search's `to` is inclusive: stop a millisecond before the next local midnight.
    const to = new Date(startOfLocalDate(addDays(date, 1), timeZone).getTime() - 1);
    const entries: AnalysisSearchEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.analyses.search(tenantId, { from: from.toISOString(), to: to.toISOString(), ...(query.queueId !== undefined && { queueId: query.queueId }), limit: ANALYSIS_SEARCH_MAX_LIMIT, ...(cursor !== undefined && { cursor }) });
      entries.push(...page.entries);
      cursor = page.cursor;
    } while (cursor !== undefined);
    const chosen = dailySample({ tenantId, date, perAgent: samplePerAgent, entries });
    const evaluated = new Map(await Promise.all(chosen.map(async (entry) => [entry.contactId, (await this.deps.qaEvaluations.ofContact(tenantId, entry.contactId)).map((e) => e.evaluationId)] as const)));
    return { date, timeZone, samplePerAgent, entries: chosen.map((entry) => ({ ...entry, evaluationIds: evaluated.get(entry.contactId) ?? [] })) };
  }
}
