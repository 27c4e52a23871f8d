import type { Contact } from '@cc/shared/contacts/model';
import type { VoiceDialer } from '@cc/shared/contacts/ports';
import { logger } from '../../composition/logger.ts';

/** The callback dialer in AWS until the voice issue provides one: logs each request and keeps no state. */
export class UnconfiguredVoiceDialer implements VoiceDialer {
  async dialCallback(contact: Contact): Promise<void> {
    logger.warn('Callback dial requested, but no voice dialer is configured', { contactId: contact.contactId, agentId: contact.agentId, version: contact.version });
  }
}
