import type { Contact } from '@cc/shared/contacts/model';
import type { TenantQueue } from '@cc/shared/queues/ports';

/** Offer time when neither the push nor the queue says (routing's default). */
export const DEFAULT_OFFER_SECONDS = 20;

/** Whole seconds left until `deadline` (ISO or ms), rounded up so "0" means time is up; never negative. */
export function secondsLeft(deadline: string | number, now: number): number {
  const at = typeof deadline === 'number' ? deadline : Date.parse(deadline);
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The share of a countdown still left, from 1 (just started) to 0 (over), for a progress bar. */
export function fractionLeft(deadline: string | number, totalSeconds: number, now: number): number {
  if (totalSeconds <= 0) return 0;
  const at = typeof deadline === 'number' ? deadline : Date.parse(deadline);
  return Math.min(1, Math.max(0, (at - now) / (totalSeconds * 1000)));
}

/** When an offer lapses: the push's `expiresAt`, else the offer time plus the queue's timeout. */
export function offerDeadline(contact: Contact, expiresAt: string | undefined, queue: Pick<TenantQueue, 'offerTimeoutSeconds'> | undefined): string {
  if (expiresAt) return expiresAt;
  return new Date(Date.parse(contact.statusSince) + (queue?.offerTimeoutSeconds ?? DEFAULT_OFFER_SECONDS) * 1000).toISOString();
}

/** When after-contact work ends on its own (ms), or undefined when the contact is not in it or the queue gives no time. */
export function wrapUpDeadline(contact: Contact, queue: Pick<TenantQueue, 'afterContactWorkSeconds'> | undefined): number | undefined {
  const seconds = queue?.afterContactWorkSeconds ?? 0;
  if (contact.status !== 'after-contact-work' || seconds <= 0) return undefined;
  return Date.parse(contact.statusSince) + seconds * 1000;
}

/** Seconds since `since` (ISO), never negative: a customer's wait, a conversation's length. */
export function secondsSince(since: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
}
