import type { Contact } from './model.ts';

/** Contacts. Waiting contacts of a queue are found through a sparse index kept only while queued. */
export interface ContactRepository {
  /** @throws ConflictError if a contact with this id exists. */
  create(contact: Contact): Promise<void>;
  get(tenantId: string, contactId: string): Promise<Contact | undefined>;
  /** Contacts waiting in a queue (status `queued`), oldest first. */
  listWaiting(tenantId: string, queueId: string): Promise<Contact[]>;
  /**
   * Saves a changed contact if its stored version is still `expectedVersion`.
   * @throws ConflictError when another writer got there first.
   */
  save(contact: Contact, expectedVersion: number): Promise<void>;
}
