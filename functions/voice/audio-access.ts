/**
 * Tickets to a call's audio for the console: the agent who holds the call, or a supervisor stepping in to
 * listen, whisper or barge. The meeting is the contact's (one per contact, created on first use), so the
 * caller, a transferred-to agent and supervisors all meet in it; the provider's adapter decides how. A
 * supervisor's ticket is recorded on the contact (`supervision`), which its push carries to the consoles.
 */
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { isVoiceKind } from '@cc/shared/channels/catalog';
import type { Contact } from '@cc/shared/contacts/model';
import { joinSupervision, leaveSupervision, whisperActive, type SupervisionMode } from '@cc/shared/contacts/values';
import { ConflictError, ForbiddenError, NotFoundError } from '@cc/shared/errors';
import type { AudioTicket, ConsoleAudioRole } from '@cc/shared/voice/call-audio';
import type { MeetingRole, MeetingTicket } from '@cc/shared/voice/ports';
import type { Deps } from '../composition/deps.ts';
import type { ContactCommands } from '../routing/commands.ts';

export class CallAudioAccess {
  constructor(
    private readonly deps: Pick<Deps, 'routing' | 'meetings' | 'clock'>,
    private readonly commands: Pick<ContactCommands, 'annotate'>,
  ) {}

  /**
   * A ticket for `role`; a supervision role is first recorded on the contact (a switch of mode closes the previous one),
   * conditional on the call still being connected.
   * @throws NotFoundError (no such contact in the tenant), ConflictError (not a live call), ForbiddenError (not the caller's agent, or not a supervisor)
   */
  async ticket(principal: Principal, contactId: string, role: ConsoleAudioRole): Promise<AudioTicket> {
    let contact = await this.readCall(principal, contactId);
    if (role === 'agent') {
      if (contact.agentId !== principal.userId) throw new ForbiddenError('Only the agent the call is connected to may join its audio');
    } else {
      if (!hasRole(principal.roles, 'supervisor')) throw new ForbiddenError('Only supervisors may listen to, whisper in or barge into a call');
      if (contact.agentId === principal.userId) throw new ConflictError('This call is your own: join it as its agent');
    }
    assertConnected(contact);
    if (role !== 'agent') contact = (await this.recordSupervision(principal, contactId, role)) ?? contact;
    return this.seat(principal, contact, role);
  }

  /** The supervisor leaves the call's audio: their open entry is closed (nothing is written when they had none). @throws NotFoundError, ConflictError (not a call) */
  async leave(principal: Principal, contactId: string): Promise<void> {
    await this.readCall(principal, contactId);
    await this.commands.annotate(principal.tenantId, contactId, (contact) => {
      const supervision = leaveSupervision(contact.supervision, principal.userId, this.deps.clock.now());
      return supervision && { supervision };
    });
  }

  private async readCall(principal: Principal, contactId: string): Promise<Contact> {
    const contact = await this.deps.routing.readContact(principal.tenantId, contactId);
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (!isVoiceKind(contact.channel)) throw new ConflictError(`Contact ${contactId} is a ${contact.channel} contact, not a call`);
    return contact;
  }

  /** Written from a fresh read, conditional on its version and on `connected` (annotate retries a lost race), so concurrent supervisors all keep their entries. */
  private recordSupervision(principal: Principal, contactId: string, role: SupervisionMode) {
    return this.commands.annotate(principal.tenantId, contactId, (contact) => {
      assertConnected(contact);
      const supervision = joinSupervision(contact.supervision, { userId: principal.userId, name: principal.name }, role, this.deps.clock.now());
      return supervision && { supervision };
    });
  }

  /**
   * The seats to hand out. Where the provider needs a meeting apart for whispers, a whisperer listens in the call's
   * meeting and speaks in the whisper meeting, and the agent, while a whisper is on, also hears the whisper meeting.
   */
  private async seat(principal: Principal, contact: Contact, role: ConsoleAudioRole): Promise<AudioTicket> {
    const { meetings } = this.deps;
    const { tenantId, userId } = principal;
    const { meetingId } = await meetings.open(tenantId, contact.contactId);
    const apart = meetings.separateWhisperMeeting;
    const whisperMeeting = apart && (role === 'whisper' || (role === 'agent' && whisperActive(contact))) ? (await meetings.open(tenantId, contact.contactId, { purpose: 'whisper' })).meetingId : undefined;
    const inCall = apart && role === 'whisper' ? { userId, role: 'listen' as const } : { userId, role };
    const ticket = audioTicketOf(contact.contactId, role, await meetings.join(meetingId, inCall), role === 'listen' || inCall.role === 'listen');
    if (!whisperMeeting) return ticket;
    const agentSide = role === 'agent';
    const whisper = audioTicketOf(contact.contactId, role, await meetings.join(whisperMeeting, { userId, role, receiveOnly: agentSide }), agentSide);
    return { ...ticket, whisper };
  }
}

function assertConnected(contact: Contact) {
  if (contact.status !== 'connected') throw new ConflictError(`The call is ${contact.status}, not connected to an agent`);
}

/** What a browser gets to join a meeting: the provider's ticket with the signalling path locally, the Chime answers in AWS. */
export function audioTicketOf(contactId: string, role: MeetingRole, ticket: MeetingTicket, receiveOnly = false): AudioTicket {
  const signallingPath = ticket.provider === 'local' ? (ticket.meeting as { signallingPath?: string } | undefined)?.signallingPath : undefined;
  return {
    contactId,
    role,
    provider: ticket.provider,
    meetingId: ticket.meetingId,
    attendeeId: ticket.attendeeId,
    joinToken: ticket.joinToken,
    ...(signallingPath ? { signallingPath } : { meeting: ticket.meeting, attendee: ticket.attendee }),
    ...(receiveOnly && { receiveOnly: true }),
  };
}
