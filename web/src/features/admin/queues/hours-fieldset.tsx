import { useMemo, useState } from 'react';
import type { TimeRange, Weekday } from '@cc/shared/routing/model';
import { CloseIcon } from '../../../components/icons.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { useFieldErrors } from './field-errors.tsx';
import { copyMondayToWeekdays, WEEKDAYS, type QueueDraft, type QueueFieldErrors } from './queue-draft.ts';

type HoursDraft = Pick<QueueDraft, 'alwaysOpen' | 'weekly' | 'holidays' | 'timeZone'>;

/** The spans a new working day starts with. */
const NEW_SPAN: TimeRange = { open: '09:00', close: '18:00' };

/** Business hours of the queue form: around the clock, or spans per weekday in a time zone, plus closed holidays. */
export function HoursFieldset({ draft, errors, change }: { draft: HoursDraft; errors: QueueFieldErrors; change(patch: Partial<HoursDraft>): void }) {
  const { t, locale } = useI18n();
  const [holiday, setHoliday] = useState('');
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []), []);
  const setDay = (day: Weekday, spans: TimeRange[]) => change({ weekly: { ...draft.weekly, [day]: spans } });
  const { message, invalid, described } = useFieldErrors(errors);

  return (
    <fieldset className="queue-hours">
      <legend>{t('admin.queues.form.hours')}</legend>
      <label className="user-form__check">
        <input type="checkbox" name="alwaysOpen" checked={draft.alwaysOpen} onChange={(e) => change({ alwaysOpen: e.target.checked })} />
        {t('admin.queues.form.alwaysOpen')}
      </label>
      {!draft.alwaysOpen && (
        <>
          <p className="muted">{t('admin.queues.form.closedHint')}</p>
          <label className="field">
            <span className="field__label">{t('admin.queues.form.timeZone')}</span>
            <input className="input" name="timeZone" list="queue-time-zones" autoComplete="off" spellCheck={false} value={draft.timeZone} onChange={(e) => change({ timeZone: e.target.value })} {...invalid('timeZone')} />
            <datalist id="queue-time-zones">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            {message('timeZone')}
          </label>
          {WEEKDAYS.map((day) => {
            const spans = draft.weekly[day];
            const field = `hours.${day}`;
            return (
              <div key={day} className="queue-day" data-day={day} role="group" aria-label={t(`admin.queues.day.${day}`)} {...described(field)}>
                <label className="user-form__check queue-day__name">
                  <input type="checkbox" name={`open-${day}`} checked={spans.length > 0} onChange={(e) => setDay(day, e.target.checked ? [{ ...NEW_SPAN }] : [])} />
                  {t(`admin.queues.day.${day}`)}
                </label>
                <div className="queue-day__spans">
                  {spans.map((span, i) => {
                    const setSpan = (patch: Partial<TimeRange>) => setDay(day, spans.map((s, j) => (j === i ? { ...s, ...patch } : s)));
                    return (
                      <div key={i} className="queue-span">
                        <label className="queue-span__time">
                          <span className="visually-hidden">{`${t(`admin.queues.day.${day}`)} ${t('admin.queues.form.from')}`}</span>
                          <input className="input" type="time" name={`${day}-${i}-open`} value={span.open} onChange={(e) => setSpan({ open: e.target.value })} {...invalid(field)} />
                        </label>
                        <span aria-hidden="true">–</span>
                        <label className="queue-span__time">
                          <span className="visually-hidden">{`${t(`admin.queues.day.${day}`)} ${t('admin.queues.form.to')}`}</span>
                          <input className="input" type="time" name={`${day}-${i}-close`} value={span.close} onChange={(e) => setSpan({ close: e.target.value })} {...invalid(field)} />
                        </label>
                        <button type="button" className="icon-button" aria-label={t('admin.queues.form.removeSpan', { from: span.open, to: span.close })} onClick={() => setDay(day, spans.filter((_, j) => j !== i))}>
                          <CloseIcon size={18} />
                        </button>
                      </div>
                    );
                  })}
                  {spans.length > 0 && (
                    <button type="button" className="button button--subtle" onClick={() => setDay(day, [...spans, { open: spans.at(-1)!.close, close: '24:00' }])}>
                      {t('admin.queues.form.addSpan')}
                    </button>
                  )}
                  {day === 'mon' && spans.length > 0 && (
                    <button type="button" className="button button--subtle" onClick={() => change({ weekly: copyMondayToWeekdays(draft.weekly) })}>
                      {t('admin.queues.form.copyMonday')}
                    </button>
                  )}
                </div>
                {message(field)}
              </div>
            );
          })}
          <div className="queue-holidays" role="group" aria-labelledby="queue-holidays-title" {...described('holidays')}>
            <span id="queue-holidays-title" className="field__label">
              {t('admin.queues.form.holidays')}
            </span>
            {draft.holidays.length === 0 && <p className="muted">{t('admin.queues.form.noHolidays')}</p>}
            <ul className="queue-holidays__list">
              {draft.holidays.map((date) => (
                <li key={date} className="queue-holidays__item">
                  <time dateTime={date}>{formatDate(`${date}T00:00:00Z`, locale, 'UTC')}</time>
                  <button type="button" className="icon-button icon-button--small" aria-label={t('admin.queues.form.removeHoliday', { date: formatDate(`${date}T00:00:00Z`, locale, 'UTC') })} onClick={() => change({ holidays: draft.holidays.filter((d) => d !== date) })}>
                    <CloseIcon size={16} />
                  </button>
                </li>
              ))}
            </ul>
            <div className="queue-holidays__add">
              <label className="field">
                <span className="field__label">{t('admin.queues.form.holiday')}</span>
                <input className="input" type="date" name="holiday" value={holiday} onChange={(e) => setHoliday(e.target.value)} />
              </label>
              <button
                type="button"
                className="button button--subtle"
                disabled={!holiday}
                onClick={() => {
                  change({ holidays: [...new Set([...draft.holidays, holiday])].sort() });
                  setHoliday('');
                }}
              >
                {t('admin.queues.form.addHoliday')}
              </button>
            </div>
            {message('holidays')}
          </div>
        </>
      )}
    </fieldset>
  );
}
