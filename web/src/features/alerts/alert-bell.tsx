import { useEffect, useRef, useState } from 'react';
import type { AlertNotice } from '@cc/shared/alerts/notice';
import type { ConversationAlert } from '@cc/shared/analytics/values';
import { BellIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/toast.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { hashFor } from '../shell/routes.ts';
import { useRealtime } from '../shell/realtime-context.tsx';
import { deliveryCounts, noticeParts } from './notice-text.ts';
import { ConversationAlertItem } from './conversation-alert-item.tsx';
import { useMetricCatalog } from '../reports/use-metric-catalog.ts';
import './alerts.css';

/** When this browser last opened the bell: notices after it count as new. */
const SEEN_KEY = 'cc.alerts.seenAt';
const readSeen = () => window.localStorage.getItem(SEEN_KEY) ?? '';

/** Supervisors' bell: the latest KPI notices and problem conversations, a count of new ones, and a toast as each arrives. */
export function AlertBell() {
  const { t, locale } = useI18n();
  const api = useApi();
  const notify = useToast();
  const { on, openCount } = useRealtime();
  const [notices, setNotices] = useState<AlertNotice[]>([]);
  const [conversations, setConversations] = useState<ConversationAlert[]>([]);
  const metrics = useMetricCatalog();
  const [seenAt, setSeenAt] = useState(readSeen);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const metricsRef = useRef(metrics);
  metricsRef.current = metrics;

  // Again on every reconnect: notices pushed while the socket was down are in the history.
  useEffect(() => {
    let live = true;
    api.alertNotices().then((list) => live && setNotices(list), () => undefined);
    api.conversationAlerts().then((list) => live && setConversations(list), () => undefined);
    return () => {
      live = false;
    };
  }, [api, openCount]);
  useEffect(
    () =>
      on('alert.notice', ({ notice }) => {
        setNotices((all) => [notice, ...all.filter((n) => n.noticeId !== notice.noticeId)].slice(0, 50));
        notify(t(notice.kind === 'fired' ? 'alerts.toast.fired' : 'alerts.toast.recovered', noticeParts(notice, metricsRef.current, t, locale)), notice.kind === 'fired' ? 'error' : 'info');
      }),
    [on, notify, t, locale],
  );
  useEffect(
    () =>
      on('conversation.alert', ({ alert }) => {
        setConversations((all) => [alert, ...all.filter((a) => a.alertId !== alert.alertId)].slice(0, 50));
        notify(t('alerts.toast.conversation', { what: t(`alerts.conversation.${alert.trigger}`) }), 'error');
      }),
    [on, notify, t],
  );
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', close);
    window.addEventListener('pointerdown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('pointerdown', close);
    };
  }, [open]);

  // Both kinds in one list, newest first.
  const entries = [...notices.map((notice) => ({ at: notice.at, notice })), ...conversations.map((alert) => ({ at: alert.at, alert }))].sort((a, b) => b.at.localeCompare(a.at));
  const unread = entries.filter((e) => e.at > seenAt).length;
  const toggle = () => {
    if (!open && entries[0]) {
      window.localStorage.setItem(SEEN_KEY, entries[0].at);
      setSeenAt(entries[0].at);
    }
    setOpen(!open);
  };

  return (
    <div className="alert-bell" ref={root}>
      <button type="button" className="icon-button alert-bell__button" onClick={toggle} aria-expanded={open} aria-controls="alert-bell-panel" aria-label={unread > 0 ? t('alerts.bell.unread', { count: formatNumber(unread, locale) }) : t('alerts.bell')} data-testid="alert-bell">
        <BellIcon />
        {unread > 0 && <span className="alert-bell__badge" aria-hidden="true">{unread > 9 ? '9+' : unread}</span>}
      </button>
      {open && (
        <div className="alert-bell__panel card" id="alert-bell-panel" role="region" aria-label={t('alerts.bell.title')}>
          <h2 className="alert-bell__title">{t('alerts.bell.title')}</h2>
          {entries.length === 0 ? (
            <p className="muted">{t('alerts.bell.empty')}</p>
          ) : (
            <ul className="alert-bell__list">
              {entries.slice(0, 20).map((entry) => {
                if ('alert' in entry) return <ConversationAlertItem key={entry.alert.alertId} alert={entry.alert} onOpen={() => setOpen(false)} />;
                const { notice } = entry;
                const { sent, failed } = deliveryCounts(notice);
                return (
                  <li key={notice.noticeId} className={`alert-notice alert-notice--${notice.kind}`}>
                    <span className="alert-notice__kind">{t(notice.kind === 'fired' ? 'alerts.notice.fired' : 'alerts.notice.recovered')}</span>
                    <span className="alert-notice__text">{t('alerts.notice.text', noticeParts(notice, metrics, t, locale))}</span>
                    <span className="alert-notice__meta">
                      <time dateTime={notice.at}>{formatDateTime(notice.at, locale)}</time>
                      {sent > 0 && <span>{t('alerts.notice.sent', { count: formatNumber(sent, locale) })}</span>}
                      {failed > 0 && <span className="alert-notice__failed">{t('alerts.notice.failed', { count: formatNumber(failed, locale) })}</span>}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          <a className="button button--subtle button--small" href={hashFor('alerts')} onClick={() => setOpen(false)}>
            {t('alerts.bell.rules')}
          </a>
        </div>
      )}
    </div>
  );
}
