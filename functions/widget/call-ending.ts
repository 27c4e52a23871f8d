/**
 * A call from the site ends from the visitor's side as a phone call does when its caller hangs up: abandoned
 * while it still waits (or is being offered), ended into the agent's after-contact work once it was answered. The
 * visitor hanging up and the visitor's page going silent (`visitor-presence.ts`) end it the same way, with their
 * own reasons on the contact's history.
 */
import type { Contact } from '@cc/shared/contacts/model';
import type { ContactRepository } from '@cc/shared/contacts/ports';
import { ConflictError, NotFoundError } from '@cc/shared/errors';
import { InvalidTransitionError } from '@cc/shared/routing/errors';
import { isLiveCall } from '@cc/shared/widget/calls';
import type { ContactCommands } from '../routing/commands.ts';

/** How the visitor left: hung up, or their page stopped beating (the tab killed, the network gone). */
export type VisitorLeaving = 'hung-up' | 'gone';

/** The reasons on the contact, while it waited and once it was answered ("call ended" as for a phone caller). */
const REASONS: Record<VisitorLeaving, { waiting: string; talking: string }> = {
  'hung-up': { waiting: 'the visitor hung up while waiting', talking: 'call ended: the visitor hung up' },
  gone: { waiting: 'customer gone: the visitor’s page stopped answering while waiting', talking: 'call ended: customer gone, the visitor’s page stopped answering' },
};

/** How often a contact that moved on meanwhile is read again. */
const MAX_ATTEMPTS = 6;
/** Statuses from which the call is abandoned (it never reached an agent). */
const WAITING = new Set(['queued', 'offered', 'missed', 'transferred']);

export type CallEndingDeps = { contacts: Pick<ContactRepository, 'get'>; commands: Pick<ContactCommands, 'abandonContact' | 'endByCustomer'> };

/** Ends the visitor's call `contact` as `how`; a call over already is returned as it is. @returns the contact as it ends */
export async function endVisitorCall(deps: CallEndingDeps, contact: Contact, how: VisitorLeaving): Promise<Contact> {
  const { tenantId, contactId } = contact;
  let current = contact;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && isLiveCall(current); attempt++) {
    try {
      if (WAITING.has(current.status)) await deps.commands.abandonContact(tenantId, contactId, REASONS[how].waiting);
      else await deps.commands.endByCustomer(tenantId, contactId, REASONS[how].talking);
    } catch (error) {
      // The contact moved on meanwhile (an agent answered, the queue overflowed): read it and try again.
      if (!(error instanceof ConflictError) && !(error instanceof InvalidTransitionError) && !(error instanceof NotFoundError)) throw error;
    }
    current = (await deps.contacts.get(tenantId, contactId)) ?? current;
  }
  return current;
}
