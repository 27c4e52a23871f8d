import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { DISPOSITIONS, offeredTopics, searchTopics, WRAP_UP_LIMITS, wrapUpProblem, type Disposition, type WrapUpInput } from '@cc/shared/wrap-up/values';
import { CheckIcon } from '../../../components/icons.tsx';
import { formatClock } from '../../../i18n/format.ts';
import { INTL_LOCALE } from '../../../i18n/messages.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { secondsLeft, wrapUpDeadline } from '../countdown.ts';
import { useTopics } from './use-topics.ts';
import './wrap-up.css';

/** The after-contact work timer: counts down the queue's time, then up in overtime. */
export function WrapUpTimer({ contact, queue, now }: { contact: Contact; queue: TenantQueue | undefined; now: number }) {
  const { t } = useI18n();
  const deadline = wrapUpDeadline(contact, queue);
  if (deadline === undefined) return null;
  const over = now >= deadline;
  const text = over ? t('wrapUp.timer.over', { time: formatClock(Math.floor((now - deadline) / 1000)) }) : t('wrapUp.timer.left', { time: formatClock(secondsLeft(deadline, now)) });
  return (
    <span className="acw-timer tabular" data-testid="acw-timer" data-overtime={over || undefined} role="timer" aria-label={t('wrapUp.timer.label')}>
      {text}
    </span>
  );
}

/**
 * The wrap-up form of a contact in after-contact work: topics (searchable; required when the queue says so, checked
 * by the same rule as the API), a disposition, a note, and Complete.
 */
export function WrapUpForm({ contact, queue, now, onComplete }: { contact: Contact; queue: TenantQueue | undefined; now: number; onComplete(input: WrapUpInput): Promise<unknown> }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const { topics, failed, reload } = useTopics();
  const [picked, setPicked] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [disposition, setDisposition] = useState<Disposition | ''>('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const required = queue?.topicsRequired === true;
  const offered = useMemo(() => offeredTopics(topics ?? [], INTL_LOCALE[locale]), [topics, locale]);
  const shown = searchTopics(offered, query);
  const input: WrapUpInput = { topics: picked, ...(disposition && { disposition }), ...(note.trim() && { note }) };
  const problem = topics ? wrapUpProblem(input, topics, required) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem || !topics) return;
    setBusy(true);
    void onComplete(input).finally(() => setBusy(false));
  };
  const toggle = (topicId: string) => setPicked((current) => (current.includes(topicId) ? current.filter((id) => id !== topicId) : [...current, topicId]));

  return (
    <form className="wrap-up-form" data-testid="wrap-up" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <div className="wrap-up-form__head">
        <h3 id={`${ids}-title`} className="wrap-up-form__title">
          {t('wrapUp.title')}
        </h3>
        <WrapUpTimer contact={contact} queue={queue} now={now} />
      </div>
      <fieldset className="wrap-up-form__topics" aria-describedby={tried && problem ? `${ids}-problem` : undefined} aria-invalid={(tried && problem !== undefined) || undefined}>
        <legend className="field__label">{t(required ? 'wrapUp.topics.required' : 'wrapUp.topics')}</legend>
        {failed ? (
          <p className="wrap-up-form__message">
            {t('wrapUp.topics.loadFailed')}{' '}
            <button type="button" className="link-button" onClick={reload}>
              {t('common.retry')}
            </button>
          </p>
        ) : !topics ? (
          <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />
        ) : offered.length === 0 ? (
          <p className="wrap-up-form__message muted">{t('wrapUp.topics.empty')}</p>
        ) : (
          <>
            <input className="input input--small" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('wrapUp.topics.search')} aria-label={t('wrapUp.topics.search')} />
            <ul className="topic-options">
              {shown.map((topic) => (
                <li key={topic.topicId}>
                  <label className="topic-option" data-checked={picked.includes(topic.topicId) || undefined}>
                    <input type="checkbox" checked={picked.includes(topic.topicId)} onChange={() => toggle(topic.topicId)} />
                    {topic.name}
                  </label>
                </li>
              ))}
              {shown.length === 0 && <li className="muted">{t('wrapUp.topics.none')}</li>}
            </ul>
          </>
        )}
      </fieldset>
      <div className="wrap-up-form__row">
        <label className="field">
          <span className="field__label">{t('wrapUp.disposition')}</span>
          <select className="input" value={disposition} onChange={(e) => setDisposition(e.target.value as Disposition | '')}>
            <option value="">{t('wrapUp.disposition.none')}</option>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {t(`wrapUp.disposition.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field wrap-up-form__note">
          <span className="field__label">{t('wrapUp.note')}</span>
          <textarea className="input" rows={2} maxLength={WRAP_UP_LIMITS.noteMaxLength} value={note} placeholder={t('wrapUp.note.placeholder')} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      {tried && problem && (
        <p id={`${ids}-problem`} className="wrap-up-form__problem" role="alert" data-testid="wrap-up-problem">
          {t(`wrapUp.problem.${problem.code}`)}
        </p>
      )}
      <button type="submit" className="button button--primary wrap-up-form__submit" disabled={busy}>
        <CheckIcon size={18} />
        {t('wrapUp.complete')}
      </button>
    </form>
  );
}
