import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import { defaultCallFlow } from '@cc/shared/voice/default-flow';
import { CallFlowSchema, type CallFlow } from '@cc/shared/voice/flow-config';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

type PhoneDeps = Pick<Deps, 'directory' | 'queues' | 'calls'>;

/** A number's id in paths: its E.164 digits without the `+` (`74951234567`), which paths may not carry. */
function e164Of(id: string): string {
  if (!/^[1-9]\d{6,14}$/.test(id)) throw new InvalidRequestError('A phone number id is its E.164 number without the + (for example 74951234567)');
  return `+${id}`;
}

/** Every queue a flow sends callers to. */
function queuesOf(flow: CallFlow): string[] {
  const ids = new Set<string>();
  if (flow.queueId) ids.add(flow.queueId);
  if (flow.menu) {
    ids.add(flow.menu.defaultQueueId);
    for (const option of Object.values(flow.menu.options)) {
      if (option.queueId) ids.add(option.queueId);
      if (option.submenu) {
        ids.add(option.submenu.defaultQueueId);
        for (const leaf of Object.values(option.submenu.options)) ids.add(leaf.queueId);
      }
    }
  }
  return [...ids];
}

/** The tenant's phone numbers and each number's call flow: supervisors read, admins change the flow. */
export function phoneNumberRoutes(deps: PhoneDeps, services: Pick<Services, 'audit'>, auth: MiddlewareHandler<AuthEnv>) {
  /** The caller's number, or 404 (another tenant's number looks the same as a missing one). */
  const loadNumber = async (c: Context<AuthEnv>) => {
    const e164 = e164Of(c.req.param('id') ?? '');
    const phone = (await deps.directory.listPhoneNumbers(c.get('principal').tenantId)).find((p) => p.e164 === e164);
    if (!phone) throw new NotFoundError('Phone number', e164);
    return phone;
  };

  return new Hono<AuthEnv>()
    .get('/phone-numbers', auth, requireRole('supervisor'), async (c) => {
      const { tenantId } = c.get('principal');
      const numbers = await deps.directory.listPhoneNumbers(tenantId);
      const flows = await Promise.all(numbers.map((n) => deps.calls.getFlow(tenantId, n.e164)));
      return c.json({ phoneNumbers: numbers.map((n, i) => ({ id: n.e164.slice(1), e164: n.e164, name: n.name, defaultQueueId: n.defaultQueueId, flowConfigured: flows[i] !== undefined })) });
    })
    .get('/phone-numbers/:id/flow', auth, requireRole('supervisor'), async (c) => {
      const phone = await loadNumber(c);
      const stored = await deps.calls.getFlow(phone.tenantId, phone.e164);
      // Unconfigured numbers run the default flow: show that, so an admin edits what callers really hear.
      return c.json({ e164: phone.e164, configured: stored !== undefined, flow: stored ?? defaultCallFlow(phone.defaultQueueId ?? 'support') });
    })
    .put('/phone-numbers/:id/flow', auth, requireRole('admin'), async (c) => {
      const phone = await loadNumber(c);
      const flow = await readJson(c, CallFlowSchema);
      const known = new Set((await deps.queues.list(phone.tenantId)).map((q) => q.queueId));
      const unknown = queuesOf(flow).filter((id) => !known.has(id));
      if (unknown.length > 0) throw new InvalidRequestError(`The flow names queues that do not exist: ${unknown.join(', ')}`);
      const before = await deps.calls.getFlow(phone.tenantId, phone.e164);
      await deps.calls.putFlow(phone.tenantId, phone.e164, flow);
      await services.audit.record(c.get('principal'), { target: 'phone-number', targetId: phone.e164, action: 'updated', before, after: flow });
      return c.json({ e164: phone.e164, configured: true, flow });
    });
}
