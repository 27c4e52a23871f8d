import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { takesFiles } from '@cc/shared/channels/catalog';
import type { Contact } from '@cc/shared/contacts/model';
import type { UploadedFile } from '@cc/shared/media/outbound';
import { MAX_OUTBOUND_FILE_BYTES, OUTBOUND_FILE_ACCEPT, OUTBOUND_FILE_TYPES } from '@cc/shared/media/values';
import { ProblemError } from '../../api/errors.ts';
import { AlertIcon, CloseIcon, PaperclipIcon } from '../../components/icons.tsx';
import { formatFileSize, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import './composer-file.css';

/** The file picked for the next reply: on its way up, uploaded, or refused. */
type Picked =
  | { state: 'uploading'; file: File; percent: number; abort: AbortController }
  | { state: 'ready'; file: File; uploaded: UploadedFile }
  | { state: 'failed'; file: File; message: string; retry: boolean };

/** What the composer needs of a picked file. */
export interface ComposerFile {
  /** The paperclip: a file picker, disabled (with the reason) where the channel takes no files. */
  button: ReactNode;
  /** The picked file's chip (name, size, progress or error, remove), or nothing. */
  chip: ReactNode;
  /** The uploaded file, once ready to go with the reply. */
  uploaded: UploadedFile | undefined;
  /** An upload is running: the reply waits for it. */
  uploading: boolean;
  /** Forgets the file (after sending, or when the agent removes it). */
  clear(): void;
}

/**
 * The agent's file for a reply: picked with the paperclip, checked here against the same list and
 * limit the server applies, uploaded at once with its progress shown, and sent with the next reply.
 */
export function useComposerFile(contact: Contact, canReply: boolean): ComposerFile {
  const api = useApi();
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked>();
  const available = takesFiles(contact.channel);

  const upload = useCallback(
    (file: File) => {
      if (!Object.hasOwn(OUTBOUND_FILE_TYPES, file.type)) return setPicked({ state: 'failed', file, message: t('composer.file.typeRefused'), retry: false });
      if (file.size > MAX_OUTBOUND_FILE_BYTES) return setPicked({ state: 'failed', file, message: t('composer.file.tooLarge', { limit: formatFileSize(MAX_OUTBOUND_FILE_BYTES, locale) }), retry: false });
      const abort = new AbortController();
      setPicked({ state: 'uploading', file, percent: 0, abort });
      api.uploadAttachment(contact.contactId, file, { signal: abort.signal, onProgress: ({ loaded, total }) => setPicked((current) => (current?.state === 'uploading' && current.abort === abort ? { ...current, percent: total ? Math.min(100, (loaded / total) * 100) : 0 } : current)) }).then(
        (uploaded) => setPicked((current) => (current?.state === 'uploading' && current.abort === abort ? { state: 'ready', file, uploaded } : current)),
        (error: unknown) => {
          if (abort.signal.aborted) return;
          const reason = error instanceof ProblemError ? error.problem?.reason : undefined;
          const message =
            reason === 'file_too_large' ? t('composer.file.tooLarge', { limit: formatFileSize(MAX_OUTBOUND_FILE_BYTES, locale) })
            : reason === 'file_type_refused' ? t('composer.file.typeRefused')
            : reason === 'channel_takes_no_files' ? t('composer.file.unavailable')
            : t('composer.file.failed', { reason: error instanceof Error ? error.message : String(error) });
          setPicked({ state: 'failed', file, message, retry: reason === undefined });
        },
      );
    },
    [api, contact.contactId, locale, t],
  );

  const clear = useCallback(() => {
    setPicked((current) => {
      if (current?.state === 'uploading') current.abort.abort();
      return undefined;
    });
    if (input.current) input.current.value = '';
  }, []);
  // A contact change (or leaving the conversation) drops an upload still running.
  useEffect(() => () => clear(), [clear]);

  const title = available ? t('composer.file.attach') : t('composer.file.unavailable');
  const button = (
    <>
      <input ref={input} type="file" hidden accept={OUTBOUND_FILE_ACCEPT} data-testid="composer-file-input" onChange={(event) => {
        const file = event.target.files?.[0];
        if (file) upload(file);
      }} />
      <button
        type="button"
        className="icon-button composer-file__attach"
        // Not `disabled` where the channel takes no files, so the tooltip still says why.
        disabled={!canReply}
        aria-disabled={!available || undefined}
        aria-label={title}
        title={title}
        onClick={() => available && input.current?.click()}
      >
        <PaperclipIcon size={20} />
      </button>
    </>
  );

  const chip = picked && (
    <div className="composer-file" data-state={picked.state} data-testid="composer-file">
      {picked.state === 'failed' ? <AlertIcon size={16} /> : <PaperclipIcon size={16} />}
      <span className="composer-file__name">{picked.file.name}</span>
      <span className="composer-file__size">{formatFileSize(picked.file.size, locale)}</span>
      {picked.state === 'uploading' && (
        <>
          <progress className="composer-file__progress" max={100} value={picked.percent} aria-label={t('composer.file.progress', { name: picked.file.name })} />
          <span className="composer-file__note" aria-live="polite">{t('composer.file.uploading', { percent: formatPercent(picked.percent, locale) })}</span>
        </>
      )}
      {picked.state === 'ready' && <span className="visually-hidden" role="status">{t('composer.file.ready')}</span>}
      {picked.state === 'failed' && (
        <span className="composer-file__error" role="alert">
          {picked.message}
          {picked.retry && (
            <button type="button" className="link-button" onClick={() => upload(picked.file)}>
              {t('composer.file.retry')}
            </button>
          )}
        </span>
      )}
      <button type="button" className="icon-button icon-button--small composer-file__remove" aria-label={t('composer.file.remove', { name: picked.file.name })} title={t('composer.file.remove', { name: picked.file.name })} onClick={clear}>
        <CloseIcon size={16} />
      </button>
    </div>
  );

  return { button, chip, uploaded: picked?.state === 'ready' ? picked.uploaded : undefined, uploading: picked?.state === 'uploading', clear };
}
