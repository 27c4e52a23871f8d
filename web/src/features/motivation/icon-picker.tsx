import { ACHIEVEMENT_ICONS, type AchievementIcon } from '@cc/shared/gamification/values';
import { useI18n } from '../../i18n/provider.tsx';
import { BadgeIcon } from './badge-icon.tsx';

/** The badge's picture, one of the console's set, chosen as a radio group. */
export function IconPicker({ value, onChange, name }: { value: AchievementIcon; onChange(icon: AchievementIcon): void; name: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="icon-picker">
      <legend>{t('motivation.form.icon')}</legend>
      {ACHIEVEMENT_ICONS.map((icon) => (
        <label key={icon} className="icon-picker__option" data-checked={icon === value}>
          <input type="radio" name={name} value={icon} checked={icon === value} onChange={() => onChange(icon)} />
          <BadgeIcon icon={icon} size={18} tone={icon === value ? 'gold' : 'muted'} />
          <span className="visually-hidden">{t(`motivation.icon.${icon}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Russian and English of one text, side by side. */
export function BilingualField({ label, value, onChange, multiline, id, error }: { label: string; value: { ru: string; en: string }; onChange(value: { ru: string; en: string }): void; multiline?: boolean; id: string; error?: string | undefined }) {
  const { t } = useI18n();
  const Field = multiline ? 'textarea' : 'input';
  return (
    <fieldset className="bilingual">
      <legend>{label}</legend>
      {(['ru', 'en'] as const).map((lang) => (
        <label key={lang} className="field">
          <span className="field__label">{t(`motivation.form.lang.${lang}`)}</span>
          <Field id={`${id}-${lang}`} className="input" value={value[lang]} onChange={(event) => onChange({ ...value, [lang]: event.target.value })} required {...(error && { 'aria-invalid': true, 'aria-describedby': `${id}-error` })} />
        </label>
      ))}
      {error && <span className="field__error" id={`${id}-error`}>{error}</span>}
    </fieldset>
  );
}
