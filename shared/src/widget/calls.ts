/**
 * Calls from the site: the widget's call button places a `webcall` contact that waits and is routed like a
 * phone call, with the visitor's browser as the caller's phone. What the visitor may send and is shown.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import type { Contact } from '../contacts/model.ts';
import type { PositionView } from '../contacts/position-view.ts';
import type { AudioTicket } from '../voice/call-audio.ts';

/** `POST /widget/:channelId/calls`: the department (a queue the channel offers) unless the pre-chat choice or the channel's default applies. */
export const VisitorCallRequestSchema = lazySchema(() => z.object({ queueId: z.string().min(1).max(64).optional() }).strict());
export type VisitorCallRequest = z.infer<typeof VisitorCallRequestSchema>;

/** Where a visitor's call stands: waiting in the queue, an agent being offered it, talking, over. */
export type WidgetCallStatus = 'waiting' | 'connecting' | 'connected' | 'ended';

/** A visitor's call as the widget shows it (no tenant, agent or customer ids). */
export interface WidgetCallView {
  contactId: string;
  status: WidgetCallStatus;
  /** While waiting: place, estimated wait and ready ru/en texts. */
  position?: Pick<PositionView, 'position' | 'waiting' | 'estimatedWaitMinutes' | 'text'>;
  /** Connecting or connected: the agent's name. */
  agentName?: string;
  /** Once ended: `abandoned` (hung up while waiting) or `completed` (after talking, or ended by the agent). */
  outcome?: 'abandoned' | 'completed';
  /** Seconds from joining the queue to an agent answering, or to hanging up while waiting; while waiting, so far. */
  waitSeconds: number;
  /** The contact's version, so the widget keeps the newest of a push and a poll. */
  version: number;
}

/** The answer to a placed call: its view, the visitor's ticket to the call's audio and how often the page beats. */
export interface PlacedCall extends WidgetCallView {
  ticket: AudioTicket;
  /** Seconds between the page's beats (`POST …/calls/:contactId/heartbeat`); missing several ends the call. */
  heartbeatSeconds: number;
}

/** Whether the contact is still a live call: waiting, being offered or talking. */
export function isLiveCall(contact: Pick<Contact, 'status'>): boolean {
  return ['queued', 'offered', 'missed', 'transferred', 'connected'].includes(contact.status);
}

const secondsBetween = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/** The visitor's view of a `webcall` contact at `now`. */
export function toWidgetCallView(contact: Contact, now: Date, extra: { position?: PositionView; agentName?: string } = {}): WidgetCallView {
  const status: WidgetCallStatus =
    contact.status === 'connected' ? 'connected'
    : contact.status === 'offered' ? 'connecting'
    : isLiveCall(contact) ? 'waiting'
    : 'ended';
  const answeredAt = contact.connectedAt ?? contact.history.find((h) => h.to === 'connected')?.at;
  const waitEnd = answeredAt ?? (status === 'ended' ? contact.statusSince : now.toISOString());
  const { position, agentName } = extra;
  return {
    contactId: contact.contactId,
    status,
    ...(status === 'waiting' && position && position.position !== null && { position: { position: position.position, waiting: position.waiting, estimatedWaitMinutes: position.estimatedWaitMinutes, text: position.text } }),
    ...((status === 'connected' || status === 'connecting') && agentName && { agentName }),
    ...(status === 'ended' && { outcome: answeredAt ? 'completed' : 'abandoned' }),
    waitSeconds: secondsBetween(contact.enqueuedAt, waitEnd),
    version: contact.version,
  };
}
