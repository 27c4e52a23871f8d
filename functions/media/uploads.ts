/**
 * Agents' files for replies: an upload is checked (size, a listed type that its bytes confirm) and
 * kept under the contact's prefix of the media store; a reply then names it by its upload id and
 * carries it as an attachment already `stored`, exactly as a customer's file once downloaded.
 */
import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { type ChannelKind, takesFiles } from '@cc/shared/channels/catalog';
import { FileRefusedError, InvalidRequestError } from '@cc/shared/errors';
import type { Attachment } from '@cc/shared/messaging/model';
import { cleanFileName, decideOutboundFile, fileSendOf, MAX_OUTBOUND_FILE_BYTES, type UploadedFile, uploadObjectKey } from '@cc/shared/media/outbound';
import type { MediaStore } from '@cc/shared/media/ports';

/** Refuses a contact on a channel that takes no files (Alice, calls), with a reason the console shows. @throws InvalidRequestError */
export function requireFileChannel(kind: ChannelKind): void {
  if (!takesFiles(kind)) throw new InvalidRequestError(`This channel (${kind}) does not take files`, { reason: 'channel_takes_no_files' });
}

const decoder = new TextDecoder('utf-8', { fatal: true });
/** Text has no signature: it is text when it has no NUL byte and decodes as UTF-8. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks and keeps an agent's file for `contactId` (the caller has checked the contact is theirs).
 * @throws FileRefusedError (400 empty, 413 too large, 415 a type we do not send or bytes that are not what they claim)
 */
export async function keepUpload(store: MediaStore, input: { tenantId: string; contactId: string; channel: ChannelKind; fileName: string | undefined; declaredType: string | undefined; bytes: Uint8Array }, maxBytes = MAX_OUTBOUND_FILE_BYTES): Promise<UploadedFile> {
  requireFileChannel(input.channel);
  const sniffed = input.bytes.byteLength > 0 ? await fileTypeFromBuffer(input.bytes) : undefined;
  const verdict = decideOutboundFile({ declaredType: input.declaredType, sniffedType: sniffed?.mime, sizeBytes: input.bytes.byteLength, looksLikeText: !sniffed && looksLikeText(input.bytes) }, maxBytes);
  if (!verdict.ok) throw new FileRefusedError(verdict.status, verdict.reason);
  const uploadId = `up_${randomUUID().replaceAll('-', '')}.${verdict.extension}`;
  const fileName = cleanFileName(input.fileName, verdict.extension);
  await store.put(uploadObjectKey(input.tenantId, input.contactId, uploadId), input.bytes, verdict.contentType, fileName);
  return { uploadId, fileName, contentType: verdict.contentType, sizeBytes: input.bytes.byteLength, as: fileSendOf(input.channel, { contentType: verdict.contentType, sizeBytes: input.bytes.byteLength })!.as };
}

/**
 * The attachment a reply carries for upload `uploadId` of this contact, checked against the channel:
 * an upload of another contact (or tenant) is simply not found, and a caption longer than the
 * channel's file messages take is refused.
 * @throws InvalidRequestError
 */
export async function replyAttachment(store: MediaStore | undefined, input: { tenantId: string; contactId: string; channel: ChannelKind; uploadId: string; caption: string; at: string }): Promise<Attachment> {
  requireFileChannel(input.channel);
  const objectKey = uploadObjectKey(input.tenantId, input.contactId, input.uploadId);
  const info = await store?.head(objectKey);
  if (!info) throw new InvalidRequestError(`No upload ${input.uploadId} for contact ${input.contactId}; upload the file to POST /api/contacts/${input.contactId}/attachments first`, { reason: 'upload_not_found' });
  const send = fileSendOf(input.channel, info)!;
  if (input.caption.length > send.captionMax) {
    const detail = send.captionMax === 0 ? 'files on this channel carry no text: send the text as its own message' : `a file's text on this channel is at most ${send.captionMax} characters`;
    throw new InvalidRequestError(`The text is ${input.caption.length} characters; ${detail}`, { reason: 'caption_too_long', captionMax: send.captionMax });
  }
  return {
    type: send.as === 'image' ? 'image' : 'document',
    fileRef: input.uploadId,
    mimeType: info.contentType,
    fileName: info.fileName ?? input.uploadId,
    sizeBytes: info.sizeBytes,
    storage: { state: 'stored', objectKey, contentType: info.contentType, sizeBytes: info.sizeBytes, tries: 0, at: input.at },
  };
}
