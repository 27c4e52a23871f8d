/** The supervisor's list of live calls: every voice contact of the tenant connected to an agent now. */
import { isVoiceKind } from '@cc/shared/channels/catalog';
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
    const held = await Promise.all(onCalls.map((agent) => this.deps.contacts.listHeldBy(tenantId, agent.agentId)));
    const calls = held.flat().filter((contact) => contact.status === 'connected' && isVoiceKind(contact.channel));
    const since = (c: Contact) => c.connectedAt ?? c.statusSince;
    return calls.sort((a, b) => since(a).localeCompare(since(b)));
  }
}
