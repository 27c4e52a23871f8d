/**
 * The customer behind a phone call: one per caller number in a tenant, whichever of its numbers was called,
 * found again on every later call by the same deterministic id. Messenger customers with the same phone stay
 * separate and are offered as merge suggestions, as between messengers: a caller id can be spoofed, so a
 * call alone must not open another customer's history.
 */
import { customerIdOf } from '../conversations/ids.ts';
import type { CustomerSighting } from './model.ts';

const E164 = /^\+[1-9]\d{6,14}$/;

/** The customer id of a caller number in a tenant. */
export function callerCustomerIdOf(tenantId: string, phone: string): string {
  return customerIdOf(`voice:${tenantId}`, phone);
}

/**
 * What a call tells about its caller, to record before the call's contact is created; undefined for a number
 * that is withheld or not E.164 (`anonymous`, empty…), which identifies nobody.
 */
export function callerSighting(call: { tenantId: string; number: string; customer: string }, at: string): CustomerSighting | undefined {
  if (!E164.test(call.customer)) return undefined;
  return { tenantId: call.tenantId, customerId: callerCustomerIdOf(call.tenantId, call.customer), channel: 'voice', channelId: call.number, externalId: call.customer, profile: { phone: call.customer }, at };
}
