/**
 * Hold and resume on a connected call: the agent puts the customer on hold (they hear the hold music) and takes
 * them back. The contact keeps the periods for the hold-time KPI and so a supervisor sees a call on hold. Pure.
 */
import * as z from 'zod';
import { isVoiceKind } from '../channels/catalog.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';
import { lazySchema } from '../lazy-schema.ts';
import type { CallHold, Contact } from './model.ts';

/** `POST /api/contacts/:contactId/hold`. */
export const HoldRequestSchema = lazySchema(() => z.object({ onHold: z.boolean() }).strict());
export type HoldRequest = z.infer<typeof HoldRequestSchema>;

/** Whether the customer is on hold now. */
export function isOnHold(contact: Pick<Contact, 'hold'>): boolean {
  return contact.hold?.since !== undefined;
}

/** The seconds a contact has spent on hold by `now`: the closed periods plus the open one. */
export function holdSeconds(hold: CallHold | undefined, now: Date): number {
  if (!hold) return 0;
  const open = hold.since === undefined ? 0 : Math.max(0, (now.getTime() - Date.parse(hold.since)) / 1000);
  return hold.totalSeconds + open;
}

/** The hold with its open period (if any) closed at `at`. */
export function closeHoldPeriod(hold: CallHold, at: Date): CallHold {
  if (hold.since === undefined) return hold;
  return { totalSeconds: holdSeconds(hold, at), count: hold.count };
}

/**
 * The contact after its agent puts the call on hold or resumes it, with the version bumped (one write); `undefined`
 * when it already is as asked, so a repeated request changes nothing.
 * @throws ConflictError (not a call, or not connected), ForbiddenError (not the agent the call is connected to)
 */
export function setCallHold(contact: Contact, agentId: string, onHold: boolean, at: Date): Contact | undefined {
  if (!isVoiceKind(contact.channel)) throw new ConflictError(`Contact ${contact.contactId} is a ${contact.channel} contact, not a call`);
  if (contact.agentId !== agentId) throw new ForbiddenError('Only the agent the call is connected to may hold it');
  if (contact.status !== 'connected') throw new ConflictError(`The call is ${contact.status}, not connected`);
  if (isOnHold(contact) === onHold) return undefined;
  const hold = contact.hold ?? { totalSeconds: 0, count: 0 };
  const next: CallHold = onHold ? { since: at.toISOString(), totalSeconds: hold.totalSeconds, count: hold.count + 1 } : closeHoldPeriod(hold, at);
  return { ...contact, hold: next, version: contact.version + 1 };
}
