import { Hono, type MiddlewareHandler } from 'hono';
import { ConflictError } from '@cc/shared/errors';
import { CreateUserSchema, UpdateUserSchema } from '@cc/shared/users/model';
import type { Services } from '../../composition/services.ts';
import { UserAdmin, type UserAdminDeps } from '../../users/user-admin.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/** Administration of the tenant's console users and agents (admins only; another tenant's user is a 404); each change is audited. */
export function userRoutes(deps: UserAdminDeps, services: Pick<Services, 'audit'>, auth: MiddlewareHandler<AuthEnv>) {
  const users = new UserAdmin(deps);
  return new Hono<AuthEnv>()
    .get('/', auth, requireRole('admin'), async (c) => c.json({ users: await users.list(c.get('principal').tenantId) }))
    .post('/', auth, requireRole('admin'), async (c) => {
      const principal = c.get('principal');
      const created = await users.create(principal.tenantId, await readJson(c, CreateUserSchema));
      // The one-time password is the admin's to hand over, never the log's.
      const { temporaryPassword: _once, ...after } = created;
      await services.audit.record(principal, { target: 'user', targetId: created.userId, action: 'created', after });
      return c.json(created, 201);
    })
    .get('/:userId', auth, requireRole('admin'), async (c) => c.json(await users.get(c.get('principal').tenantId, c.req.param('userId'))))
    .patch('/:userId', auth, requireRole('admin'), async (c) => {
      const principal = c.get('principal');
      const userId = c.req.param('userId');
      const patch = await readJson(c, UpdateUserSchema);
      const before = await users.get(principal.tenantId, userId);
      const after = await users.update(principal.tenantId, userId, patch);
      await services.audit.record(principal, { target: 'user', targetId: userId, action: 'updated', before, after });
      return c.json(after);
    })
    .post('/:userId/disable', auth, requireRole('admin'), async (c) => {
      const principal = c.get('principal');
      const userId = c.req.param('userId');
      // An admin locking themselves out would leave the tenant without a way back in.
      if (userId === principal.userId) throw new ConflictError('You cannot disable yourself', { reason: 'self_disable' });
      const before = await users.get(principal.tenantId, userId);
      const after = await users.disable(principal.tenantId, userId);
      if (before.status !== after.status) await services.audit.record(principal, { target: 'user', targetId: userId, action: 'disabled', before, after });
      return c.json(after);
    });
}
