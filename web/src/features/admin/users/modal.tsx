import { useEffect, useRef, type ReactNode } from 'react';
import { CloseIcon } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/provider.tsx';

/** A modal `<dialog>` with a title and a close button: focus stays inside, Escape and the backdrop close it. */
export function Modal({ titleId, title, onClose, children, wide }: { titleId: string; title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
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
      className={`modal${wide ? ' modal--wide' : ''}`}
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
