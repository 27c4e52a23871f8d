// Files our agents send to customers: which ones we take, how big, where they are kept, and how
// each channel carries them. The limits and the list the console reads too are in values.ts.
import { CHANNEL_CATALOG, type ChannelKind } from '../channels/catalog.ts';

export { MAX_OUTBOUND_FILE_BYTES, OUTBOUND_FILE_ACCEPT, OUTBOUND_FILE_TYPES, type OutboundFileType } from './values.ts';
import { MAX_OUTBOUND_FILE_BYTES, OUTBOUND_FILE_TYPES, type OutboundFileType } from './values.ts';

/** Longest file name we keep (Viber takes up to 256 characters, extension included). */
export const MAX_OUTBOUND_FILE_NAME = 200;

const LEGACY_OFFICE: readonly string[] = ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'];
const IMAGES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** What the upload says and what its bytes are (`sniffedType` undefined: no signature matched). */
export interface OutboundFileFacts {
  declaredType: string | undefined;
  sniffedType: string | undefined;
  sizeBytes: number;
  /** No NUL byte and valid UTF-8: the only way to tell text, which has no signature. */
  looksLikeText: boolean;
}

/** A file we take: its real type and stored extension, or the HTTP status and reason to refuse it. */
export type OutboundFileVerdict =
  | { ok: true; contentType: OutboundFileType; extension: string; image: boolean }
  | { ok: false; status: 400 | 413 | 415; reason: string };

const isOutboundType = (type: string): type is OutboundFileType => Object.hasOwn(OUTBOUND_FILE_TYPES, type);

/**
 * Whether an agent's file may be sent: not empty, within the limit, of a listed type, and its bytes
 * are what it claims (a renamed executable is refused, whatever its name or declared type).
 */
export function decideOutboundFile(facts: OutboundFileFacts, maxBytes = MAX_OUTBOUND_FILE_BYTES): OutboundFileVerdict {
  if (facts.sizeBytes === 0) return { ok: false, status: 400, reason: 'The file is empty' };
  if (facts.sizeBytes > maxBytes) return { ok: false, status: 413, reason: `The file is ${facts.sizeBytes} bytes; at most ${maxBytes} may be sent` };
  const declared = facts.declaredType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!isOutboundType(declared)) return { ok: false, status: 415, reason: `Files of type ${declared || 'unknown'} cannot be sent; images (JPEG, PNG, WebP, GIF), PDF, office documents and text can` };
  const sniffed = facts.sniffedType;
  const matches = sniffed === declared || (sniffed === 'application/x-cfb' && LEGACY_OFFICE.includes(declared)) || (sniffed === undefined && declared === 'text/plain' && facts.looksLikeText);
  if (!matches) return { ok: false, status: 415, reason: `The file's content is ${sniffed ?? 'not recognised'}, not ${declared} as declared` };
  return { ok: true, contentType: declared, extension: OUTBOUND_FILE_TYPES[declared], image: IMAGES.includes(declared) };
}

/** A file name safe to show and to hand to providers: no path, no control characters, bounded. */
export function cleanFileName(raw: string | undefined, extension: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop()!.replace(/\p{Cc}/gu, '').trim().slice(0, MAX_OUTBOUND_FILE_NAME);
  if (!base) return `file.${extension}`;
  return /\.[A-Za-z0-9]{1,8}$/.test(base) ? base : `${base.slice(0, MAX_OUTBOUND_FILE_NAME - extension.length - 1)}.${extension}`;
}

/** Upload ids: `up_` and 32 hex digits, then the file's extension (so every link to it ends in one). */
export const UPLOAD_ID_PATTERN = /^up_[0-9a-f]{32}\.[a-z0-9]{2,5}$/;

/** The storage key of an agent's upload: tenant first (as every media key), then the contact it is for. */
export function uploadObjectKey(tenantId: string, contactId: string, uploadId: string): string {
  return `${tenantId}/outbound/${contactId}/${uploadId}`;
}

/** What `POST /api/contacts/:contactId/attachments` answers: the id a reply names the file by, and what was kept. */
export interface UploadedFile {
  uploadId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Shown in the chat (an image) or offered as a document, on this contact's channel. */
  as: 'image' | 'document';
}

/** How a channel carries a file: shown in the chat (`image`) or as a document, and how long its caption may be. */
export interface FileSend {
  as: 'image' | 'document';
  /** 0: the channel's file messages have no caption (Viber `file`): text goes as its own message. */
  captionMax: number;
}

/** Viber shows pictures up to 1 MB (its iOS limit); larger ones go as files. */
export const VIBER_PICTURE_MAX_BYTES = 1024 * 1024;

/**
 * How `kind` sends a file of `contentType` and `sizeBytes`, or undefined when the channel takes no
 * files. Per the providers' documentation: Telegram sendPhoto (JPEG, PNG, WebP; a GIF would become an
 * animation) else sendDocument, captions ≤ 1024; WhatsApp images are JPEG or PNG, captions ≤ 1024;
 * Viber `picture` is JPEG or PNG up to 1 MB with ≤ 120 characters, `file` has no text; VK photos are
 * JPEG, PNG or GIF, the message text ≤ 4096; our widget shows any inline image type.
 */
export function fileSendOf(kind: ChannelKind, file: { contentType: string; sizeBytes: number }): FileSend | undefined {
  if (!CHANNEL_CATALOG[kind].files) return undefined;
  const type = file.contentType;
  switch (kind) {
    case 'telegram':
      return { as: ['image/jpeg', 'image/png', 'image/webp'].includes(type) ? 'image' : 'document', captionMax: 1024 };
    case 'whatsapp':
      return { as: ['image/jpeg', 'image/png'].includes(type) ? 'image' : 'document', captionMax: 1024 };
    case 'viber':
      return ['image/jpeg', 'image/png'].includes(type) && file.sizeBytes <= VIBER_PICTURE_MAX_BYTES ? { as: 'image', captionMax: 120 } : { as: 'document', captionMax: 0 };
    case 'vk':
      return { as: ['image/jpeg', 'image/png', 'image/gif'].includes(type) ? 'image' : 'document', captionMax: 4096 };
    default:
      return { as: IMAGES.includes(type) ? 'image' : 'document', captionMax: 4096 };
  }
}

/** How long a link handed to a provider (Viber fetches the file itself) or to a widget visitor works. */
export const PUBLIC_LINK_SECONDS = 3600;
