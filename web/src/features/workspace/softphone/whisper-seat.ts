/**
 * The agent's seat in a supervisor's whisper where the provider keeps whispers in a meeting apart (Chime): while a
 * whisper is on the agent's call, the agent also sits, receive-only, in the whisper meeting, so they hear the
 * supervisor and the customer never does. Locally one room carries every role and the policy decides who hears whom,
 * so nothing happens here. Driven by the contact as pushed; apart from React so the decision is tested.
 */
import type { Contact } from '@cc/shared/contacts/model';
import { agentNotices } from '@cc/shared/contacts/values';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { CallAudio } from '../../../voice/call-audio.ts';

export interface WhisperSeatDeps {
  /** `POST /api/contacts/:id/audio {role:'agent'}`: a fresh ticket, with `whisper` while a whisper is on. */
  requestTicket(contactId: string): Promise<AudioTicket>;
  /** Joins the whisper meeting receive-only: the agent answers the supervisor in the call, where the customer would hear it. */
  join(ticket: NonNullable<AudioTicket['whisper']>): Promise<CallAudio>;
}

/** What the open whispers on a call are (who, since when); undefined when none is. A change is a different whisper. */
export function whisperKey(contact: Pick<Contact, 'status' | 'supervision'>): string | undefined {
  const whispers = agentNotices(contact)
    .filter((entry) => entry.role === 'whisper')
    .map((entry) => `${entry.userId}@${entry.since}`)
    .sort();
  return whispers.length > 0 ? whispers.join(',') : undefined;
}

export type WhisperSeatChange = 'join' | 'leave' | 'refresh' | 'none';

/**
 * What a push means for the seat: a whisper starting joins, the last one ending leaves, another set of whispers
 * asks a fresh ticket (its meeting may be a new one); nothing for a call whose audio needs no meeting apart.
 */
export function whisperSeatChange(seated: string | undefined, now: string | undefined, callAudio: Pick<AudioTicket, 'provider'> | undefined): WhisperSeatChange {
  if (callAudio?.provider !== 'chime') return seated === undefined ? 'none' : 'leave';
  if (seated === now) return 'none';
  if (now === undefined) return 'leave';
  return seated === undefined ? 'join' : 'refresh';
}

export class WhisperSeat {
  private seatedFor: string | undefined;
  private seat: CallAudio | undefined;
  /** Bumped by every change, so a join that finishes after a later change is left at once. */
  private generation = 0;

  constructor(
    private readonly contactId: string,
    private readonly deps: WhisperSeatDeps,
  ) {}

  /** The seat joined now, if any. */
  current(): CallAudio | undefined {
    return this.seat;
  }

  /** Follows the contact as pushed, with the agent's own call audio (undefined while it is not joined). */
  async follow(contact: Pick<Contact, 'status' | 'supervision'>, callAudio: Pick<AudioTicket, 'provider'> | undefined): Promise<void> {
    const now = whisperKey(contact);
    const change = whisperSeatChange(this.seatedFor, now, callAudio);
    if (change === 'none') return;
    const generation = ++this.generation;
    this.seatedFor = change === 'leave' ? undefined : now;
    if (change === 'leave') return this.release();
    let ticket: AudioTicket;
    try {
      ticket = await this.deps.requestTicket(this.contactId);
    } catch {
      return; // the call moved on meanwhile: nothing to hear
    }
    if (generation !== this.generation) return;
    if (change === 'refresh' && this.seat && ticket.whisper?.meetingId === this.seat.ticket.meetingId) return;
    await this.release();
    if (!ticket.whisper) return;
    const seat = await this.deps.join(ticket.whisper).catch(() => undefined);
    if (!seat) return;
    if (generation !== this.generation) return void seat.leave();
    this.seat = seat;
  }

  /** Leaves the seat (hang-up, the softphone going away). */
  async leave(): Promise<void> {
    this.generation++;
    this.seatedFor = undefined;
    await this.release();
  }

  private async release(): Promise<void> {
    const seat = this.seat;
    this.seat = undefined;
    await seat?.leave().catch(() => undefined);
  }
}
