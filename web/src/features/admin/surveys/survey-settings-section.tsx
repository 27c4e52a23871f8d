import { useEffect, useState, type FormEvent } from 'react';
import { MAX_SURVEY_TIMEOUT_HOURS, SURVEY_TEXT_MAX_LENGTH, type LocalText, type SurveySettings } from '@cc/shared/surveys/values';
import { LoadFailed } from '../../../components/empty-state.tsx';
import { useToast } from '../../../components/toast.tsx';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { SectionHeader } from '../topics/section-header.tsx';

type TextKey = keyof SurveySettings['texts'];
const TEXT_KEYS: readonly TextKey[] = ['csi', 'nps', 'thanks'];

/** Administration: surveys after chats (on or off, NPS, the reply window, the texts ru/en); calls follow their flow. */
export function SurveySettingsSection() {
  const { t } = useI18n();
  const api = useApi();
  const notify = useToast();
  const [settings, setSettings] = useState<SurveySettings>();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const load = () => {
    setFailed(false);
    api.getSurveySettings().then(setSettings, () => setFailed(true));
  };
  useEffect(load, [api]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!settings) return;
    setBusy(true);
    api.putSurveySettings(settings).then(
      (saved) => {
        setSettings(saved);
        notify(t('admin.surveys.saved'), 'info');
      },
      () => notify(t('admin.surveys.failed')),
    ).finally(() => setBusy(false));
  };
  const setText = (key: TextKey, text: LocalText) => settings && setSettings({ ...settings, texts: { ...settings.texts, [key]: text } });

  return (
    <section className="card admin-section" aria-labelledby="surveys-title" data-testid="admin-surveys">
      <SectionHeader id="surveys-title" title={t('admin.surveys.title')} hint={t('admin.surveys.hint')} />
      {failed ? (
        <LoadFailed onRetry={load} />
      ) : !settings ? (
        <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />
      ) : (
        <form className="admin-form" onSubmit={save}>
          <label className="flow-toggle">
            <input type="checkbox" checked={settings.chats} onChange={(e) => setSettings({ ...settings, chats: e.target.checked })} />
            {t('admin.surveys.chats')}
          </label>
          <label className="flow-toggle">
            <input type="checkbox" checked={settings.nps} onChange={(e) => setSettings({ ...settings, nps: e.target.checked })} />
            {t('admin.surveys.nps')}
          </label>
          <label className="field">
            <span className="field__label">{t('admin.surveys.timeoutHours')}</span>
            <input className="input" type="number" inputMode="numeric" min={1} max={MAX_SURVEY_TIMEOUT_HOURS} value={settings.timeoutHours} onChange={(e) => setSettings({ ...settings, timeoutHours: e.target.valueAsNumber || 0 })} />
          </label>
          {TEXT_KEYS.map((key) => (
            <div key={key} className="admin-inline-form">
              {(['ru', 'en'] as const).map((lang) => (
                <label key={lang} className="field">
                  <span className="field__label">{t(`admin.surveys.text.${key}`)} ({lang.toUpperCase()})</span>
                  <textarea className="input" rows={2} lang={lang} maxLength={SURVEY_TEXT_MAX_LENGTH} value={settings.texts[key][lang]} onChange={(e) => setText(key, { ...settings.texts[key], [lang]: e.target.value })} />
                </label>
              ))}
            </div>
          ))}
          <div className="admin-list__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('admin.surveys.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
