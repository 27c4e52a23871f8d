import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import type { RateLimit } from '@cc/shared/limits/ports';
import { lazySchema } from '@cc/shared/lazy-schema';
import { PersonalWordingSchema, RunMoveSchema, ScriptContentSchema, UpdateScriptSchema } from '@cc/shared/scripts/schema';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { userLimit } from '../user-limit.ts';
import { readJson } from '../body.ts';
import { REPORT_LIMIT } from './metrics.ts';

/** Saves of scripts and wordings per user a minute: an editor saves on a click, never in a loop. */
export const SCRIPT_SAVE_LIMIT: RateLimit = { max: 30, windowSeconds: 60 };
/** Steps recorded per agent a minute: a fast reader clicks a step every second or two. */
export const SCRIPT_MOVE_LIMIT: RateLimit = { max: 120, windowSeconds: 60 };

const VersionParamSchema = lazySchema(() => z.coerce.number().int().min(1).max(1_000_000));
const FunnelQuerySchema = lazySchema(() => z.object({ version: VersionParamSchema.optional(), compare: VersionParamSchema.optional() }).strict());
const ListQuerySchema = lazySchema(() => z.object({ archived: z.enum(['true', 'false']).optional() }).strict());

/**
 * Call scripts (`/api/scripts`, docs/scripts.md): supervisors and admins create, version and archive them and read
 * their funnels; agents read the scripts of their queues, follow the one of their contact step by step, and word
 * unlocked steps their own way where the script allows it.
 */
export function scriptRoutes(deps: Pick<Deps, 'rateLimiter' | 'clock'>, services: Pick<Services, 'scriptLibrary' | 'scriptRuns'>, auth: MiddlewareHandler<AuthEnv>) {
  const limit = userLimit(deps);
  const library = services.scriptLibrary;

  return new Hono<AuthEnv>()
    .get('/', auth, async (c) => {
      const query = ListQuerySchema.parse(c.req.query());
      return c.json({ scripts: await library.visible(c.get('principal'), { archived: query.archived === 'true' }) });
    })
    .post('/', auth, requireRole('supervisor'), async (c) => {
      const principal = c.get('principal');
      await limit(principal, 'script-save', SCRIPT_SAVE_LIMIT, 'script saves');
      const script = await library.create(principal, await readJson(c, ScriptContentSchema));
      return c.json(script, 201, { location: `/api/scripts/${script.scriptId}` });
    })
    .get('/contact/:contactId', auth, async (c) => c.json(await services.scriptRuns.forContact(c.get('principal'), c.req.param('contactId'))))
    .get('/:scriptId', auth, async (c) => c.json(await library.get(c.get('principal'), c.req.param('scriptId'))))
    .put('/:scriptId', auth, requireRole('supervisor'), async (c) => {
      const principal = c.get('principal');
      await limit(principal, 'script-save', SCRIPT_SAVE_LIMIT, 'script saves');
      const body = await readJson(c, UpdateScriptSchema);
      return c.json(await library.update(principal, c.req.param('scriptId'), body.version, body.content));
    })
    .delete('/:scriptId', auth, requireRole('supervisor'), async (c) => {
      await library.archive(c.get('principal'), c.req.param('scriptId'));
      return c.body(null, 204);
    })
    .get('/:scriptId/versions', auth, async (c) => c.json({ versions: await library.versions(c.get('principal'), c.req.param('scriptId')) }))
    .get('/:scriptId/versions/:version', auth, async (c) => c.json(await library.version(c.get('principal'), c.req.param('scriptId'), VersionParamSchema.parse(c.req.param('version')))))
    .get('/:scriptId/personal', auth, async (c) => c.json({ wording: (await library.wording(c.get('principal'), c.req.param('scriptId'))) ?? null }))
    .put('/:scriptId/personal', auth, async (c) => {
      const principal = c.get('principal');
      await limit(principal, 'script-save', SCRIPT_SAVE_LIMIT, 'script saves');
      return c.json(await library.putWording(principal, c.req.param('scriptId'), await readJson(c, PersonalWordingSchema)));
    })
    .post('/:scriptId/runs/:contactId', auth, async (c) => {
      const principal = c.get('principal');
      await limit(principal, 'script-move', SCRIPT_MOVE_LIMIT, 'script steps');
      const move = await readJson(c, RunMoveSchema);
      return c.json(await services.scriptRuns.move(principal, c.req.param('scriptId'), c.req.param('contactId'), move));
    })
    .get('/:scriptId/funnel', auth, requireRole('supervisor'), async (c) => {
      const principal = c.get('principal');
      const query = FunnelQuerySchema.parse(c.req.query());
      await limit(principal, 'reports', REPORT_LIMIT, 'report pages');
      return c.json(await services.scriptRuns.funnel(principal.tenantId, c.req.param('scriptId'), query.version, query.compare));
    });
}
