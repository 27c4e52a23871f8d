import { useState, type FormEvent, type ReactNode } from 'react';
import { GAME_PERIODS, type AchievementIcon, type GamePeriod, type Localized } from '@cc/shared/gamification/values';
import { useI18n } from '../../i18n/provider.tsx';
import { BilingualField, IconPicker } from './icon-picker.tsx';
import { gameErrors, type GameErrors } from './form-errors.ts';

/** What achievements and quests both have: names and descriptions in both languages, and a badge. */
export interface Presentation {
  name: Localized;
  description: Localized;
  icon: AchievementIcon;
}

/** Saving a form: the refused fields by path, busy while the request runs, `onSaved` with what the server kept. */
export function useGameSave<T>(onSaved: (saved: T) => void) {
  const [errors, setErrors] = useState<GameErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = (save: () => Promise<T>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setErrors({});
    setBusy(true);
    try {
      onSaved(await save());
    } catch (error) {
      setErrors(gameErrors(error));
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit };
}

/** The frame of the achievement and quest forms: title, names, description and badge, the form's own fields, then save or cancel. */
export function GameFormFrame({ id, title, value, onChange, errors, busy, onSubmit, onCancel, children }: {
  id: string;
  title: string;
  value: Presentation;
  onChange(patch: Partial<Presentation>): void;
  errors: GameErrors;
  busy: boolean;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form className="game-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className="game-form__title">{title}</h3>
      <BilingualField id={`${id}-name`} label={t('motivation.form.name')} value={value.name} onChange={(name) => onChange({ name })} error={errors.name && t(errors.name)} />
      <BilingualField id={`${id}-description`} label={t('motivation.form.description')} value={value.description} onChange={(description) => onChange({ description })} multiline error={errors.description && t(errors.description)} />
      <IconPicker name={`${id}-icon`} value={value.icon} onChange={(icon) => onChange({ icon })} />
      {children}
      {errors.form && <p className="field__error" role="alert">{t(errors.form)}</p>}
      <div className="game-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>{t('motivation.form.save')}</button>
        <button type="button" className="button button--ghost" onClick={onCancel}>{t('motivation.form.cancel')}</button>
      </div>
    </form>
  );
}

/** Over which period a rule or quest counts. */
export function PeriodField({ value, onChange }: { value: GamePeriod; onChange(period: GamePeriod): void }) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span className="field__label">{t('motivation.form.period')}</span>
      <select className="input" value={value} onChange={(event) => onChange(event.target.value as GamePeriod)}>
        {GAME_PERIODS.map((p) => <option key={p} value={p}>{t(`motivation.period.${p}`)}</option>)}
      </select>
    </label>
  );
}

/** Whether a rule or quest is judged at all (switched off, it keeps its settings and its past awards). */
export function EnabledField({ value, onChange }: { value: boolean; onChange(enabled: boolean): void }) {
  const { t } = useI18n();
  return (
    <label className="field field--check">
      <input type="checkbox" checked={value} onChange={(event) => onChange(event.target.checked)} />
      <span>{t('motivation.form.enabled')}</span>
    </label>
  );
}
