/** The supervisor's lists of live contacts: every call (or chat) of the tenant connected to an agent now. */
import { isVoiceKind, mediaOf } from '@cc/shared/channels/catalog';
import type { Contact } from '@cc/shared/contacts/model';
import type { Deps } from '../composition/deps.ts';

export class LiveCalls {
  constructor(private readonly deps: Pick<Deps, 'agents' | 'contacts'>) {}

  /**
   * Read through the agents who hold a voice slot (the agent list is one query; only those agents' held contacts
   * are read), so the cost follows the calls, not the tenant's history. Oldest connection first.
   */
  async list(tenantId: string): Promise<Contact[]> {
    const onCalls = (await this.deps.agents.list(tenantId)).filter((agent) => (agent.load?.voice ?? 0) > 0);
    return connected(await Promise.all(onCalls.map((agent) => this.deps.contacts.listHeldBy(tenantId, agent.agentId))), (c) => isVoiceKind(c.channel));
  }

  /** The connected chats: those of agents holding a chat slot, and the caller's own (a supervisor holds taken-over chats without a slot). */
  async chats(tenantId: string, selfId: string): Promise<Contact[]> {
    const inChats = (await this.deps.agents.list(tenantId)).filter((agent) => (agent.load?.chat ?? 0) > 0 && agent.agentId !== selfId);
    const ids = [selfId, ...inChats.map((agent) => agent.agentId)];
    return connected(await Promise.all(ids.map((id) => this.deps.contacts.listHeldBy(tenantId, id))), (c) => mediaOf(c.channel) === 'chat');
  }
}

/** The connected contacts of `held` that `keep`, the longest connected first. */
function connected(held: Contact[][], keep: (contact: Contact) => boolean): Contact[] {
  const since = (c: Contact) => c.connectedAt ?? c.statusSince;
  return held.flat().filter((contact) => contact.status === 'connected' && keep(contact)).sort((a, b) => since(a).localeCompare(since(b)));
}
