/**
 * The team chat API's bodies and queries: a message to send (its text, the client's id that makes a repeat harmless,
 * the broadcast flag, a contact to share), a read marker, a direct room to open, a history page and a search.
 * Whether the room, the contact and the colleague exist, and may be used, is the service's question.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { TEAM_CHAT_LIMITS as L } from './values.ts';

/** `POST /api/team-chat/rooms/:roomId/messages`: text, a shared contact, or both. */
export const SendTeamMessageSchema = lazySchema(() => z.object({
  text: z.string().trim().max(L.textMaxLength, `a message is at most ${L.textMaxLength} characters`).default(''),
  clientMessageId: IdSchema.min(1).max(L.clientIdMaxLength),
  broadcast: z.boolean().optional(),
  contactId: IdSchema.min(1).optional(),
}).strict().refine((body) => body.text !== '' || body.contactId !== undefined, { message: 'a message needs text or a shared contact', path: ['text'] }));
export type SendTeamMessage = z.infer<typeof SendTeamMessageSchema>;

/** `PUT /api/team-chat/rooms/:roomId/read`: the last message read (markers only move forward). */
export const ReadMarkerSchema = lazySchema(() => z.object({
  sentAt: z.iso.datetime({ error: 'sentAt must be the message’s sentAt, an ISO date-time' }),
  messageId: IdSchema.min(1),
}).strict());

/** `POST /api/team-chat/direct`: the colleague to write to. */
export const OpenDirectSchema = lazySchema(() => z.object({ userId: IdSchema.min(1) }).strict());

/** `GET /api/team-chat/rooms/:roomId/messages?before=&limit=`. */
export const HistoryQuerySchema = lazySchema(() => z.object({
  before: z.string().min(1).max(400).optional(),
  limit: z.coerce.number().int().min(1).max(L.pageMax).default(L.pageSize),
}).strict());

/** `GET /api/team-chat/search?q=&roomId=`. */
export const SearchQuerySchema = lazySchema(() => z.object({
  q: z.string().trim().min(L.searchTermMin, `search for at least ${L.searchTermMin} characters`).max(L.searchTermMax),
  roomId: IdSchema.min(1).optional(),
}).strict());
