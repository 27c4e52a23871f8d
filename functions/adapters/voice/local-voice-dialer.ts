import type { Contact } from '@cc/shared/contacts/model';
import type { VoiceDialer } from '@cc/shared/contacts/ports';
import { logger } from '../../composition/logger.ts';

/**
 * Records callback dial requests instead of dialling: for tests, benches and scripts that must place no call (the
 * runtimes dial through `CallbackDialer`). Deduplicates by contact and version, as the port's contract asks.
 */
export class LocalVoiceDialer implements VoiceDialer {
  readonly requests: { contactId: string; tenantId: string; phone: string; agentId?: string; version: number; at: string }[] = [];

  async dialCallback(contact: Contact): Promise<void> {
    if (this.requests.some((r) => r.contactId === contact.contactId && r.version === contact.version)) return;
    const phone = contact.callback?.phone ?? '';
    this.requests.push({ contactId: contact.contactId, tenantId: contact.tenantId, phone, agentId: contact.agentId, version: contact.version, at: new Date().toISOString() });
    logger.info('Callback dial recorded (not dialled)', { contactId: contact.contactId, agentId: contact.agentId });
  }
}
