import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import { timersFor } from '@cc/shared/contacts/timers';
import type { StoredTopic } from '@cc/shared/wrap-up/schema';
import type { StoredQuickReply } from '@cc/shared/quick-replies/schema';
import { createApp } from '../app.ts';
import { json } from '../../../test/json.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';

// Wrap-up topics, completing after-contact work with topics / disposition / note, quick replies and
// customer notes and tags (issue #11): roles, the 400 reasons, tenant isolation.
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'admin' | 'anna' | 'boris' | 'supervisor' | 'otherAdmin', string>;
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const topicIds: Record<string, string> = {};

const call = (path: string, as: string, method = 'GET', body?: unknown) =>
  app.request(path, { method, ...(body !== undefined && { body: JSON.stringify(body) }), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });

let serial = 0;
/**
 * A chat like `kind` ('strict' requires topics, 'relaxed' not) that its agent accepted and ended: in after-contact work.
 * Each has its own queue and agent, since an agent in wrap-up is offered nothing new. Answers it and the agent's token.
 */
async function wrappingContact(kind: 'strict' | 'relaxed', customerId = 'cust-1'): Promise<{ contact: Contact; as: string }> {
  const n = ++serial;
  const queueId = `${kind}-${n}`;
  const agentId = `agent-${n}`;
  await ctx.deps.queues.put(makeTenantQueue('tenant-a', queueId, { afterContactWorkSeconds: 30, ...(kind === 'strict' && { topicsRequired: true }) }));
  await ctx.deps.agents.put(makeAgentRecord('tenant-a', agentId, [queueId]));
  const agent = principal('tenant-a', agentId, 'agent');
  const routing = ctx.services.routing;
  const contact = await routing.commands.createContact('tenant-a', { queueId, channel: 'telegram', customerId, conversationId: `telegram:1:${customerId}:${queueId}`, priority: 0, requiredSkills: [] });
  expect(await routing.engine.routeContact('tenant-a', contact.contactId)).toBe('offered');
  await routing.commands.acceptOffer(agent, contact.contactId);
  const ended = await routing.commands.endContact(agent, contact.contactId);
  expect(ended.status).toBe('after-contact-work');
  return { contact: ended, as: await ctx.issuer.issue(agent) };
}

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.queues.put(makeTenantQueue('tenant-a', 'support'));
  await ctx.deps.queues.put(makeTenantQueue('tenant-a', 'sales'));
  await ctx.deps.agents.put(makeAgentRecord('tenant-a', 'anna', ['support'], { status: 'offline' }));
  await ctx.deps.customers.recordSighting({ tenantId: 'tenant-a', customerId: 'cust-1', channel: 'telegram', channelId: 'tg-1', externalId: '1', profile: { name: 'Иван' }, at: '2026-11-25T08:00:00.000Z' });
  token.admin = await ctx.issuer.issue(principal('tenant-a', 'admin', 'admin'));
  token.anna = await ctx.issuer.issue(principal('tenant-a', 'anna', 'agent'));
  token.boris = await ctx.issuer.issue(principal('tenant-a', 'boris', 'agent'));
  token.supervisor = await ctx.issuer.issue(principal('tenant-a', 'sup', 'supervisor'));
  token.otherAdmin = await ctx.issuer.issue(principal('tenant-b', 'admin-b', 'admin'));
});
afterAll(() => ctx.table.drop());

describe('wrap-up topics', () => {
  it('lets an admin create, rename and archive topics, and every role read them', async () => {
    // Act
    for (const name of ['Оплата', 'Доставка', 'Старая акция']) {
      const res = await call('/api/topics', token.admin, 'POST', { name });
      expect(res.status).toBe(201);
      topicIds[name] = ((await json(res)) as StoredTopic).topicId;
    }
    const renamed = await call(`/api/topics/${topicIds['Доставка']}`, token.admin, 'PATCH', { name: 'Доставка и курьер' });
    const archived = await call(`/api/topics/${topicIds['Старая акция']}`, token.admin, 'PATCH', { archived: true });
    const asAgent = await call('/api/topics', token.anna);
    // Assert
    expect(renamed.status).toBe(200);
    expect(archived.status).toBe(200);
    expect(asAgent.status).toBe(200);
    const { topics } = (await json(asAgent)) as { topics: StoredTopic[] };
    expect(topics.map((t) => [t.name, t.archived])).toEqual([['Доставка и курьер', false], ['Оплата', false], ['Старая акция', true]]);
  });

  it('refuses changes from agents and supervisors, and an empty name', async () => {
    // Act
    const byAgent = await call('/api/topics', token.anna, 'POST', { name: 'Жалоба' });
    const bySupervisor = await call(`/api/topics/${topicIds['Оплата']}`, token.supervisor, 'PATCH', { archived: true });
    const empty = await call('/api/topics', token.admin, 'POST', { name: '   ' });
    // Assert
    expect([byAgent.status, bySupervisor.status, empty.status]).toEqual([403, 403, 400]);
  });

  it('keeps each tenant’s topics apart', async () => {
    // Act
    const list = await call('/api/topics', token.otherAdmin);
    const rename = await call(`/api/topics/${topicIds['Оплата']}`, token.otherAdmin, 'PATCH', { name: 'Чужая' });
    // Assert
    expect(((await json(list)) as { topics: unknown[] }).topics).toEqual([]);
    expect(rename.status).toBe(404);
  });
});

