import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import { hasRole } from '@cc/shared/auth/model';
import { authorizeContactCreation } from '@cc/shared/contacts/create-policy';
import { IdSchema } from '@cc/shared/limits/input';
import { ENDED_BY_SUPERVISOR } from '@cc/shared/contacts/values';
import { ForbiddenError } from '@cc/shared/errors';
import { CreateContactSchema, TransferSchema } from '@cc/shared/contacts/requests';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/** `GET /api/contacts?assigned=me` (or an agent id, for supervisors). */
const AssignedQuerySchema = lazySchema(() => z.object({ assigned: IdSchema }));

/**
 * Contacts and routing: create (any channel, callbacks with a window), list an agent's held contacts, read, accept/reject an offer (only the
 * offered agent), end, transfer (finishing wrap-up is in `wrap-up.ts`), abandon, queue position; and the wallboard for supervisors.
 * Every id is looked up under the caller's tenant, so another tenant's contact is a 404.
 */
export function contactRoutes(deps: Pick<Deps, 'contacts' | 'routing'>, services: Pick<Services, 'routing' | 'notifier'>, auth: MiddlewareHandler<AuthEnv>) {
  const { commands, queries } = services.routing;
  return new Hono<AuthEnv>()
    .post('/', auth, async (c) => {
      const input = await readJson(c, CreateContactSchema);
      const principal = c.get('principal');
      // Only an agent's conversation claim needs their held contacts; skip the read otherwise.
      const held = input.conversationId !== undefined && !hasRole(principal.roles, 'supervisor') ? await deps.contacts.listHeldBy(principal.tenantId, principal.userId) : [];
      authorizeContactCreation(principal, input, held);
      return c.json(await commands.createContact(principal.tenantId, input), 201);
    })
    .get('/', auth, async (c) => {
      // The agent console's list after a reload: what the agent holds now (offered, connected, after-contact work).
      const principal = c.get('principal');
      const { assigned } = AssignedQuerySchema.parse(c.req.query());
      const agentId = assigned === 'me' ? principal.userId : assigned;
      if (agentId !== principal.userId && !hasRole(principal.roles, 'supervisor')) throw new ForbiddenError('Only supervisors may list another agent’s contacts');
      return c.json({ contacts: await deps.contacts.listHeldBy(principal.tenantId, agentId) });
    })
    .get('/:contactId', auth, async (c) => c.json(await queries.getContact(c.get('principal'), c.req.param('contactId'))))
    .get('/:contactId/position', auth, async (c) => c.json(await queries.describePosition(c.get('principal').tenantId, c.req.param('contactId'))))
    .post('/:contactId/position/notify', auth, async (c) => {
      const { tenantId } = c.get('principal');
      const view = await queries.describePosition(tenantId, c.req.param('contactId'));
      const contact = await deps.routing.readContact(tenantId, view.contactId);
      await services.notifier.notifyQueuePosition(contact!, view);
      return c.json(view, 202);
    })
    .post('/:contactId/accept', auth, async (c) => c.json(await commands.acceptOffer(c.get('principal'), c.req.param('contactId'))))
    .post('/:contactId/reject', auth, async (c) => c.json(await commands.rejectOffer(c.get('principal'), c.req.param('contactId'))))
    .post('/:contactId/end', auth, async (c) => c.json(await commands.endContact(c.get('principal'), c.req.param('contactId'))))
    .post('/:contactId/transfer', auth, async (c) => {
      const target = await readJson(c, TransferSchema);
      return c.json(await commands.transferContact(c.get('principal'), c.req.param('contactId'), target));
    })
    .post('/:contactId/abandon', auth, requireRole('supervisor'), async (c) => c.json(await commands.abandonContact(c.get('principal').tenantId, c.req.param('contactId'), ENDED_BY_SUPERVISOR)));
}

/** `GET /api/wallboard`: every queue's live figures and every agent's presence and load (supervisors). */
export function wallboardRoutes(services: Pick<Services, 'routing'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>().get('/', auth, requireRole('supervisor'), async (c) => c.json(await services.routing.queries.wallboard(c.get('principal').tenantId)));
}
