/**
 * The scripted caller's way into the contact center: the emulator knows only the call's transaction id and the
 * dialled number, so this finds the tenant by the number and the contact from the call's record, then hands the
 * event to the one transcript ingestion (as `POST /api/contacts/:id/transcript` does in AWS). Local only.
 */
import { AGENT_CUSTOMER_CHANNELS } from '@cc/shared/voice/transcript';
import { NotFoundError } from '@cc/shared/errors';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { callContactId } from '../../voice/call-effects.ts';
import type { TranscriptFeed } from './scripted-caller.ts';

/** @throws NotFoundError (from `feed`) when the dialled number is no tenant's */
export function localTranscriptFeed(deps: Pick<Deps, 'directory' | 'calls'>, services: () => Pick<Services, 'transcripts'>): TranscriptFeed {
  return {
    async feed({ callId, to }, event) {
      const number = await deps.directory.findPhoneNumber(to);
      if (!number) throw new NotFoundError('Phone number', to);
      const call = await deps.calls.get(number.tenantId, callId);
      await services().transcripts.ingest(number.tenantId, call?.state.contactId ?? callContactId(callId), event, AGENT_CUSTOMER_CHANNELS);
    },
  };
}
