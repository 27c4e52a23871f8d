/** Where a customer's file stands in our storage; the console reads these without zod. */
export const MEDIA_STATES = ['pending', 'stored', 'too_large', 'rejected', 'failed'] as const;
export type MediaState = (typeof MEDIA_STATES)[number];

/** Largest file we keep: what the Telegram Bot API lets a bot download, and plenty for a chat. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

/**
 * Content types we store, judged from the bytes themselves. Anything else (executables, archives
 * that may hide them, HTML that could run script on our origin) is refused.
 */
export const ALLOWED_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/pdf',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'video/mp4',
  'text/plain',
] as const;

/** Images the console shows inline (the rest are offered as downloads). */
export const INLINE_IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
