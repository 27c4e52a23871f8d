import { useEffect, useRef, type ReactNode } from 'react';
import { CloseIcon } from './icons.tsx';
import { useI18n } from '../i18n/provider.tsx';

/**
 * A modal `<dialog>` with a title and a close button: focus stays inside, Escape and the backdrop close it.
 * `className` adds a screen's own styling; `shortcutsAllowed` marks the one dialog the workspace's shortcuts work through (their help).
 */
export function Modal({ titleId, title, onClose, children, wide, className, shortcutsAllowed }: { titleId: string; title: string; onClose(): void; children: ReactNode; wide?: boolean; className?: string; shortcutsAllowed?: boolean }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={['modal', wide && 'modal--wide', className].filter(Boolean).join(' ')}
      data-shortcuts-help={shortcutsAllowed || undefined}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => event.target === dialog.current && onClose()}
    >
      <div className="modal__body">
        <header className="modal__header">
          <h2 id={titleId} className="modal__title">
            {title}
          </h2>
          <button type="button" className="icon-button icon-button--small" onClick={onClose} aria-label={t('common.close')}>
            <CloseIcon size={18} />
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
