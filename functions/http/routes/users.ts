import { Hono, type MiddlewareHandler } from 'hono';
import { ConflictError } from '@cc/shared/errors';
import { CreateUserSchema, UpdateUserSchema } from '@cc/shared/users/model';
import { UserAdmin, type UserAdminDeps } from '../../users/user-admin.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/** Administration of the tenant's console users and agents (admins only; another tenant's user is a 404). */
export function userRoutes(deps: UserAdminDeps, auth: MiddlewareHandler<AuthEnv>) {
  const users = new UserAdmin(deps);
  return new Hono<AuthEnv>()
    .get('/', auth, requireRole('admin'), async (c) => c.json({ users: await users.list(c.get('principal').tenantId) }))
    .post('/', auth, requireRole('admin'), async (c) => c.json(await users.create(c.get('principal').tenantId, await readJson(c, CreateUserSchema)), 201))
    .get('/:userId', auth, requireRole('admin'), async (c) => c.json(await users.get(c.get('principal').tenantId, c.req.param('userId'))))
    .patch('/:userId', auth, requireRole('admin'), async (c) => c.json(await users.update(c.get('principal').tenantId, c.req.param('userId'), await readJson(c, UpdateUserSchema))))
    .post('/:userId/disable', auth, requireRole('admin'), async (c) => {
      const principal = c.get('principal');
      const userId = c.req.param('userId');
      // An admin locking themselves out would leave the tenant without a way back in.
      if (userId === principal.userId) throw new ConflictError('You cannot disable yourself', { reason: 'self_disable' });
      return c.json(await users.disable(principal.tenantId, userId));
    });
}
