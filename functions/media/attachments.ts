import type { Principal } from '@cc/shared/auth/model';
import type { ContactRepository } from '@cc/shared/contacts/ports';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import { NotFoundError } from '@cc/shared/errors';
import { authorizeAttachmentRead, storedCopyOf, type StoredCopy } from '@cc/shared/media/access';
import type { MediaStore } from '@cc/shared/media/ports';
import { tenantOfObjectKey } from '@cc/shared/media/model';

/** A stored file for the agent: a short-lived link to the store (S3), or the bytes to serve ourselves (local). */
export type OpenedAttachment = { kind: 'link'; url: string } | ({ kind: 'bytes'; bytes: Uint8Array } & StoredCopy);

/** What opening an attachment reads. */
export interface AttachmentDeps {
  messaging: Pick<MessagingRepository, 'getMessage'>;
  contacts: Pick<ContactRepository, 'get'>;
  store: MediaStore | undefined;
}

/**
 * Opens attachment `index` of a message for a signed-in agent. The message is read in the caller's
 * tenant only, so another tenant's message is simply not found.
 * @throws NotFoundError (no such message, file or copy), ForbiddenError (not the contact's agent nor a supervisor)
 */
export async function openAttachment(deps: AttachmentDeps, principal: Principal, messageId: string, index: number): Promise<OpenedAttachment> {
  const message = await deps.messaging.getMessage(principal.tenantId, messageId);
  if (!message) throw new NotFoundError('Message', messageId);
  const contact = message.contactId ? await deps.contacts.get(principal.tenantId, message.contactId) : undefined;
  authorizeAttachmentRead(principal, contact);
  const copy = storedCopyOf(messageId, message.attachments, index);
  // The key carries the tenant; a copy recorded under another tenant's key is never handed out.
  if (!deps.store || tenantOfObjectKey(copy.objectKey) !== principal.tenantId) throw new NotFoundError('Attachment', `${messageId}/${index}`);
  const url = await deps.store.signedUrl(copy.objectKey, copy.fileName);
  if (url) return { kind: 'link', url };
  const object = await deps.store.get(copy.objectKey);
  if (!object) throw new NotFoundError('Attachment', `${messageId}/${index}`);
  return { kind: 'bytes', bytes: object.bytes, ...copy };
}
