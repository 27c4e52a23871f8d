import type { ConversationAlert } from '@cc/shared/analytics/values';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';

/** The QA view of one contact: its conversation with the matched words highlighted. */
export const contactReviewHash = (contactId: string) => `#/qa/contact/${encodeURIComponent(contactId)}`;

/** One problem conversation in the bell: what happened, the words that raised it, and a link to the conversation. */
export function ConversationAlertItem({ alert, onOpen }: { alert: ConversationAlert; onOpen: () => void }) {
  const { t, locale } = useI18n();
  const sent = alert.deliveries?.filter((d) => d.status === 'sent').length ?? 0;
  return (
    <li className="alert-notice alert-notice--fired alert-notice--conversation" data-alert={alert.alertId} data-trigger={alert.trigger}>
      <span className="alert-notice__kind">
        {t(`alerts.conversation.${alert.trigger}` as MessageKey)}
        {alert.phase === 'live' && <span className="badge alert-notice__live">{t('alerts.conversation.live')}</span>}
      </span>
      {alert.evidence && (
        <q className="alert-notice__text">
          {t(alert.evidence.speaker === 'agent' ? 'alerts.conversation.agent' : 'alerts.conversation.customer')}: {alert.evidence.text}
        </q>
      )}
      {alert.value !== undefined && (
        <span className="alert-notice__text">{t('alerts.conversation.score', { value: formatNumber(alert.value, locale), threshold: formatNumber(alert.threshold ?? 0, locale) })}</span>
      )}
      <span className="alert-notice__meta">
        <time dateTime={alert.at}>{formatDateTime(alert.at, locale)}</time>
        {sent > 0 && <span>{t('alerts.notice.sent', { count: formatNumber(sent, locale) })}</span>}
        <a href={contactReviewHash(alert.contactId)} onClick={onOpen}>{t('alerts.conversation.open')}</a>
      </span>
    </li>
  );
}
