import { hasRole, type Principal } from '../auth/model.ts';
import { ForbiddenError } from '../errors.ts';

/** What of a new contact decides who may create it. */
export interface ContactCreationRequest {
  conversationId?: string;
  replacesContactId?: string;
}

/**
 * Who may create which contact through the API. Supervisors and admins: anything. An agent: a plain
 * contact, or one of a conversation they hold right now (e.g. a callback for the customer on the
 * line); never one that takes a waiting contact's place, because that closes the waiting contact
 * (a supervisor's abandon). `held` are the contacts the agent holds. @throws ForbiddenError
 */
export function authorizeContactCreation(principal: Pick<Principal, 'roles'>, request: ContactCreationRequest, held: readonly { conversationId?: string }[]): void {
  if (hasRole(principal.roles, 'supervisor')) return;
  if (request.replacesContactId !== undefined) throw new ForbiddenError('Only supervisors may replace a waiting contact (it closes that contact)');
  const { conversationId } = request;
  if (conversationId !== undefined && !held.some((c) => c.conversationId === conversationId)) throw new ForbiddenError('Agents may attach a new contact only to a conversation they hold');
}
