import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { ALLOWED_MEDIA_TYPES, MAX_MEDIA_BYTES, MEDIA_STATES, type MediaState } from './values.ts';

export { ALLOWED_MEDIA_TYPES, MAX_MEDIA_BYTES, MEDIA_STATES } from './values.ts';
export type { MediaState } from './values.ts';

/** Our copy of an attachment: recorded on the attachment so the agent always sees where it stands. */
export const MediaStorageSchema = lazySchema(() => z.object({
  state: z.enum(MEDIA_STATES),
  /** The storage key; the same for every try of one attachment, so a retry overwrites rather than duplicates. */
  objectKey: z.string().optional(),
  /** The type read from the bytes, not the one the provider declared. */
  contentType: z.string().optional(),
  sizeBytes: z.number().int().nonnegative().optional(),
  /** Why it is not stored (too large, refused type, the provider's error). */
  reason: z.string().optional(),
  tries: z.number().int().nonnegative().default(0),
  at: z.string(),
}));
export type MediaStorage = z.infer<typeof MediaStorageSchema>;

/** One download job: attachment `index` of a stored message. */
export const MediaJobSchema = lazySchema(() => z.object({
  tenantId: z.string().min(1),
  messageId: z.string().min(1),
  index: z.number().int().nonnegative(),
}));
export type MediaJob = z.infer<typeof MediaJobSchema>;

/** Attachment types worth downloading; stickers stay provider references (they are decoration). */
export const DOWNLOADABLE_ATTACHMENTS: ReadonlySet<string> = new Set(['image', 'video', 'audio', 'voice', 'document']);

/** The storage key of one attachment: tenant first, so a tenant's files share a prefix and a check. */
export function mediaObjectKey(job: MediaJob): string {
  return `${job.tenantId}/${job.messageId}/${job.index}`;
}

/** The tenant a storage key belongs to. */
export function tenantOfObjectKey(objectKey: string): string {
  return objectKey.split('/')[0] ?? '';
}

/** What the provider told us before downloading. */
export interface DeclaredMedia {
  sizeBytes?: number | undefined;
}

/** Whether to download at all: a declared size over the limit is recorded without fetching a byte. */
export function decideBeforeDownload(declared: DeclaredMedia, maxBytes: number = MAX_MEDIA_BYTES): { download: true } | { download: false; state: MediaState; reason: string } {
  if (declared.sizeBytes !== undefined && declared.sizeBytes > maxBytes) {
    return { download: false, state: 'too_large', reason: `${declared.sizeBytes} bytes is over the ${maxBytes} byte limit` };
  }
  return { download: true };
}

/**
 * Whether downloaded bytes may be stored: `sniffedType` is what the bytes are (undefined when no
 * signature matched). Text has no signature, so a declared `text/plain` with no binary signature passes.
 */
export function decideContentType(sniffedType: string | undefined, declaredType: string | undefined): { store: true; contentType: string } | { store: false; reason: string } {
  const allowed: readonly string[] = ALLOWED_MEDIA_TYPES;
  if (sniffedType !== undefined) {
    return allowed.includes(sniffedType) ? { store: true, contentType: sniffedType } : { store: false, reason: `type ${sniffedType} is not allowed` };
  }
  if (declaredType?.split(';')[0]?.trim() === 'text/plain') return { store: true, contentType: 'text/plain' };
  return { store: false, reason: `unrecognised content (declared ${declaredType ?? 'none'})` };
}