describe('completing after-contact work', () => {
  it('answers 400 with a reason when the queue requires a topic and none is given, and keeps the contact in wrap-up', async () => {
    // Arrange
    const { contact, as } = await wrappingContact('strict');
    // Act
    const none = await call(`/api/contacts/${contact.contactId}/complete`, as, 'POST', { topics: [] });
    const empty = await app.request(`/api/contacts/${contact.contactId}/complete`, { method: 'POST', headers: { authorization: `Bearer ${as}` } });
    // Assert
    expect(none.status).toBe(400);
    expect(await json(none)).toMatchObject({ reason: 'topic-required' });
    expect(empty.status).toBe(400);
    expect((await ctx.deps.contacts.get('tenant-a', contact.contactId))?.status).toBe('after-contact-work');
  });

  it('answers 400 for an unknown or an archived topic', async () => {
    // Arrange
    const { contact, as } = await wrappingContact('relaxed');
    // Act
    const unknown = await call(`/api/contacts/${contact.contactId}/complete`, as, 'POST', { topics: ['no-such-topic'] });
    const archived = await call(`/api/contacts/${contact.contactId}/complete`, as, 'POST', { topics: [topicIds['Старая акция']] });
    const badDisposition = await call(`/api/contacts/${contact.contactId}/complete`, as, 'POST', { topics: [], disposition: 'maybe' });
    // Assert
    expect(await json(unknown)).toMatchObject({ status: 400, reason: 'unknown-topic' });
    expect(await json(archived)).toMatchObject({ status: 400, reason: 'archived-topic' });
    expect(badDisposition.status).toBe(400);
  });

  it('closes the contact with its topics, disposition and note, shown in the customer’s history', async () => {
    // Arrange
    const { contact, as } = await wrappingContact('strict');
    // Act
    const res = await call(`/api/contacts/${contact.contactId}/complete`, as, 'POST', { topics: [topicIds['Оплата']], disposition: 'follow-up-needed', note: ' Перезвонить в пятницу ' });
    const history = await call('/api/customers/cust-1/history', token.supervisor);
    // Assert
    expect(res.status).toBe(200);
    const closed = (await json(res)) as Contact;
    expect(closed.status).toBe('closed');
    expect(closed.wrapUp).toEqual({ topics: [{ topicId: topicIds['Оплата'], name: 'Оплата' }], disposition: 'follow-up-needed', note: 'Перезвонить в пятницу', agentId: expect.stringMatching(/^agent-/), completedAt: expect.any(String) });
    const { contacts } = (await json(history)) as { contacts: Contact[] };
    expect(contacts.find((c) => c.contactId === contact.contactId)?.wrapUp?.topics[0]?.name).toBe('Оплата');
  });

  it('still completes with an empty body where the queue does not require topics (older callers)', async () => {
    // Arrange
    const { contact, as } = await wrappingContact('relaxed');
    // Act
    const res = await app.request(`/api/contacts/${contact.contactId}/complete`, { method: 'POST', headers: { authorization: `Bearer ${as}` } });
    // Assert
    expect(res.status).toBe(200);
    expect(((await json(res)) as Contact).status).toBe('closed');
  });

  it('keeps a contact of a queue that requires topics in wrap-up when its time is over (overtime), and closes others', async () => {
    // Arrange
    const { contact: strict } = await wrappingContact('strict');
    const { contact: relaxed } = await wrappingContact('relaxed');
    ctx.clock.advance(31);
    // Act
    // The stream arms these timers (it is not running here): the same ones, from the contacts' state.
    for (const contact of [strict, relaxed]) {
      const [timer] = timersFor(contact, (await ctx.deps.queues.get('tenant-a', contact.queueId))!);
      expect(timer?.kind).toBe('wrap-up-end');
      await ctx.services.routing.timers.fireTimer(timer!);
    }
    // Assert
    expect((await ctx.deps.contacts.get('tenant-a', strict.contactId))?.status).toBe('after-contact-work');
    expect((await ctx.deps.contacts.get('tenant-a', relaxed.contactId))?.status).toBe('closed');
  });

  it('refuses another agent’s contact', async () => {
    // Arrange
    const { contact } = await wrappingContact('relaxed');
    // Act
    const res = await call(`/api/contacts/${contact.contactId}/complete`, token.boris, 'POST', { topics: [topicIds['Оплата']] });
    // Assert
    expect(res.status).toBe(403);
  });
});

