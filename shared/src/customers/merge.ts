import type { Customer, MergeSuggestion } from './model.ts';

/**
 * Customers sharing the customer's phone number who are not linked to it yet: likely the same person
 * writing from another messenger. Only suggested; an agent confirms with the merge API.
 */
export function suggestMerges(customer: Customer, samePhone: readonly Customer[]): MergeSuggestion[] {
  if (!customer.phone) return [];
  const linked = new Set([customer.customerId, ...customer.linkedCustomerIds]);
  return samePhone
    .filter((other) => other.tenantId === customer.tenantId && other.phone === customer.phone && !linked.has(other.customerId))
    .map((other) => ({
      customerId: other.customerId,
      channel: other.channel,
      channelId: other.channelId,
      ...(other.name !== undefined && { name: other.name }),
      phone: customer.phone!,
      reason: 'same_phone' as const,
    }));
}

/**
 * Links two customers' groups into one: every member lists every other member. Takes each group's
 * members as stored; returns the members whose links changed, with their versions bumped.
 */
export function linkCustomers(members: readonly Customer[], at: string): Customer[] {
  const ids = [...new Set(members.map((m) => m.customerId))].sort();
  return members.flatMap((member) => {
    const linkedCustomerIds = ids.filter((id) => id !== member.customerId);
    const same = linkedCustomerIds.length === member.linkedCustomerIds.length && linkedCustomerIds.every((id) => member.linkedCustomerIds.includes(id));
    return same ? [] : [{ ...member, linkedCustomerIds, updatedAt: at, version: member.version + 1 }];
  });
}
