import type { Contact } from '@cc/shared/contacts/model';

/**
 * The number of the other side of a call: the number a callback dials, else the number the call came from, else the
 * customer's phone on file; `undefined` for a withheld number (the telephony reports it as "anonymous" or nothing).
 */
export function callerNumber(contact: Pick<Contact, 'callback' | 'call'>, profilePhone?: string): string | undefined {
  const fromCall = contact.call?.customer;
  const dialable = fromCall && /^\+?\d{3,15}$/.test(fromCall) ? fromCall : undefined;
  return contact.callback?.phone ?? dialable ?? profilePhone;
}