describe('quick replies', () => {
  let salesReplyId = '';
  it('lets an admin write tenant-wide and per-queue replies; agents see the tenant-wide ones and their queues’', async () => {
    // Arrange
    const made = [
      await call('/api/quick-replies', token.admin, 'POST', { title: 'Приветствие', text: 'Здравствуйте, {customer.name}!' }),
      await call('/api/quick-replies', token.admin, 'POST', { title: 'Сроки', text: 'Доставка 2 дня', queueId: 'support' }),
      await call('/api/quick-replies', token.admin, 'POST', { title: 'Скидка', text: 'Скидка 10%', queueId: 'sales' }),
    ];
    salesReplyId = ((await json(made[2]!)) as StoredQuickReply).quickReplyId;
    // Act
    const asAnna = (await json(await call('/api/quick-replies', token.anna))) as { quickReplies: StoredQuickReply[] };
    const asAnnaInSales = (await json(await call('/api/quick-replies?queueId=sales', token.anna))) as { quickReplies: StoredQuickReply[] };
    const asSupervisor = (await json(await call('/api/quick-replies', token.supervisor))) as { quickReplies: StoredQuickReply[] };
    // Assert
    expect(made.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(asAnna.quickReplies.map((r) => r.title)).toEqual(['Приветствие', 'Сроки']);
    expect(asAnnaInSales.quickReplies.map((r) => r.title)).toEqual(['Приветствие']);
    expect(asSupervisor.quickReplies).toHaveLength(3);
  });

  it('lets an admin edit and delete a reply; agents may not; an unknown queue is a 404', async () => {
    // Act
    const byAgent = await call(`/api/quick-replies/${salesReplyId}`, token.anna, 'PATCH', { title: 'Моя' });
    const edited = await call(`/api/quick-replies/${salesReplyId}`, token.admin, 'PATCH', { text: 'Скидка 15%', queueId: null });
    const badQueue = await call('/api/quick-replies', token.admin, 'POST', { title: 'X', text: 'Y', queueId: 'nope' });
    const otherTenant = await call(`/api/quick-replies/${salesReplyId}`, token.otherAdmin, 'DELETE');
    const deleted = await call(`/api/quick-replies/${salesReplyId}`, token.admin, 'DELETE');
    const after = (await json(await call('/api/quick-replies', token.admin))) as { quickReplies: StoredQuickReply[] };
    // Assert
    expect(byAgent.status).toBe(403);
    const editedBody = (await json(edited)) as StoredQuickReply;
    expect(editedBody.text).toBe('Скидка 15%');
    expect(editedBody).not.toHaveProperty('queueId');
    expect([badQueue.status, otherTenant.status, deleted.status]).toEqual([404, 404, 204]);
    expect(after.quickReplies.map((r) => r.quickReplyId)).not.toContain(salesReplyId);
  });
});

describe('customer notes and tags', () => {
  it('lets the agent holding the customer’s contact write notes and tags, and no other agent', async () => {
    // Arrange: an agent holds a contact of cust-1 in wrap-up
    const { as } = await wrappingContact('relaxed');
    // Act
    const res = await call('/api/customers/cust-1', as, 'PATCH', { notes: 'Предпочитает звонки после 18:00', tags: ['VIP', ' vip ', 'опт'] });
    const byBoris = await call('/api/customers/cust-1', token.boris, 'PATCH', { notes: 'x' });
    const tooLong = await call('/api/customers/cust-1', as, 'PATCH', { notes: 'x'.repeat(5000) });
    const otherTenant = await call('/api/customers/cust-1', token.otherAdmin, 'PATCH', { tags: [] });
    const profile = (await json(await call('/api/customers/cust-1', token.supervisor))) as { customer: { notes?: string; tags?: string[] } };
    // Assert
    expect(res.status).toBe(200);
    expect([byBoris.status, tooLong.status, otherTenant.status]).toEqual([403, 400, 404]);
    expect(profile.customer).toMatchObject({ notes: 'Предпочитает звонки после 18:00', tags: ['VIP', 'опт'] });
  });
});
