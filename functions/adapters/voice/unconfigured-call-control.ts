import { NotFoundError } from '@cc/shared/errors';
import type { CallControl } from '@cc/shared/voice/ports';
import { logger } from '../../composition/logger.ts';

/**
 * Call control where no SIP media application is deployed (every new AWS account): no phone call can exist, so an
 * update names a call that is not there, and placing a call is refused. Calls from the site need neither.
 */
export class UnconfiguredCallControl implements CallControl {
  async updateCall(callId: string): Promise<void> {
    logger.warn('Call update asked, but no telephony provider is configured', { callId });
    throw new NotFoundError('Call', callId);
  }

  async placeCall(request: { tenantId: string; contactId: string }): Promise<{ callId: string }> {
    logger.warn('Outbound call asked, but no telephony provider is configured', request);
    throw new Error('No telephony provider is configured (deploy with -c voice=true)');
  }
}
