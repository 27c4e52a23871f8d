import type { Contact } from '../contacts/model.ts';
import type { Customer, CustomerSighting, UpdateCustomerNotes } from './model.ts';
import type { CustomerMerge } from './access.ts';

/** Customers, found by id or by phone number. */
export interface CustomerRepository {
  /** Creates the customer on first sight, else refreshes the profile fields given (never erasing known ones). */
  recordSighting(sighting: CustomerSighting): Promise<void>;
  get(tenantId: string, customerId: string): Promise<Customer | undefined>;
  /** Replaces the agents' notes and/or tags of an existing customer; answers it as saved. @throws NotFoundError */
  updateNotes(tenantId: string, customerId: string, patch: UpdateCustomerNotes, at: string): Promise<Customer>;
  /** Customers with this E.164 phone number (an eventually consistent index). */
  listByPhone(tenantId: string, phone: string): Promise<Customer[]>;
  /**
   * Saves changed links of several customers at once, each only if its version is still the one read.
   * With `merge`, the merge record is written in the same transaction (under both customers).
   * @throws ConflictError when one of them changed meanwhile.
   */
  saveLinks(changed: readonly Customer[], merge?: CustomerMerge): Promise<void>;
  /** Merges that involved the customer, oldest first. */
  listMerges(tenantId: string, customerId: string): Promise<CustomerMerge[]>;
  /** The customer's contacts on every channel, oldest first. */
  listContacts(tenantId: string, customerId: string): Promise<Contact[]>;
}
