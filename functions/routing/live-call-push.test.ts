import { describe, expect, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import type { LiveConnection, LiveMessage } from '@cc/shared/realtime/ports';
import { routingReactions } from './reactions.ts';

// Supervisors' live panels follow connected calls and chats through the one contact push.
const at = '2026-12-02T10:00:00.000Z';
const base: Contact = { tenantId: 't', contactId: 'c-1', queueId: 'q', channel: 'voice', status: 'connected', agentId: 'anna', enqueuedAt: at, statusSince: at, createdAt: at, priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 5 };
const consoles: LiveConnection[] = [
  { tenantId: 't', connectionId: 'anna-1', userId: 'anna', roles: ['agent'], connectedAt: at },
  { tenantId: 't', connectionId: 'boris-1', userId: 'boris', roles: ['agent'], connectedAt: at },
  { tenantId: 't', connectionId: 'irina-1', userId: 'irina', roles: ['agent', 'supervisor'], connectedAt: at },
  { tenantId: 't', connectionId: 'widget-1', userId: 'visitor', roles: [], connectedAt: at, visitor: { channelId: 'w', conversationId: 'x' } },
];

async function pushed(before: Contact, after: Contact) {
  const posts: { connectionId: string; message: LiveMessage }[] = [];
  const deps = {
    connections: { listByTenant: async () => consoles, remove: async () => {} },
    push: { post: async (connectionId: string, message: LiveMessage) => (posts.push({ connectionId, message }), true) },
  } as never;
  const services = { routing: { queues: { find: async () => undefined } }, notifier: {} } as never;
  const reaction = routingReactions(deps, services).find((r) => r.name === 'push offers and contact changes to agents')!;
  await reaction.react({ eventName: 'MODIFY', entity: 'contact', oldImage: before as never, newImage: after as never, sequenceNumber: '1' });
  return posts.filter((p) => p.message.type === 'contact.updated').map((p) => p.connectionId).sort();
}

describe('contact push to supervisors', () => {
  it('reaches the agent and supervisors when a connected call changes (a supervisor steps in)', async () => {
    const after = { ...base, version: 6, supervision: [{ userId: 'irina', name: 'Ирина', role: 'listen' as const, since: at }] };
    expect(await pushed(base, after)).toEqual(['anna-1', 'irina-1']);
  });

  it('reaches supervisors when the call leaves connected (it leaves their panel)', async () => {
    expect(await pushed(base, { ...base, status: 'after-contact-work', version: 6 })).toEqual(['anna-1', 'irina-1']);
  });

  it('reaches supervisors for a connected chat too (their live-chats panel), and both agents when a supervisor takes it over', async () => {
    const chat = { ...base, channel: 'telegram' as const };
    expect(await pushed(chat, { ...chat, version: 6 })).toEqual(['anna-1', 'irina-1']);
    expect(await pushed(chat, { ...chat, agentId: 'boris', version: 6 })).toEqual(['anna-1', 'boris-1', 'irina-1']);
  });

  it('keeps contacts that were never connected to their agents only', async () => {
    const offered = { ...base, status: 'offered' as const };
    expect(await pushed({ ...offered, status: 'queued', agentId: undefined } as Contact, { ...offered, version: 6 })).toEqual(['anna-1']);
  });
});
