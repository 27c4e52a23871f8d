/**
 * The first state of a callback we dialled: the provider's first event of the call names the contact (the arguments
 * the dialer gave the provider); the state waits for the answer with the callee's seat in the contact's meeting
 * ready, so the engine joins the callee to the agent as soon as they pick up.
 */
import type { RoutingRepository } from '@cc/shared/contacts/ports';
import type { PhoneNumber } from '@cc/shared/tenancy/model';
import type { CallState } from '@cc/shared/voice/call-state';
import type { CallFlow } from '@cc/shared/voice/flow-config';
import type { MeetingRooms } from '@cc/shared/voice/ports';
import type { CallEvent } from '@cc/shared/voice/vocabulary';
import { logger } from '../composition/logger.ts';

export interface OutboundStartDeps {
  routing: Pick<RoutingRepository, 'readContact'>;
  meetings: MeetingRooms;
}

/** `undefined` unless `event` starts an outbound call for a connected callback contact of the number's tenant. */
export async function outboundStartState(
  deps: OutboundStartDeps,
  call: { callId: string; event: CallEvent; arguments?: Record<string, string> },
  phone: PhoneNumber,
  flow: CallFlow,
): Promise<CallState | undefined> {
  const { event } = call;
  if (event.type !== 'call-started' || event.direction !== 'outbound') return undefined;
  const contactId = call.arguments?.['contactId'];
  if (!contactId || (call.arguments?.['tenantId'] ?? phone.tenantId) !== phone.tenantId) return undefined;
  const contact = await deps.routing.readContact(phone.tenantId, contactId);
  if (!contact || contact.status !== 'connected' || !contact.agentId) {
    logger.warn('Outbound call for a contact not waiting for it', { callId: call.callId, contactId, status: contact?.status });
    return undefined;
  }
  const { meetingId } = await deps.meetings.open(phone.tenantId, contactId);
  const seat = await deps.meetings.join(meetingId, { userId: `caller-${call.callId}`, role: 'caller' });
  return {
    callId: call.callId,
    tenantId: phone.tenantId,
    number: phone.e164,
    direction: 'outbound',
    customer: event.to,
    phase: 'dialing',
    language: flow.language,
    menuPath: [],
    attempts: 0,
    recording: false,
    events: 0,
    queueId: contact.queueId,
    contactId,
    agentId: contact.agentId,
    target: { kind: 'meeting', meetingId, joinToken: seat.joinToken },
  };
}
