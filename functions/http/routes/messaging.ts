import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import { ReplyRequestSchema } from '@cc/shared/conversations/model';
import { MergeCustomersRequestSchema, UpdateCustomerNotesSchema } from '@cc/shared/customers/model';
import type { Deps } from '../../composition/deps.ts';
import { CustomerService } from '../../messaging/customers.ts';
import { ReplyService, toMessageView } from '../../messaging/replies.ts';
import type { AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

const HistoryQuerySchema = lazySchema(() => z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(4096).optional(),
}));

/**
 * The agent's messaging API: a contact's messages, replies (202: stored with its outbox record,
 * sent off the stream), resending a failed reply, and the customer 360° view (profile, merge
 * suggestions, confirmed merges, history across channels, paged; the agents' notes and tags).  Every route reads the caller's
 * tenant only.
 */
export function messagingRoutes(deps: Pick<Deps, 'messaging' | 'contacts' | 'customers' | 'clock' | 'media'>, auth: MiddlewareHandler<AuthEnv>) {
  const replies = new ReplyService(deps);
  const customers = new CustomerService(deps);
  return new Hono<AuthEnv>()
    .get('/contacts/:contactId/messages', auth, async (c) => {
      const messages = await replies.list(c.get('principal'), c.req.param('contactId'));
      return c.json({ messages: messages.map(toMessageView) });
    })
    .post('/contacts/:contactId/messages', auth, async (c) => {
      const request = await readJson(c, ReplyRequestSchema);
      const { message, created } = await replies.reply(c.get('principal'), c.req.param('contactId'), request);
      return c.json({ message: toMessageView(message) }, created ? 202 : 200);
    })
    .post('/messages/:messageId/resend', auth, async (c) => {
      const message = await replies.resend(c.get('principal'), c.req.param('messageId'));
      return c.json({ message: toMessageView(message) }, 202);
    })
    .get('/customers/:customerId', auth, async (c) => c.json(await customers.profile(c.get('principal'), c.req.param('customerId'))))
    .patch('/customers/:customerId', auth, async (c) => c.json(await customers.updateNotes(c.get('principal'), c.req.param('customerId'), await readJson(c, UpdateCustomerNotesSchema))))
    .get('/customers/:customerId/merges', auth, async (c) => c.json({ merges: await customers.merges(c.get('principal'), c.req.param('customerId')) }))
    .get('/customers/:customerId/history', auth, async (c) => {
      const query = HistoryQuerySchema.parse(c.req.query());
      const page = await customers.history(c.get('principal'), c.req.param('customerId'), query);
      return c.json({ ...page, messages: page.messages.map(toMessageView) });
    })
    .post('/customers/:customerId/merge', auth, async (c) => {
      const { customerId } = await readJson(c, MergeCustomersRequestSchema);
      return c.json(await customers.merge(c.get('principal'), c.req.param('customerId'), customerId));
    });
}
