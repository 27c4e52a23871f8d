import { hasRole, type Principal } from '../auth/model.ts';
import { ForbiddenError } from '../errors.ts';

/**
 * Who may read a customer (profile, 360° history, merges): supervisors and admins any; an agent only
 * while holding a contact (offered, connected, wrap-up) of the customer or of one linked to it.
 * `group` is the customer and its linked customers; `heldCustomerIds` the customers of the agent's held contacts.
 * @throws ForbiddenError
 */
export function authorizeCustomerRead(principal: Pick<Principal, 'roles'>, group: readonly string[], heldCustomerIds: readonly string[]): void {
  if (hasRole(principal.roles, 'supervisor')) return;
  if (!group.some((id) => heldCustomerIds.includes(id))) throw new ForbiddenError('Agents may read only the customers of contacts they hold');
}

/**
 * Who may merge two customers: supervisors and admins any two; an agent only a customer they may read
 * with one its profile suggests (same phone number), so a merge cannot open a stranger's history to them.
 * @throws ForbiddenError
 */
export function authorizeCustomerMerge(principal: Pick<Principal, 'roles'>, otherCustomerId: string, suggestedIds: readonly string[]): void {
  if (hasRole(principal.roles, 'supervisor')) return;
  if (!suggestedIds.includes(otherCustomerId)) throw new ForbiddenError('Agents may merge only a customer suggested for the one they hold; ask a supervisor');
}

/** A confirmed merge, kept under both customers: who, when, and every member's links before it (enough to undo). */
export interface CustomerMerge {
  tenantId: string;
  mergeId: string;
  customerId: string;
  otherCustomerId: string;
  by: { userId: string; name: string };
  at: string;
  before: { customerId: string; linkedCustomerIds: string[] }[];
}
