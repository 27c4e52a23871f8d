import type { Principal } from '@cc/shared/auth/model';
import type { StoredMessage } from '@cc/shared/conversations/model';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import { type HistorySlice, decodeHistoryCursor, encodeHistoryCursor, mergeHistoryPages } from '@cc/shared/customers/history';
import { linkCustomers, suggestMerges } from '@cc/shared/customers/merge';
import type { Customer, CustomerHistoryPage, CustomerProfileView, MergeSuggestion, UpdateCustomerNotes } from '@cc/shared/customers/model';
import type { CustomerRepository } from '@cc/shared/customers/ports';
import { authorizeCustomerMerge, authorizeCustomerRead, type CustomerMerge } from '@cc/shared/customers/access';
import { hasRole } from '@cc/shared/auth/model';
import type { ContactRepository } from '@cc/shared/contacts/ports';
import { randomUUID } from 'node:crypto';
import { ConflictError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import type { Clock } from '../composition/deps.ts';


/**
 * The agent's 360° view of a customer: profile, merge suggestions (same phone number on another
 * channel), confirmed merges, and the whole history across linked channels, paged.
 */
export class CustomerService {
  constructor(private readonly deps: { customers: CustomerRepository; messaging: MessagingRepository; contacts: Pick<ContactRepository, 'listHeldBy'>; clock: Clock }) {}

  /** Loads the customer the caller may read (see `authorizeCustomerRead`). @throws NotFoundError, ForbiddenError */
  private async readable(principal: Principal, customerId: string): Promise<Customer> {
    const customer = await this.load(principal.tenantId, customerId);
    if (hasRole(principal.roles, 'supervisor')) return customer;
    const held = await this.deps.contacts.listHeldBy(principal.tenantId, principal.userId);
    authorizeCustomerRead(principal, [customer.customerId, ...customer.linkedCustomerIds], held.flatMap((c) => (c.customerId ? [c.customerId] : [])));
    return customer;
  }

  /** Replaces the agents' notes and/or tags; whoever may read the customer may write them. @throws NotFoundError, ForbiddenError */
  async updateNotes(principal: Principal, customerId: string, patch: UpdateCustomerNotes): Promise<Customer> {
    await this.readable(principal, customerId);
    return this.deps.customers.updateNotes(principal.tenantId, customerId, patch, this.deps.clock.now().toISOString());
  }

  /** Merges that involved the customer, oldest first. @throws NotFoundError, ForbiddenError */
  async merges(principal: Principal, customerId: string): Promise<CustomerMerge[]> {
    await this.readable(principal, customerId);
    return this.deps.customers.listMerges(principal.tenantId, customerId);
  }

  /** @throws NotFoundError (also for other tenants' customers) */
  private async load(tenantId: string, customerId: string): Promise<Customer> {
    const customer = await this.deps.customers.get(tenantId, customerId);
    if (!customer) throw new NotFoundError('Customer', customerId);
    return customer;
  }

  private async group(customer: Customer): Promise<Customer[]> {
    const linked = await Promise.all(customer.linkedCustomerIds.map((id) => this.deps.customers.get(customer.tenantId, id)));
    return [customer, ...linked.filter((c): c is Customer => c !== undefined)];
  }

  /** @throws NotFoundError */
  async profile(principal: Principal, customerId: string): Promise<CustomerProfileView> {
    const customer = await this.readable(principal, customerId);
    const members = await this.group(customer);
    const groupIds = new Set(members.map((m) => m.customerId));
    const phones = [...new Set(members.flatMap((m) => (m.phone ? [m.phone] : [])))];
    const samePhone = (await Promise.all(phones.map((phone) => this.deps.customers.listByPhone(principal.tenantId, phone)))).flat();
    const suggestions = new Map<string, MergeSuggestion>();
    for (const member of members) {
      for (const suggestion of suggestMerges({ ...member, linkedCustomerIds: [...groupIds] }, samePhone)) suggestions.set(suggestion.customerId, suggestion);
    }
    return { customer, linked: members.slice(1), mergeSuggestions: [...suggestions.values()] };
  }

  /** @throws NotFoundError, InvalidRequestError for a cursor we did not issue */
  async history(principal: Principal, customerId: string, page: { limit: number; cursor?: string | undefined }): Promise<CustomerHistoryPage> {
    const customer = await this.readable(principal, customerId);
    const customerIds = [customer.customerId, ...customer.linkedCustomerIds];
    const previous = decodeHistoryCursor(page.cursor);
    const slices: HistorySlice<StoredMessage>[] = await Promise.all(
      customerIds
        .filter((id) => previous[id] !== null)
        .map(async (id) => {
          const before = previous[id] ?? undefined;
          const { messages, sortKeys } = await this.deps.messaging.listCustomerMessages(principal.tenantId, id, { limit: page.limit, ...(before && { before }) });
          return { customerId: id, items: messages, sortKeys, requested: page.limit };
        }),
    );
    const { items, cursor } = mergeHistoryPages(slices, previous, page.limit);
    const nextCursor = encodeHistoryCursor(cursor, customerIds);
    const result: CustomerHistoryPage = { customerIds, messages: items, ...(nextCursor && { nextCursor }) };
    if (!page.cursor) {
      const contacts = (await Promise.all(customerIds.map((id) => this.deps.customers.listContacts(principal.tenantId, id)))).flat();
      result.contacts = contacts.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    }
    return result;
  }

  /**
   * Confirms that two customers are one person: their groups are joined, so each one's 360° view
   * shows both channels. @throws NotFoundError, InvalidRequestError (the same customer), ConflictError (after retries)
   */
  async merge(principal: Principal, customerId: string, otherCustomerId: string): Promise<CustomerProfileView> {
    if (customerId === otherCustomerId) throw new InvalidRequestError('A customer cannot be merged with itself');
    // An agent: the customer they may read, with one its profile suggests.
    if (!hasRole(principal.roles, 'supervisor')) authorizeCustomerMerge(principal, otherCustomerId, (await this.profile(principal, customerId)).mergeSuggestions.map((s) => s.customerId));
    for (let attempt = 1; ; attempt++) {
      const [a, b] = await Promise.all([this.load(principal.tenantId, customerId), this.load(principal.tenantId, otherCustomerId)]);
      const members = new Map([...(await this.group(a)), ...(await this.group(b))].map((m) => [m.customerId, m]));
      const at = this.deps.clock.now().toISOString();
      const record: CustomerMerge = {
        tenantId: principal.tenantId,
        mergeId: randomUUID(),
        customerId,
        otherCustomerId,
        by: { userId: principal.userId, name: principal.name },
        at,
        before: [...members.values()].map((m) => ({ customerId: m.customerId, linkedCustomerIds: m.linkedCustomerIds })),
      };
      try {
        await this.deps.customers.saveLinks(linkCustomers([...members.values()], at), record);
        return this.profile(principal, customerId);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 4) throw error;
      }
    }
  }
}
