import { ChimeSDKVoiceClient, CreateSipMediaApplicationCallCommand, NotFoundException, ThrottledClientException, UpdateSipMediaApplicationCallCommand } from '@aws-sdk/client-chime-sdk-voice';
import { NotFoundError, RateLimitedError } from '@cc/shared/errors';
import { encodeCallUpdate } from '@cc/shared/voice/sma/to-event';
import type { CallControl } from '@cc/shared/voice/ports';

/** Call control through the SIP media application: updates become `CALL_UPDATE_REQUESTED`, new calls `NEW_OUTBOUND_CALL`. */
export class ChimeCallControl implements CallControl {
  constructor(
    private readonly client: ChimeSDKVoiceClient,
    private readonly sipMediaApplicationId: string,
  ) {}

  async updateCall(callId: string, update: Parameters<CallControl['updateCall']>[1]): Promise<void> {
    try {
      await this.client.send(new UpdateSipMediaApplicationCallCommand({ SipMediaApplicationId: this.sipMediaApplicationId, TransactionId: callId, Arguments: encodeCallUpdate(update.reason, update.agentId, update.target) }));
    } catch (error) {
      // The caller hung up meanwhile: the transaction is gone, which callers of this port expect as NotFound.
      if (error instanceof NotFoundException) throw new NotFoundError('Call', callId);
      throw error;
    }
  }

  async placeCall(request: Parameters<CallControl['placeCall']>[0]): Promise<{ callId: string }> {
    const command = new CreateSipMediaApplicationCallCommand({ SipMediaApplicationId: this.sipMediaApplicationId, FromPhoneNumber: request.from, ToPhoneNumber: request.to, ArgumentsMap: { tenantId: request.tenantId, contactId: request.contactId } });
    let SipMediaApplicationCall;
    try {
      ({ SipMediaApplicationCall } = await this.client.send(command));
    } catch (error) {
      // The call quota (about one a second per SMA): callers of this port expect it as RateLimited and try later.
      if (error instanceof ThrottledClientException || (error instanceof Error && error.name === 'ThrottlingException')) throw new RateLimitedError('CreateSipMediaApplicationCall rate exceeded', 1);
      throw error;
    }
    if (!SipMediaApplicationCall?.TransactionId) throw new Error('CreateSipMediaApplicationCall answered no transaction id');
    return { callId: SipMediaApplicationCall.TransactionId };
  }
}
