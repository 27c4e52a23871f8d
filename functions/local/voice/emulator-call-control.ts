import { NotFoundError } from '@cc/shared/errors';
import { encodeCallUpdate } from '@cc/shared/voice/sma/to-event';
import type { CallControl } from '@cc/shared/voice/ports';
import type { SmaEmulator } from './emulator.ts';
import { CallNotFoundError } from './errors.ts';

/** Call control on the local SMA emulator, with the same arguments `ChimeCallControl` sends the real service. */
export class EmulatorCallControl implements CallControl {
  constructor(private readonly emulator: SmaEmulator) {}

  async updateCall(callId: string, update: Parameters<CallControl['updateCall']>[1]): Promise<void> {
    try {
      this.emulator.updateCall(callId, encodeCallUpdate(update.reason, update.agentId, update.target));
    } catch (error) {
      if (error instanceof CallNotFoundError) throw new NotFoundError('Call', callId);
      throw error;
    }
  }

  async placeCall(request: Parameters<CallControl['placeCall']>[0]): Promise<{ callId: string }> {
    const { transactionId } = this.emulator.createCall({ fromPhoneNumber: request.from, toPhoneNumber: request.to, argumentsMap: { tenantId: request.tenantId, contactId: request.contactId } });
    return { callId: transactionId };
  }
}
