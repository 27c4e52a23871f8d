import { LOCALES } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';

/** RU | EN segmented switch; the choice is kept in localStorage. */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className={`segmented segmented--${tone}`} role="group" aria-label={t('lang.label')}>
      {LOCALES.map((option) => (
        <button key={option} type="button" className="segmented__option" aria-pressed={locale === option} lang={option} onClick={() => setLocale(option)}>
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
