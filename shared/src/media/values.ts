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

/**
 * Largest file an agent may send. The upload reaches the HTTP API's Lambda as a base64 body, and a
 * Lambda request is capped at 6 MB: 4 MiB of bytes is about 5.6 MB encoded, with room for the rest.
 */
export const MAX_OUTBOUND_FILE_BYTES = 4 * 1024 * 1024;

/**
 * What agents may send, with the extension the stored copy and the providers' links get (Viber wants
 * the extension as the last path segment). Office's legacy formats are OLE containers: their bytes
 * read as `application/x-cfb`, so the declared type names which one it is.
 */
export const OUTBOUND_FILE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
} as const;
export type OutboundFileType = keyof typeof OUTBOUND_FILE_TYPES;

/** The `accept` list of the console's file picker. */
export const OUTBOUND_FILE_ACCEPT = Object.keys(OUTBOUND_FILE_TYPES).join(',');
