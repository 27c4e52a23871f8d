import { useState, type FormEvent } from 'react';
import { PASSWORD_POLICY, passwordProblems, type PasswordProblem } from '@cc/shared/users/values';
import type { NewPasswordChallenge } from '../../api/auth.ts';
import { CognitoAuthError, ProblemError } from '../../api/errors.ts';
import { AlertIcon } from '../../components/icons.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { loginErrorKey } from './login-error.ts';
import './new-password.css';
import { useSession } from './session.tsx';

const RULES: PasswordProblem[] = ['tooShort', 'noLowercase', 'noUppercase', 'noDigit', 'noSymbol'];

/** Which message a refused new password shows: the rules, a reused password, or an expired session (back to sign-in). */
function newPasswordErrorKey(error: unknown): { key: MessageKey; restart?: boolean } {
  if (error instanceof ProblemError && error.status === 400) return { key: error.problem?.reason === 'password_reused' ? 'login.newPassword.reused' : 'login.newPassword.weak' };
  if (error instanceof ProblemError && error.status === 401) return { key: 'login.newPassword.expired', restart: true };
  if (error instanceof CognitoAuthError && error.code === 'InvalidPasswordException') return { key: 'login.newPassword.weak' };
  if (error instanceof CognitoAuthError && (error.code === 'NotAuthorizedException' || error.code === 'CodeMismatchException')) return { key: 'login.newPassword.expired', restart: true };
  return { key: loginErrorKey(error) };
}

/** The first sign-in's second step: a new password in place of the one-time one, its rules ticked off as one types. */
export function NewPasswordForm({ challenge, onRestart }: { challenge: NewPasswordChallenge; onRestart(reason?: MessageKey): void }) {
  const { t } = useI18n();
  const { setNewPassword } = useSession();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [errorKey, setErrorKey] = useState<MessageKey | undefined>();
  const problems = passwordProblems(password);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (problems.length > 0) return setErrorKey('login.newPassword.weak');
    if (password !== repeat) return setErrorKey('login.newPassword.mismatch');
    setSubmitting(true);
    setErrorKey(undefined);
    try {
      await setNewPassword(challenge, password);
    } catch (error) {
      const { key, restart } = newPasswordErrorKey(error);
      setSubmitting(false);
      if (restart) onRestart(key);
      else setErrorKey(key);
    }
  }

  return (
    <form className="login__card" onSubmit={submit} noValidate aria-labelledby="new-password-title">
      <h1 id="new-password-title" className="login__title">
        {t('login.newPassword.title')}
      </h1>
      <p className="login__subtitle">{t('login.newPassword.subtitle')}</p>
      {errorKey && (
        <div className="alert alert--error" role="alert">
          <AlertIcon size={18} />
          <span>{t(errorKey)}</span>
        </div>
      )}
      <label className="field">
        <span className="field__label">{t('login.newPassword.password')}</span>
        <input className="input" name="new-password" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby="password-rules" autoFocus required />
      </label>
      <div id="password-rules" className="password-rules">
        <span className="muted">{t('login.newPassword.rules')}</span>
        <ul>
          {RULES.map((rule) => {
            const met = password.length > 0 && !problems.includes(rule);
            return (
              <li key={rule} data-met={met || undefined}>
                <span aria-hidden="true">{met ? '✓' : '•'}</span> {t(`login.newPassword.rule.${rule}`, { min: PASSWORD_POLICY.minLength, max: PASSWORD_POLICY.maxLength })}
                <span className="visually-hidden"> ({t(met ? 'login.newPassword.met' : 'login.newPassword.unmet')})</span>
              </li>
            );
          })}
        </ul>
      </div>
      <label className="field">
        <span className="field__label">{t('login.newPassword.repeat')}</span>
        <input className="input" name="repeat-password" type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} required />
      </label>
      <button className="button button--primary button--block" type="submit" disabled={submitting}>
        {submitting && <span className="spinner" aria-hidden="true" />}
        {t(submitting ? 'login.newPassword.submitting' : 'login.newPassword.submit')}
      </button>
      <button className="button button--subtle button--block" type="button" onClick={() => onRestart()}>
        {t('login.newPassword.back')}
      </button>
    </form>
  );
}
