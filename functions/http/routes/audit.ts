import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import { AUDIT_TARGETS } from '@cc/shared/audit/values';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';

const AuditQuerySchema = lazySchema(() => z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(512).optional(),
  target: z.enum(AUDIT_TARGETS).optional(),
}));

/** `GET /api/audit`: the tenant's administrative changes, newest first, paged by `cursor`, for admins only. */
export function auditRoutes(services: Pick<Services, 'audit'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>().get('/', auth, requireRole('admin'), async (c) => {
    const query = AuditQuerySchema.parse(c.req.query());
    return c.json(await services.audit.list(c.get('principal').tenantId, query));
  });
}
