/**
 * The voice side of routing, on the table's stream: when an agent answers a phone call's contact, the caller is
 * joined to the contact's audio meeting through the telephony provider; when the agent ends it, the call's flow
 * goes on (survey or goodbye); when any call's conversation is over, whoever ended it, its audio meetings close.
 * All are keyed by the contact's version, and the flow ignores a repeated update.
 */
import { NotFoundError } from '@cc/shared/errors';
import { isVoiceKind } from '@cc/shared/channels/catalog';
import { ContactSchema, type Contact } from '@cc/shared/contacts/model';
import type { CallControl, MeetingPurpose, MeetingRooms } from '@cc/shared/voice/ports';
import type { ChangeReaction, ItemChange } from '../streams/app.ts';
import { logger } from '../composition/logger.ts';
import { CALL_ENDED } from './call-effects.ts';

const contactsOf = (change: ItemChange) => ({
  before: change.oldImage ? ContactSchema.parse(change.oldImage) : undefined,
  after: change.newImage ? ContactSchema.parse(change.newImage) : undefined,
});


/** Ended by the agent (or a supervisor), not by the caller's hang-up. */
function endedByAgent(before: Contact, after: Contact): boolean {
  if (before.status !== 'connected' || (after.status !== 'after-contact-work' && after.status !== 'closed')) return false;
  return !after.history.at(-1)?.reason?.startsWith(CALL_ENDED);
}

/**
 * Nobody talks in the contact's meetings any more: the caller hung up on the agent, or the contact, once answered,
 * closed. Not when the agent ends alone (the call's flow still leads the caller out of the meeting to the survey)
 * nor on a transfer (the caller waits in the same meeting for the next agent).
 */
function conversationOver(before: Contact, after: Contact): boolean {
  const hungUp = before.status === 'connected' && after.status !== 'connected' && after.history.at(-1)?.reason?.startsWith(CALL_ENDED) === true;
  const closed = after.status === 'closed' && before.status !== 'closed' && after.history.some((step) => step.to === 'connected');
  return hungUp || closed;
}

async function ignoreGoneCall(work: Promise<void>, contact: Contact): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    logger.info('The call of the contact has already ended', { contactId: contact.contactId, callId: contact.call?.callId });
  }
}

export function voiceReactions(deps: { callControl: CallControl; meetings: MeetingRooms }): ChangeReaction[] {
  return [
    {
      name: 'join answered callers to the agent',
      entity: 'contact',
      react: async (change) => {
        const { before, after } = contactsOf(change);
        if (!after?.call || after.channel !== 'voice' || before?.status !== 'offered' || after.status !== 'connected' || !after.agentId) return;
        const { meetingId } = await deps.meetings.open(after.tenantId, after.contactId);
        const ticket = await deps.meetings.join(meetingId, { userId: `caller-${after.call.callId}`, role: 'caller' });
        await ignoreGoneCall(deps.callControl.updateCall(after.call.callId, { reason: 'agent-connected', agentId: after.agentId, target: { kind: 'meeting', meetingId, joinToken: ticket.joinToken } }), after);
      },
    },
    {
      name: 'tell the call its agent left',
      entity: 'contact',
      react: async (change) => {
        const { before, after } = contactsOf(change);
        if (!after?.call || !before || after.channel !== 'voice' || !endedByAgent(before, after)) return;
        await ignoreGoneCall(deps.callControl.updateCall(after.call.callId, { reason: 'agent-left', ...(before.agentId && { agentId: before.agentId }) }), after);
      },
    },
    {
      name: 'close the audio meetings of a call that is over',
      entity: 'contact',
      react: async (change) => {
        const { before, after } = contactsOf(change);
        if (!before || !after || !isVoiceKind(after.channel) || !conversationOver(before, after)) return;
        const whispered = deps.meetings.separateWhisperMeeting && (after.supervision ?? []).some((entry) => entry.role === 'whisper');
        const purposes: MeetingPurpose[] = whispered ? ['call', 'whisper'] : ['call'];
        await deps.meetings.closeFor(after.tenantId, after.contactId, purposes);
      },
    },
  ];
}
