import { useState, type FormEvent } from 'react';
import { AlertIcon, HeadsetIcon } from '../../components/icons.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { LanguageSwitch } from '../shell/language-switch.tsx';
import type { NewPasswordChallenge } from '../../api/auth.ts';
import { loginErrorKey } from './login-error.ts';
import { NewPasswordForm } from './new-password-form.tsx';
import { useSession } from './session.tsx';

/** The sign-in form: login, password, Enter submits; errors in the console's language. A first sign-in continues with a new password. */
export function LoginPage() {
  const { t } = useI18n();
  const { signIn, signOutReason } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [errorKey, setErrorKey] = useState<MessageKey | undefined>(signOutReason === 'expired' ? 'session.expired' : undefined);
  const [challenge, setChallenge] = useState<NewPasswordChallenge | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!login.trim() || !password) {
      setErrorKey('login.error.missing');
      return;
    }
    setSubmitting(true);
    setErrorKey(undefined);
    try {
      const next = await signIn({ login: login.trim(), password });
      if (next) {
        setChallenge(next);
        setPassword('');
        setSubmitting(false);
      }
    } catch (error) {
      setErrorKey(loginErrorKey(error));
      setSubmitting(false);
    }
  }

  return (
    <main className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      {challenge ? (
        <NewPasswordForm
          challenge={challenge}
          onRestart={(reason) => {
            setChallenge(undefined);
            setErrorKey(reason);
          }}
        />
      ) : (
        <form className="login__card" onSubmit={submit} noValidate aria-labelledby="login-title">
          <div className="login__brand">
            <span className="brand-mark">
              <HeadsetIcon size={22} />
            </span>
            <span className="brand-name">{t('app.name')}</span>
          </div>
          <h1 id="login-title" className="login__title">
            {t('login.title')}
          </h1>
          <p className="login__subtitle">{t('login.subtitle')}</p>

          {errorKey && (
            <div className={`alert ${errorKey === 'session.expired' ? 'alert--info' : 'alert--error'}`} role="alert">
              <AlertIcon size={18} />
              <span>{t(errorKey)}</span>
            </div>
          )}

          <label className="field">
            <span className="field__label">{t('login.login')}</span>
            <input className="input" name="login" autoComplete="username" autoCapitalize="none" spellCheck={false} value={login} onChange={(event) => setLogin(event.target.value)} autoFocus required />
          </label>
          <label className="field">
            <span className="field__label">{t('login.password')}</span>
            <input className="input" name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
          </label>
          <button className="button button--primary button--block" type="submit" disabled={submitting}>
            {submitting && <span className="spinner" aria-hidden="true" />}
            {t(submitting ? 'login.submitting' : 'login.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
