import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import type { Attachment } from '@cc/shared/messaging/model';
import { INLINE_IMAGE_TYPES, MAX_MEDIA_BYTES } from '@cc/shared/media/values';
import { AlertIcon, PaperclipIcon } from '../../components/icons.tsx';
import { formatClock, formatFileSize } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';

/** Types we download and keep a copy of; stickers stay the provider's (decoration). */
const KEPT_TYPES: readonly string[] = ['image', 'video', 'audio', 'voice', 'document'];

/**
 * A customer's file in the conversation: our stored image as a thumbnail that opens full size, any
 * other stored file as a link with its name and size, and a file we could not keep with the reason.
 * The bytes come through the tenant-checked API with the agent's token.
 */
export function AttachmentView({ messageId, index, attachment }: { messageId: string; index: number; attachment: Attachment }) {
  const storage = attachment.storage;
  if (storage?.state === 'stored' && storage.contentType && INLINE_IMAGE_TYPES.includes(storage.contentType)) {
    return <AttachmentThumbnail messageId={messageId} index={index} attachment={attachment} />;
  }
  if (storage?.state === 'stored') return <AttachmentLink messageId={messageId} index={index} attachment={attachment} />;
  return <AttachmentChip attachment={attachment} />;
}

/** The attachment's name as well as we know it, else its kind. */
function useLabel(attachment: Attachment): string {
  const { t } = useI18n();
  return attachment.fileName ?? t(`attachment.${attachment.type}`);
}

/** Size and length when known; our copy's size wins over what the provider declared. */
function useDetails(attachment: Attachment): string {
  const { locale } = useI18n();
  const size = attachment.storage?.sizeBytes ?? attachment.sizeBytes;
  return [attachment.durationSec !== undefined && formatClock(attachment.durationSec), size !== undefined && formatFileSize(size, locale)].filter(Boolean).join(' · ');
}

/** The route the file is served on (shown as the link's target; the click fetches it with the token). */
const routeOf = (messageId: string, index: number) => `/api/messages/${encodeURIComponent(messageId)}/attachments/${index}`;

function AttachmentThumbnail({ messageId, index, attachment }: { messageId: string; index: number; attachment: Attachment }) {
  const api = useApi();
  const { t } = useI18n();
  const label = useLabel(attachment);
  const [src, setSrc] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    let url: string | undefined;
    api.attachmentFile(messageId, index, abort.signal).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        setSrc(url);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setFailed(Boolean(error));
      },
    );
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, messageId, index]);
  if (failed) return <FileChip icon={<AlertIcon size={16} />} label={label} note={t('attachment.loadFailed')} type={attachment.type} />;
  return (
    <a className="bubble__thumb" href={src ?? routeOf(messageId, index)} target="_blank" rel="noreferrer" data-attachment={attachment.type} aria-label={t('attachment.open', { name: label })} aria-busy={!src || undefined}>
      {src ? <img src={src} alt={label} width={attachment.width} height={attachment.height} /> : <span className="bubble__thumb-placeholder" />}
    </a>
  );
}

function AttachmentLink({ messageId, index, attachment }: { messageId: string; index: number; attachment: Attachment }) {
  const api = useApi();
  const { t } = useI18n();
  const label = useLabel(attachment);
  const details = useDetails(attachment);
  const [failed, setFailed] = useState(false);
  // A plain link cannot carry the token: the click fetches the file and hands the browser a named blob.
  const download = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setFailed(false);
    api.attachmentFile(messageId, index).then(
      (blob) => {
        const url = URL.createObjectURL(blob);
        const link = Object.assign(document.createElement('a'), { href: url, download: attachment.fileName ?? label });
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
      () => setFailed(true),
    );
  };
  return (
    <a className="bubble__chip" href={routeOf(messageId, index)} onClick={download} data-attachment={attachment.type} title={t('attachment.open', { name: label })}>
      <PaperclipIcon size={16} />
      <span className="bubble__file">{label}</span>
      {details && <span className="bubble__file-meta">{details}</span>}
      {failed && <span className="bubble__file-note" role="alert">{t('attachment.loadFailed')}</span>}
    </a>
  );
}

/** A file without our copy (yet): fetching, or why it was not kept. */
function AttachmentChip({ attachment }: { attachment: Attachment }) {
  const { t, locale } = useI18n();
  const label = useLabel(attachment);
  const details = useDetails(attachment);
  const state = attachment.storage?.state ?? (KEPT_TYPES.includes(attachment.type) ? 'pending' : undefined);
  const note =
    state === 'pending' ? t('attachment.pending')
    : state === 'too_large' ? t('attachment.state.too_large', { limit: formatFileSize(MAX_MEDIA_BYTES, locale) })
    : state === 'rejected' || state === 'failed' ? t(`attachment.state.${state}`)
    : undefined;
  const problem = state === 'too_large' || state === 'rejected' || state === 'failed';
  return <FileChip icon={problem ? <AlertIcon size={16} /> : <PaperclipIcon size={16} />} label={label} details={details} note={note} type={attachment.type} state={state} />;
}

function FileChip({ icon, label, details, note, type, state }: { icon: ReactNode; label: string; details?: string; note?: string | undefined; type: string; state?: string | undefined }) {
  return (
    <p className="bubble__chip" data-attachment={type} data-storage={state}>
      {icon}
      <span className="bubble__file">{label}</span>
      {details && <span className="bubble__file-meta">{details}</span>}
      {note && <span className="bubble__file-note">{note}</span>}
    </p>
  );
}
