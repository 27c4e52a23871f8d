import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { MESSENGER_KINDS } from '../channels/catalog.ts';
import type { Contact } from '../contacts/model.ts';
import type { StoredMessage } from '../conversations/model.ts';
import { CUSTOMER_NOTE_LIMITS, normalizeTags } from './values.ts';

/**
 * A customer: one per external user of one channel instance (a Telegram user of our bot, a WhatsApp
 * number), with the profile the provider gave. Customers who turn out to be one person (same phone)
 * are linked, so the 360° view shows all their channels.
 */
export const CustomerSchema = lazySchema(() => z.object({
  tenantId: z.string().min(1),
  customerId: z.string().min(1),
  /** A messenger, or `voice` for a caller (`channelId` is then the number last called, `externalId` the caller's). */
  channel: z.enum([...MESSENGER_KINDS, 'voice']),
  channelId: z.string().min(1),
  /** The provider's id of the user (Telegram user id, WhatsApp wa_id, VK user id, Viber id, Alice user/application id). */
  externalId: z.string().min(1),
  name: z.string().optional(),
  username: z.string().optional(),
  /** E.164; from a shared own contact, the WhatsApp id or a callback request. */
  phone: z.string().optional(),
  /** From the web chat widget's pre-chat or offline form. */
  email: z.string().optional(),
  language: z.string().optional(),
  avatarUrl: z.string().optional(),
  country: z.string().optional(),
  /** Other customers confirmed to be the same person. */
  linkedCustomerIds: z.array(z.string()).default([]),
  /** Agents' free-text notes on the customer. */
  notes: z.string().optional(),
  /** Agents' tags on the customer ("VIP", "опт"). */
  tags: z.array(z.string()).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().nonnegative(),
}));
export type Customer = z.infer<typeof CustomerSchema>;

/** What one delivery tells us about a customer; fields left out keep their stored values. */
export interface CustomerSighting {
  tenantId: string;
  customerId: string;
  channel: Customer['channel'];
  channelId: string;
  externalId: string;
  profile: Partial<Pick<Customer, 'name' | 'username' | 'phone' | 'email' | 'language' | 'avatarUrl' | 'country'>>;
  at: string;
}

/** Another customer who may be the same person, and why we think so. */
export interface MergeSuggestion {
  customerId: string;
  channel: Customer['channel'];
  channelId: string;
  name?: string;
  phone: string;
  reason: 'same_phone';
}

/** `GET /api/customers/:id`: a customer with the customers linked to it and who may be the same person. */
export interface CustomerProfileView {
  customer: Customer;
  linked: Customer[];
  mergeSuggestions: MergeSuggestion[];
}

/** One page of the 360° view: messages on every linked channel, newest first. */
export interface CustomerHistoryPage {
  customerIds: string[];
  messages: StoredMessage[];
  /** Only on the first page: every contact of the linked customers, newest first. */
  contacts?: Contact[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/** Body of the merge API: the customer to link with. */
export const MergeCustomersRequestSchema = lazySchema(() => z.object({ customerId: IdSchema }));

/** `PATCH /api/customers/:customerId`: the agents' notes and tags (each replaced when given). */
export const UpdateCustomerNotesSchema = lazySchema(() => z.object({
  notes: z.string().max(CUSTOMER_NOTE_LIMITS.notesMaxLength).optional(),
  tags: z.array(z.string().trim().max(CUSTOMER_NOTE_LIMITS.tagMaxLength)).max(CUSTOMER_NOTE_LIMITS.maxTags).transform(normalizeTags).optional(),
}).strict().refine((p) => p.notes !== undefined || p.tags !== undefined, 'notes or tags'));
export type UpdateCustomerNotes = z.infer<typeof UpdateCustomerNotesSchema>;
