import { Hono, type MiddlewareHandler } from 'hono';
import { analyseConversation } from '@cc/shared/analytics/analyse';
import { BUILT_IN_RULES } from '@cc/shared/analytics/lexicon';
import { RuleIndex } from '@cc/shared/analytics/rules';
import { AnalysisSearchQuerySchema, PreviewRequestSchema, type AnalysisSearchQuery } from '@cc/shared/analytics/schema';
import { ANALYSIS_SEARCH_MAX_DAYS, type AnalysisSearch, type ContactAnalysisView } from '@cc/shared/analytics/values';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { ForbiddenError, InvalidRequestError, NotFoundError, RateLimitedError } from '@cc/shared/errors';
import type { RateLimit } from '@cc/shared/limits/ports';
import type { ChannelKind } from '@cc/shared/channels/catalog';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { conversationOf } from '../../analytics/conversation.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/** Previews cost CPU, not storage: a supervisor trying rules needs a few a minute, not hundreds. */
export const PREVIEW_LIMIT: RateLimit = { max: 30, windowSeconds: 60 };

const DAY_MS = 86_400_000;

/**
 * The search a caller may run: supervisors any agent's conversations, an agent only their own (their id is the
 * filter whether they name it or not). The period defaults to the day before `now`.
 */
function searchFor(principal: Principal, query: AnalysisSearchQuery, now: Date): AnalysisSearch {
  const supervisor = hasRole(principal.roles, 'supervisor');
  if (!supervisor && query.agentId !== undefined && query.agentId !== principal.userId) throw new ForbiddenError('An agent searches only their own conversations');
  const to = query.to ?? now.toISOString();
  const from = query.from ?? new Date(Date.parse(to) - DAY_MS).toISOString();
  if (Date.parse(from) > Date.parse(to)) throw new InvalidRequestError('from is after to', { field: 'from' });
  if (Date.parse(to) - Date.parse(from) > ANALYSIS_SEARCH_MAX_DAYS * DAY_MS) throw new InvalidRequestError(`the period is at most ${ANALYSIS_SEARCH_MAX_DAYS} days`, { field: 'from' });
  const agentId = supervisor ? query.agentId : principal.userId;
  return {
    from, to, limit: query.limit,
    ...(query.category !== undefined && { category: query.category }),
    ...(query.flagged === 'true' && { flaggedOnly: true }),
    ...(agentId !== undefined && { agentId }),
    ...(query.queueId !== undefined && { queueId: query.queueId }),
    ...(query.cursor !== undefined && { cursor: query.cursor }),
  };
}

/**
 * Conversation analytics (`/api/analytics`):
 * - `POST /preview` (supervisor, admin) runs the engine that analyses every finished conversation on a
 *   conversation the caller sends under the tenant's rules, optionally with more rules to try, and answers its findings, scores and flag; nothing
 *   is stored.
 * - `GET /conversations` searches the analysed conversations by period, category, agent and queue, newest first.
 * - `GET /contacts/:contactId` is one contact's stored analysis with the segments it was run on (its agent's or a
 *   supervisor's to read).
 */
export function analyticsRoutes(deps: Pick<Deps, 'clock' | 'rateLimiter' | 'analyses' | 'messaging' | 'transcripts'>, services: Pick<Services, 'analyser'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>()
    .get('/conversations', auth, async (c) => {
      const principal = c.get('principal');
      const search = searchFor(principal, AnalysisSearchQuerySchema.parse(c.req.query()), deps.clock.now());
      return c.json(await deps.analyses.search(principal.tenantId, search));
    })
    .get('/contacts/:contactId', auth, async (c) => {
      const principal = c.get('principal');
      const contactId = c.req.param('contactId');
      const analysis = await deps.analyses.get(principal.tenantId, contactId);
      // Someone else's contact looks the same as one never analysed.
      if (!analysis || (analysis.agentId !== principal.userId && !hasRole(principal.roles, 'supervisor'))) throw new NotFoundError('Conversation analysis', contactId);
      // The segments the findings' `segmentIndex` point into, read as the analysis read them, for highlighting.
      const { segments } = await conversationOf(deps, { tenantId: principal.tenantId, contactId, channel: analysis.channel as ChannelKind });
      const view: ContactAnalysisView = { ...analysis, segments };
      return c.json(view);
    })
    .post('/preview', auth, requireRole('supervisor'), async (c) => {
    const principal = c.get('principal');
    const body = await readJson(c, PreviewRequestSchema);
    const decision = await deps.rateLimiter.hit(principal.tenantId, `analytics-preview#${principal.userId}`, PREVIEW_LIMIT, deps.clock.now());
    if (!decision.allowed) throw new RateLimitedError(`At most ${PREVIEW_LIMIT.max} previews a minute`, decision.retryAfterSeconds);
    // The tenant's saved rules and thresholds, and the ones being tried beside them.
    const settings = await services.analyser.settings(principal.tenantId);
    const index = body.rules?.length ? new RuleIndex([...BUILT_IN_RULES, ...settings.rules, ...body.rules]) : services.analyser.indexFor(settings);
    const medium = body.medium ?? (body.segments.some((s) => s.endMs > s.startMs) ? 'call' : 'chat');
    const result = analyseConversation({ segments: body.segments, medium, ...(body.language && { language: body.language }) }, index, settings.thresholds);
    return c.json({ ...result, medium });
  });
}
