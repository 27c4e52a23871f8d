/**
 * Tickets to a call's audio for the console: the agent who holds the call, or a supervisor stepping in to
 * listen, whisper or barge. The meeting is the contact's (one per contact, created on first use), so the
 * caller, a transferred-to agent and supervisors all meet in it; the provider's adapter decides how.
 */
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { isVoiceKind } from '@cc/shared/channels/catalog';
import { ConflictError, ForbiddenError, NotFoundError } from '@cc/shared/errors';
import type { AudioTicket, ConsoleAudioRole } from '@cc/shared/voice/call-audio';
import type { MeetingRole, MeetingTicket } from '@cc/shared/voice/ports';
import type { Deps } from '../composition/deps.ts';

export class CallAudioAccess {
  constructor(private readonly deps: Pick<Deps, 'routing' | 'meetings'>) {}

  /** @throws NotFoundError (no such contact in the tenant), ConflictError (not a live call), ForbiddenError (not the caller's agent, or not a supervisor) */
  async ticket(principal: Principal, contactId: string, role: ConsoleAudioRole): Promise<AudioTicket> {
    const contact = await this.deps.routing.readContact(principal.tenantId, contactId);
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (!isVoiceKind(contact.channel)) throw new ConflictError(`Contact ${contactId} is a ${contact.channel} contact, not a call`);
    if (role === 'agent') {
      if (contact.agentId !== principal.userId) throw new ForbiddenError('Only the agent the call is connected to may join its audio');
    } else {
      if (!hasRole(principal.roles, 'supervisor')) throw new ForbiddenError('Only supervisors may listen to, whisper in or barge into a call');
      if (contact.agentId === principal.userId) throw new ConflictError('This call is your own: join it as its agent');
    }
    if (contact.status !== 'connected') throw new ConflictError(`The call is ${contact.status}, not connected to an agent`);
    const { meetingId } = await this.deps.meetings.open(principal.tenantId, contactId);
    return audioTicketOf(contactId, role, meetingId, await this.deps.meetings.join(meetingId, { userId: principal.userId, role }));
  }
}

/** What a browser gets to join a meeting: the provider's ticket with the signalling path locally, the Chime answers in AWS. */
export function audioTicketOf(contactId: string, role: MeetingRole, meetingId: string, ticket: MeetingTicket): AudioTicket {
  const signallingPath = ticket.provider === 'local' ? (ticket.meeting as { signallingPath?: string } | undefined)?.signallingPath : undefined;
  return {
    contactId,
    role,
    provider: ticket.provider,
    meetingId,
    attendeeId: ticket.attendeeId,
    joinToken: ticket.joinToken,
    ...(signallingPath ? { signallingPath } : { meeting: ticket.meeting, attendee: ticket.attendee }),
  };
}
