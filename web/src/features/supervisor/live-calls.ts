import { isVoiceKind } from '@cc/shared/channels/catalog';
import type { Contact } from '@cc/shared/contacts/model';
import { openSupervision, type SupervisionEntry, type SupervisionMode } from '@cc/shared/contacts/values';

/** The supervisor's live calls, keyed by `contactId`. */
export type LiveCallBoard = ReadonlyMap<string, Contact>;

/** Whether the contact belongs on the panel: a call connected to an agent now. */
export const isLiveCall = (contact: Contact): boolean => contact.status === 'connected' && isVoiceKind(contact.channel);

/** The board after a push: the newest version wins; a call that left `connected` leaves the board. */
export function applyLiveCall(board: LiveCallBoard, contact: Contact, seen: Map<string, number>): LiveCallBoard {
  const last = seen.get(contact.contactId);
  if (last !== undefined && last > contact.version) return board;
  seen.set(contact.contactId, contact.version);
  const next = new Map(board);
  if (isLiveCall(contact)) next.set(contact.contactId, contact);
  else next.delete(contact.contactId);
  return next;
}

/** The board after a full reload: exactly the listed calls, but a newer copy already seen (a push that overtook the list) wins, and one seen ending stays gone. */
export function applyLiveCallList(calls: readonly Contact[], seen: Map<string, number>): LiveCallBoard {
  let board: LiveCallBoard = new Map();
  for (const call of calls) {
    const last = seen.get(call.contactId);
    if (last !== undefined && last > call.version) continue;
    board = applyLiveCall(board, call, seen);
  }
  return board;
}

/** Longest-running call first. */
export const sortLiveCalls = (board: LiveCallBoard): Contact[] => [...board.values()].sort((a, b) => talkStart(a).localeCompare(talkStart(b)));

/** When the talk began. */
export const talkStart = (contact: Contact): string => contact.connectedAt ?? contact.statusSince;

/** Whole seconds from `since` to `now` (never negative). */
export const secondsSince = (since: string, now: number): number => Math.max(0, Math.floor((now - Date.parse(since)) / 1000));

/** Seconds talked by `now` (never negative). */
export const talkSeconds = (contact: Contact, now: number): number => secondsSince(talkStart(contact), now);

/** Where the supervisor's audio is: nowhere, or one call in one mode. */
export type SupervisionSeat = { contactId: string; mode: SupervisionMode } | undefined;

/** What a press of a mode button (or Leave: `undefined`) must do from the current seat, in order. */
export interface SeatChange {
  /** Drop the current audio first (a switch of mode leaves and rejoins). */
  dropAudio: boolean;
  /** Tell the server the supervisor left the call `contactId` (not needed for a switch within one call: the new ticket closes the old entry). */
  leaveCall?: string;
  /** Then join this call in this mode. */
  join?: { contactId: string; mode: SupervisionMode };
}

export function planSeatChange(current: SupervisionSeat, target: SupervisionSeat): SeatChange {
  if (current && target && current.contactId === target.contactId && current.mode === target.mode) return { dropAudio: false };
  const leaveCall = current && current.contactId !== target?.contactId ? current.contactId : undefined;
  return { dropAudio: current !== undefined, ...(leaveCall && { leaveCall }), ...(target && { join: target }) };
}

/** Whether a listener's client must be given an empty microphone, so that nothing is captured or sent. */
export const sendsNothing = (ticket: { role: string; receiveOnly?: boolean }): boolean => ticket.receiveOnly === true || ticket.role === 'listen';

/** The other supervisors in the call now, for the row (so two supervisors do not coach one agent at once unawares). */
export const othersIn = (contact: Contact, selfId: string): SupervisionEntry[] => openSupervision(contact.supervision).filter((e) => e.userId !== selfId);
