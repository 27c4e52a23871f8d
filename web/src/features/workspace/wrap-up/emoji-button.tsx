import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/provider.tsx';
import './wrap-up.css';

/** emoji-mart's picker, its emoji set and its words in the console's language: one lazily loaded chunk, fetched on first open. */
async function loadPicker(locale: string, onPick: (emoji: string) => void, onClose: () => void): Promise<HTMLElement> {
  const [{ Picker }, { default: data }, { default: i18n }] = await Promise.all([
    import('emoji-mart'),
    import('@emoji-mart/data'),
    locale === 'ru' ? import('@emoji-mart/data/i18n/ru.json') : import('@emoji-mart/data/i18n/en.json'),
  ]);
  return new Picker({ data, i18n, locale, theme: 'light', previewPosition: 'none', skinTonePosition: 'search', onEmojiSelect: (emoji: { native: string }) => onPick(emoji.native), onClickOutside: onClose }) as unknown as HTMLElement;
}

/** The composer's emoji button: a popover with a searchable picker (loaded only when first opened); Esc closes it. */
export function EmojiButton({ disabled, onPick }: { disabled: boolean; onPick(emoji: string): void }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const holder = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    const close = () => setOpen(false);
    loadPicker(locale, (emoji) => pick.current(emoji), (event?: unknown) => {
      // The opening click lands outside the picker too: only a click elsewhere than the button closes it.
      if (!(event instanceof Event && button.current?.contains(event.target as Node))) close();
    }).then(
      (picker) => {
        if (live) holder.current?.replaceChildren(picker);
      },
      () => live && setFailed(true),
    );
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    document.addEventListener('keydown', onKey);
    return () => {
      live = false;
      document.removeEventListener('keydown', onKey);
    };
  }, [open, locale]);

  return (
    <>
      <button ref={button} type="button" className="icon-button emoji-button" disabled={disabled} aria-expanded={open} aria-label={t('quickReplies.emoji')} title={t('quickReplies.emoji')} onClick={() => setOpen((v) => !v)}>
        <span aria-hidden="true">🙂</span>
      </button>
      {open && (
        <div className="emoji-popover" role="dialog" aria-label={t('quickReplies.emoji')} data-testid="emoji-picker">
          <div ref={holder}>{failed ? <p className="quick-replies__empty">{t('quickReplies.emoji.failed')}</p> : <p className="quick-replies__empty">{t('quickReplies.emoji.loading')}</p>}</div>
        </div>
      )}
    </>
  );
}
