/** Our stored files on their way out: the bytes for a provider upload, and links for those who fetch files themselves. */
import type { ChannelKind } from '@cc/shared/channels/catalog';
import type { StoredMessage } from '@cc/shared/conversations/model';
import type { OutboundFile } from '@cc/shared/messaging/model';
import { fileSendOf, PUBLIC_LINK_SECONDS } from '@cc/shared/media/outbound';
import type { MediaStore } from '@cc/shared/media/ports';
import { tenantOfObjectKey } from '@cc/shared/media/model';
import { agentFileOf } from '@cc/shared/widget/model';

/** Channels whose provider fetches the file from a link we give it, rather than taking an upload. */
const FETCHES_BY_LINK: ReadonlySet<ChannelKind> = new Set(['viber']);

/**
 * The file of one of our messages as a sender takes it, read from the store (with a public link for
 * Viber), or why it cannot be sent. A message without a file is `{ok: true}` with none.
 */
export async function outboundFileOf(message: StoredMessage, kind: ChannelKind, store: MediaStore | undefined): Promise<{ ok: true; file?: OutboundFile } | { ok: false; reason: string }> {
  const stored = agentFileOf(message);
  if (!stored) return { ok: true };
  // A copy under another tenant's key is never sent, whatever the message says.
  if (!store || tenantOfObjectKey(stored.objectKey) !== message.tenantId) return { ok: false, reason: 'The file storage is not configured for sending files' };
  const send = fileSendOf(kind, stored);
  if (!send) return { ok: false, reason: `This channel (${kind}) does not take files` };
  const object = await store.get(stored.objectKey);
  if (!object) return { ok: false, reason: 'The file is no longer in storage' };
  const fileName = stored.attachment.fileName ?? stored.attachment.fileRef;
  const link = FETCHES_BY_LINK.has(kind) ? await store.publicLink(stored.objectKey, { seconds: PUBLIC_LINK_SECONDS, fileName }) : undefined;
  return { ok: true, file: { as: send.as, fileName, contentType: stored.contentType, bytes: object.bytes, ...(link && { link }) } };
}

/** A short-lived link to the agent's file of `message` for a widget visitor, or undefined (no file, or no way to link it). */
export async function widgetFileLink(message: StoredMessage, store: MediaStore | undefined): Promise<string | undefined> {
  const stored = agentFileOf(message);
  if (!stored || !store || tenantOfObjectKey(stored.objectKey) !== message.tenantId) return undefined;
  return store.publicLink(stored.objectKey, { seconds: PUBLIC_LINK_SECONDS, fileName: stored.attachment.fileName });
}
