import { randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { ConflictError, InvalidRequestError, NotFoundError, RateLimitedError } from '@cc/shared/errors';
import { formFrom, replacedForm } from '@cc/shared/qa/evaluation';
import { AgentReportQuerySchema, QaCommentBodySchema, QaDraftQuerySchema, QaEvaluationBodySchema, QaEvaluationQuerySchema, QaFormBodySchema, QaSampleQuerySchema, QaSettingsSchema, type QaFormBody } from '@cc/shared/qa/schema';
import { QA_LIMITS, type QaForm } from '@cc/shared/qa/values';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';
import { REPORT_LIMIT } from './metrics.ts';

const CHANGED = 'The form was changed by someone else; reload it and apply your change again';

/**
 * Quality evaluation (`/api/qa`, docs/qa.md). Forms: supervisors and admins write them (audited), agents read those
 * of their queues. Supervisors get a contact's pre-answered draft, store evaluations and read the day's sample;
 * anyone reads evaluations, an agent only their own, and the evaluated agent and supervisors comment on them. An
 * agent's quality report (`/agents/:agentId/report`) is theirs to read, and any supervisor's or admin's.
 */
export function qaRoutes(deps: Pick<Deps, 'qaForms' | 'queues' | 'clock' | 'rateLimiter'>, services: Pick<Services, 'qa' | 'audit' | 'agentReports'>, auth: MiddlewareHandler<AuthEnv>) {
  /** @throws InvalidRequestError (field `queueIds`) when a named queue is not in the tenant. */
  const checkQueues = async (tenantId: string, input: QaFormBody) => {
    const missing = (await Promise.all(input.queueIds.map(async (queueId) => ((await deps.queues.get(tenantId, queueId)) ? undefined : queueId)))).filter((q) => q !== undefined);
    if (missing.length > 0) throw new InvalidRequestError(`No queue ${missing.map((q) => `"${q}"`).join(', ')} in this tenant`, { field: 'queueIds' });
  };
  const changed = (error: unknown) => (error instanceof ConflictError ? new ConflictError(CHANGED, { reason: 'form_changed' }, { cause: error }) : error);
  /** A form an agent may read (one of their queues'); others' look absent. */
  const readable = async (principal: Principal, formId: string): Promise<QaForm> => {
    if (hasRole(principal.roles, 'supervisor')) return services.qa.form(principal.tenantId, formId);
    const form = (await services.qa.visibleForms(principal)).find((f) => f.formId === formId);
    if (!form) throw new NotFoundError('QA form', formId);
    return form;
  };

  return new Hono<AuthEnv>()
    .get('/forms', auth, async (c) => c.json({ forms: await services.qa.visibleForms(c.get('principal')) }))
    .get('/forms/:formId', auth, async (c) => c.json(await readable(c.get('principal'), c.req.param('formId'))))
    .post('/forms', auth, requireRole('supervisor'), async (c) => {
      const input = await readJson(c, QaFormBodySchema);
      const principal = c.get('principal');
      await checkQueues(principal.tenantId, input);
      if ((await deps.qaForms.list(principal.tenantId)).length >= QA_LIMITS.formsPerTenant) throw new InvalidRequestError(`At most ${QA_LIMITS.formsPerTenant} forms per tenant: delete one first`, { reason: 'too_many_forms' });
      const form = formFrom(input, principal.tenantId, `qf-${randomUUID()}`, deps.clock.now());
      await deps.qaForms.create(form);
      await services.audit.record(principal, { target: 'qa-form', targetId: form.formId, action: 'created', after: form });
      return c.json(form, 201, { location: `/api/qa/forms/${form.formId}` });
    })
    .put('/forms/:formId', auth, requireRole('supervisor'), async (c) => {
      const input = await readJson(c, QaFormBodySchema);
      const principal = c.get('principal');
      const before = await services.qa.form(principal.tenantId, c.req.param('formId'));
      if (input.version !== undefined && input.version !== before.version) throw new ConflictError(CHANGED, { reason: 'form_changed', version: before.version });
      await checkQueues(principal.tenantId, input);
      const after = replacedForm(before, input, deps.clock.now());
      await deps.qaForms.replace(after, before.version).catch((error: unknown) => { throw changed(error); });
      await services.audit.record(principal, { target: 'qa-form', targetId: after.formId, action: 'updated', before, after });
      return c.json(after);
    })
    .delete('/forms/:formId', auth, requireRole('supervisor'), async (c) => {
      const principal = c.get('principal');
      const before = await services.qa.form(principal.tenantId, c.req.param('formId'));
      await deps.qaForms.delete(principal.tenantId, before.formId, before.version).catch((error: unknown) => { throw changed(error); });
      await services.audit.record(principal, { target: 'qa-form', targetId: before.formId, action: 'deleted', before });
      return c.body(null, 204);
    })
    .get('/settings', auth, requireRole('supervisor'), async (c) => c.json((await deps.qaForms.settings(c.get('principal').tenantId)) ?? { samplePerAgent: QA_LIMITS.samplePerAgentDefault }))
    .put('/settings', auth, requireRole('supervisor'), async (c) => {
      const after = await readJson(c, QaSettingsSchema);
      const principal = c.get('principal');
      const before = await deps.qaForms.settings(principal.tenantId);
      await deps.qaForms.saveSettings(principal.tenantId, after);
      await services.audit.record(principal, { target: 'qa-settings', targetId: 'qa', action: 'updated', ...(before && { before }), after });
      return c.json(after);
    })
    .get('/contacts/:contactId/draft', auth, requireRole('supervisor'), async (c) => {
      const { formId } = QaDraftQuerySchema.parse(c.req.query());
      return c.json(await services.qa.draft(c.get('principal').tenantId, c.req.param('contactId'), formId));
    })
    .post('/evaluations', auth, requireRole('supervisor'), async (c) => {
      const evaluation = await services.qa.evaluate(c.get('principal'), await readJson(c, QaEvaluationBodySchema));
      return c.json(evaluation, 201, { location: `/api/qa/evaluations/${evaluation.evaluationId}` });
    })
    .get('/evaluations', auth, async (c) => c.json({ evaluations: await services.qa.list(c.get('principal'), QaEvaluationQuerySchema.parse(c.req.query())) }))
    .post('/evaluations/:evaluationId/comments', auth, async (c) => {
      const { text } = await readJson(c, QaCommentBodySchema);
      return c.json(await services.qa.comment(c.get('principal'), c.req.param('evaluationId'), text), 201);
    })
    .get('/agents/:agentId/report', auth, async (c) => {
      const principal = c.get('principal');
      const query = AgentReportQuerySchema.parse(c.req.query());
      // A report reads the whole team's analysed month: as often as report pages, no more.
      const decision = await deps.rateLimiter.hit(principal.tenantId, `reports#${principal.userId}`, REPORT_LIMIT, deps.clock.now());
      if (!decision.allowed) throw new RateLimitedError(`At most ${REPORT_LIMIT.max} report pages a minute`, decision.retryAfterSeconds);
      return c.json(await services.agentReports.report(principal, c.req.param('agentId'), query));
    })
    .get('/sample', auth, requireRole('supervisor'), async (c) => c.json(await services.qa.sample(c.get('principal').tenantId, QaSampleQuerySchema.parse(c.req.query()))));
}
