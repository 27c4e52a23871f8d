import { hasRole, type Principal } from '../auth/model.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Attachment } from '../messaging/model.ts';
import { INLINE_IMAGE_TYPES } from './values.ts';

/**
 * Who may open a message's files: the agent holding its contact, or a supervisor (the same rule as
 * reading the contact's messages). A message outside any contact is for supervisors only.
 * @throws ForbiddenError
 */
export function authorizeAttachmentRead(principal: Pick<Principal, 'roles' | 'userId'>, contact: { agentId?: string | undefined } | undefined): void {
  if (hasRole(principal.roles, 'supervisor')) return;
  if (contact?.agentId !== undefined && contact.agentId === principal.userId) return;
  throw new ForbiddenError('Only the agent handling this contact, or a supervisor, may open its files');
}

/** A stored copy ready to hand out: its key, type and how the browser should treat it. */
export interface StoredCopy {
  objectKey: string;
  contentType: string;
  fileName?: string | undefined;
  /** Images open in the page; anything else downloads, so nothing we store renders on our origin. */
  inline: boolean;
}

/**
 * Attachment `index` of a message as a stored copy. A file not (yet) stored is as good as absent:
 * the message itself tells the agent why (pending, too large, refused, failed).
 * @throws NotFoundError
 */
export function storedCopyOf(messageId: string, attachments: readonly Attachment[], index: number): StoredCopy {
  const attachment = attachments[index];
  const storage = attachment?.storage;
  if (!attachment || storage?.state !== 'stored' || !storage.objectKey || !storage.contentType) throw new NotFoundError('Attachment', `${messageId}/${index}`);
  return { objectKey: storage.objectKey, contentType: storage.contentType, fileName: attachment.fileName, inline: INLINE_IMAGE_TYPES.includes(storage.contentType) };
}

/** `Content-Disposition` for a copy: RFC 6266 with the UTF-8 name (Cyrillic names survive). */
export function contentDispositionOf(copy: Pick<StoredCopy, 'fileName' | 'inline'>): string {
  const kind = copy.inline ? 'inline' : 'attachment';
  return copy.fileName ? `${kind}; filename*=UTF-8''${encodeURIComponent(copy.fileName)}` : kind;
}
