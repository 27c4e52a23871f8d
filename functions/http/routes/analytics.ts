import { Hono, type MiddlewareHandler } from 'hono';
import { analyseConversation } from '@cc/shared/analytics/analyse';
import { BUILT_IN_RULES } from '@cc/shared/analytics/lexicon';
import { RuleIndex } from '@cc/shared/analytics/rules';
import { PreviewRequestSchema } from '@cc/shared/analytics/schema';
import { RateLimitedError } from '@cc/shared/errors';
import type { RateLimit } from '@cc/shared/limits/ports';
import type { Deps } from '../../composition/deps.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/** Previews cost CPU, not storage: a supervisor trying rules needs a few a minute, not hundreds. */
export const PREVIEW_LIMIT: RateLimit = { max: 30, windowSeconds: 60 };

/** The built-in rules compiled once per process; a preview with rules of its own compiles those beside them. */
let builtIn: RuleIndex | undefined;
const builtInIndex = () => (builtIn ??= new RuleIndex(BUILT_IN_RULES));

/**
 * Conversation analytics (`/api/analytics`). `POST /preview` (supervisor, admin) runs the engine that analyses
 * every finished conversation on a conversation the caller sends, optionally with rules to try, and answers its
 * findings, scores and flag; nothing is stored.
 */
export function analyticsRoutes(deps: Pick<Deps, 'clock' | 'rateLimiter'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>().post('/preview', auth, requireRole('supervisor'), async (c) => {
    const principal = c.get('principal');
    const body = await readJson(c, PreviewRequestSchema);
    const decision = await deps.rateLimiter.hit(principal.tenantId, `analytics-preview#${principal.userId}`, PREVIEW_LIMIT, deps.clock.now());
    if (!decision.allowed) throw new RateLimitedError(`At most ${PREVIEW_LIMIT.max} previews a minute`, decision.retryAfterSeconds);
    const index = body.rules?.length ? new RuleIndex([...BUILT_IN_RULES, ...body.rules]) : builtInIndex();
    const medium = body.medium ?? (body.segments.some((s) => s.endMs > s.startMs) ? 'call' : 'chat');
    const result = analyseConversation({ segments: body.segments, medium, ...(body.language && { language: body.language }) }, index);
    return c.json({ ...result, medium });
  });
}
