/**
 * The SIP media application's invocation, end to end: validate the event (zod), translate it to the neutral
 * vocabulary, run it through the call flow, translate the steps back to SMA actions and check the answer against
 * the documented limits before returning it. Whatever goes wrong, the caller hears an apology and the call ends
 * politely: the service never answers an error the SMA would turn into dead air.
 */
import { SmaEventSchema } from '@cc/shared/voice/sma/events';
import { fromSmaEvent } from '@cc/shared/voice/sma/to-event';
import { safeApologyResponse, toSmaResponse } from '@cc/shared/voice/sma/to-actions';
import { smaResponseProblem, type SmaResponse } from '@cc/shared/voice/sma/actions';
import type { Config } from '../composition/config.ts';
import { logger } from '../composition/logger.ts';
import type { VoiceCallService } from './call-service.ts';
import { LOCAL_PROMPTS_BUCKET, LOCAL_RECORDINGS_BUCKET, promptLibrary } from './prompts.ts';

const EMPTY: SmaResponse = { SchemaVersion: '1.0', Actions: [] };

/** The LEG-A call id of whatever the event holds, for an apology even when the event is malformed. */
function legAOf(raw: unknown): string | undefined {
  const participants = (raw as { CallDetails?: { Participants?: { CallId?: unknown; ParticipantTag?: unknown }[] } } | null)?.CallDetails?.Participants;
  const legA = Array.isArray(participants) ? (participants.find((p) => p?.ParticipantTag === 'LEG-A') ?? participants[0]) : undefined;
  return typeof legA?.CallId === 'string' ? legA.CallId : undefined;
}

export function createSmaHandler(config: Pick<Config, 'VOICE_PROMPTS_BUCKET' | 'VOICE_RECORDINGS_BUCKET'>, calls: VoiceCallService) {
  const prompts = promptLibrary(config.VOICE_PROMPTS_BUCKET ?? LOCAL_PROMPTS_BUCKET);
  const recordings = { bucket: config.VOICE_RECORDINGS_BUCKET ?? LOCAL_RECORDINGS_BUCKET, prefix: 'calls' };

  const apology = (raw: unknown, why: string, detail?: unknown): SmaResponse => {
    const leg = legAOf(raw);
    logger.error('Voice event answered with an apology', { why, detail, leg });
    return leg ? safeApologyResponse(leg, 'ru') : EMPTY;
  };

  return async (raw: unknown): Promise<SmaResponse> => {
    const parsed = SmaEventSchema.safeParse(raw);
    if (!parsed.success) return apology(raw, 'malformed SMA event', parsed.error.issues.slice(0, 5));
    const event = parsed.data;
    try {
      const inbound = fromSmaEvent(event);
      const legA = inbound.legA;
      if (!legA) return apology(raw, 'event without LEG-A');
      const number = legA.direction === 'inbound' ? legA.to : legA.from;
      const tenantId = inbound.attributes['tenantId'];
      const answer = await calls.handle({ callId: inbound.callId, sequence: event.Sequence, number, ...(tenantId && { tenantId }), ...(inbound.arguments && { arguments: inbound.arguments }), ...(inbound.carried && { carried: inbound.carried }), event: inbound.event });
      // A hang-up of a single-leg call: the SMA ignores the answer, an empty list is the documented one.
      if (event.InvocationEventType === 'HANGUP' && answer.steps.length === 0) return EMPTY;
      const attributes = answer.state ? { ...inbound.attributes, tenantId: answer.state.tenantId } : inbound.attributes;
      const response = toSmaResponse(answer.steps, { callLegId: legA.callId, ...(inbound.legB && { bridgedLegId: inbound.legB.callId }), attributes, ...(answer.record && { record: answer.record }), prompts, recordings, callNumber: number });
      const problem = smaResponseProblem(response);
      if (problem) return apology(raw, 'our answer broke an SMA rule', problem);
      return response;
    } catch (error) {
      return apology(raw, 'voice event failed', error instanceof Error ? { name: error.name, message: error.message } : error);
    }
  };
}
