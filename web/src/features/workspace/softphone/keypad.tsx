import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/provider.tsx';
import { appendDialed, KEYPAD_KEYS, toneOfKey } from './keypad-keys.ts';

/** The phone keypad: a press (or a typed digit, `*`, `#`) plays the tone into the call, as a phone's keypad does. */
export function Keypad({ onTone }: { onTone(digit: string): void }) {
  const { t } = useI18n();
  const [dialed, setDialed] = useState('');
  const press = (digit: string) => {
    onTone(digit);
    setDialed((current) => appendDialed(current, digit));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const digit = toneOfKey(event.key);
    if (digit === undefined || event.target instanceof HTMLInputElement) return;
    event.preventDefault();
    press(digit);
  };
  return (
    <div className="keypad" role="group" aria-label={t('softphone.keypad')} onKeyDown={onKeyDown}>
      <output className="keypad__dialed tabular" aria-live="polite" data-testid="keypad-dialed">
        {dialed || <span className="muted">{t('softphone.keypadHint')}</span>}
      </output>
      <div className="keypad__grid">
        {KEYPAD_KEYS.map(([digit, letters]) => (
          <button key={digit} type="button" className="keypad__key" onClick={() => press(digit)} aria-label={digit} data-tone={digit}>
            <span className="keypad__digit">{digit}</span>
            <span className="keypad__letters" aria-hidden="true">
              {letters}
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
