/**
 * Call transcripts in: one path for both runtimes. In AWS the agent's browser posts what Amazon Transcribe
 * streaming returned (`POST /api/contacts/:id/transcript`); locally the SMA emulator's scripted caller feeds
 * events of the same shape. Either way: parse, read into segments, store under the merge rule, push what changed.
 */
import type { Contact } from '@cc/shared/contacts/model';
import { ConflictError, NotFoundError } from '@cc/shared/errors';
import { transcribeLanguageOf, type TranscriptionGrant } from '@cc/shared/voice/values';
import { segmentsOf, TranscriptEventBodySchema, type ChannelMap, type TranscriptSegment } from '@cc/shared/voice/transcript';
import type { Deps } from '../composition/deps.ts';
import { broadcast, ownerOr } from '../realtime/reactions.ts';
import { segmentsOfCall } from '@cc/shared/analytics/segments';
import type { ConversationAnalyser } from '../analytics/analyser.ts';

export type TranscriptServiceDeps = Pick<Deps, 'transcripts' | 'contacts' | 'connections' | 'push' | 'calls' | 'streamingCredentials' | 'clock'>;

/** Ingests Transcribe events into a contact's transcript and reads it back. */
export class TranscriptService {
  /** `live`: checks each stored segment (partials too) for an escalation request, so it alerts within seconds. */
  constructor(private readonly deps: TranscriptServiceDeps, private readonly live?: Pick<ConversationAnalyser, 'checkLive'>) {}

  /**
   * Stores the event's segments on the contact and pushes those that were written to the contact's agent and to
   * supervisors (as conversation messages are pushed).
   * @returns the segments written (none when every one was already stored as well or better)
   * @throws ZodError when `event` is not a Transcribe `TranscriptEvent`; NotFoundError when the contact is not the tenant's
   */
  async ingest(tenantId: string, contactId: string, event: unknown, channels: ChannelMap): Promise<TranscriptSegment[]> {
    const segments = segmentsOf(TranscriptEventBodySchema.parse(event), { channels });
    const contact = await this.deps.contacts.get(tenantId, contactId);
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (segments.length === 0) return [];
    const written = await this.deps.transcripts.append(tenantId, contactId, segments);
    if (written.length === 0) return written;
    await broadcast(this.deps, tenantId, ownerOr(contact.agentId ?? '', 'supervisor'), { type: 'transcript', contactId, segments: written });
    await this.live?.checkLive(tenantId, segmentsOfCall(written), this.deps.clock.now().toISOString(), async () => contact);
    return written;
  }

  /**
   * Short-lived Transcribe streaming credentials for the agent's browser, in the call flow's language (the caller has
   * checked that `userId` is the agent the call is connected to).
   * @throws ConflictError where this deployment does not transcribe in the browser (locally: the scripted caller does)
   */
  async grantStreaming(tenantId: string, contact: Contact, userId: string): Promise<TranscriptionGrant> {
    const issuer = this.deps.streamingCredentials;
    if (!issuer) throw new ConflictError('This deployment has no Amazon Transcribe streaming: calls are not transcribed in the browser', { reason: 'no-transcription-provider' });
    const call = contact.call && (await this.deps.calls.get(tenantId, contact.call.callId));
    const credentials = await issuer.issue({ tenantId, contactId: contact.contactId, userId });
    return { contactId: contact.contactId, region: issuer.region, languageCode: transcribeLanguageOf(call?.state.language), credentials };
  }

  /** The contact's transcript in display order (the caller has checked it may read the contact). */
  list(tenantId: string, contactId: string): Promise<TranscriptSegment[]> {
    return this.deps.transcripts.list(tenantId, contactId);
  }
}
