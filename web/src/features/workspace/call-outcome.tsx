import type { Contact } from '@cc/shared/contacts/model';
import { formatClock, formatShortDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { callOutcome } from './call-outcome.ts';

/** A past contact's outcome under its line in the customer history: voicemail, callback dials, the survey answer. */
export function CallOutcome({ contact }: { contact: Contact }) {
  const { t, locale } = useI18n();
  const items = callOutcome(contact);
  if (items.length === 0) return null;
  return (
    <span className="history-contact__outcome" data-testid="call-outcome">
      {items.map((item, i) => {
        switch (item.kind) {
          case 'voicemail':
            return (
              <span key={i}>
                {item.durationSeconds !== undefined
                  ? t('callOutcome.voicemail', { duration: formatClock(item.durationSeconds), time: formatShortDateTime(item.at, locale) })
                  : t('callOutcome.voicemailNoDuration', { time: formatShortDateTime(item.at, locale) })}
              </span>
            );
          case 'dial':
            return (
              <span key={i} data-result={item.result}>
                {t('callOutcome.dial', { time: formatShortDateTime(item.at, locale), result: t(`dialResult.${item.result}`) })}
              </span>
            );
          case 'survey':
            return (
              <span key={i} data-testid="survey-answer">
                {[item.score !== undefined && t('callOutcome.survey', { score: item.score }), item.nps !== undefined && t('callOutcome.nps', { nps: item.nps })].filter(Boolean).join(' · ')}
              </span>
            );
        }
      })}
    </span>
  );
}
