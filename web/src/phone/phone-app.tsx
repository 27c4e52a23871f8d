import { useEffect, useState } from 'react';
import { LanguageSwitch } from '../features/shell/language-switch.tsx';
import { formatPhone } from '../i18n/format.ts';
import { useI18n } from '../i18n/provider.tsx';
import { emulatorApi } from './emulator-api.ts';
import { CallPanel } from './call-panel.tsx';

/** A demo caller; any E.164 number works. */
const DEFAULT_FROM = '+79161234567';

/** The phone: who calls, whom, and the call in progress. */
export function PhoneApp() {
  const { t, locale } = useI18n();
  const [from, setFrom] = useState(DEFAULT_FROM);
  const [numbers, setNumbers] = useState<string[]>([]);
  const [to, setTo] = useState('');
  // The emulator's scripted caller: both sides' lines arrive as transcript segments once an agent answers.
  const [script, setScript] = useState<'' | 'payment-problem' | 'delivery-question'>('');
  const [callId, setCallId] = useState<string | undefined>();
  const [dialling, setDialling] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    emulatorApi
      .numbers()
      .then((list) => {
        setNumbers(list);
        setTo((current) => current || list[0] || '');
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const dial = async () => {
    setDialling(true);
    setError(undefined);
    try {
      setCallId((await emulatorApi.dial(from.trim(), to, script || undefined)).callId);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setDialling(false);
    }
  };

  return (
    <div className="phone-page">
      <header className="phone-header">
        <div>
          <h1>{t('phone.title')}</h1>
          <p>{t('phone.subtitle')}</p>
        </div>
        <LanguageSwitch tone="dark" />
      </header>
      <main className="phone-card">
        {!callId ? (
          <form
            className="phone-form"
            onSubmit={(event) => {
              event.preventDefault();
              void dial();
            }}
          >
            <label>
              {t('phone.from')}
              <input name="from" type="tel" value={from} onChange={(e) => setFrom(e.target.value)} autoComplete="tel" />
            </label>
            <label>
              {t('phone.to')}
              <select name="to" value={to} onChange={(e) => setTo(e.target.value)}>
                {numbers.map((number) => (
                  <option key={number} value={number}>
                    {formatPhone(number, locale)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('phone.script')}
              <select name="script" value={script} onChange={(e) => setScript(e.target.value as typeof script)}>
                <option value="">{t('phone.script.none')}</option>
                <option value="payment-problem">{t('phone.script.payment-problem')}</option>
                <option value="delivery-question">{t('phone.script.delivery-question')}</option>
              </select>
            </label>
            <button className="phone-button phone-button--call" type="submit" disabled={dialling || !to || !from.trim()}>
              {dialling ? t('phone.calling') : t('phone.call')}
            </button>
          </form>
        ) : (
          <CallPanel callId={callId} onAgain={() => setCallId(undefined)} onError={setError} />
        )}
        {error && (
          <p className="phone-error" role="alert">
            {t('phone.error', { reason: error })}
          </p>
        )}
      </main>
    </div>
  );
}

