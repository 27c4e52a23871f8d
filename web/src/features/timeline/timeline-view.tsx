import { useEffect, useMemo, useRef } from 'react';
import { AGENT_STATUSES } from '@cc/shared/agents/values';
import type { AgentTimeline, TimelineContact } from '@cc/shared/timeline/values';
import { formatStatusDuration, formatTime } from '../../i18n/format.ts';
import { useI18n, type I18n } from '../../i18n/provider.tsx';
import { statusText } from '../agent-status/status-text.ts';
import { contactSpan, layoutStrip } from './strip-layout.ts';
import './timeline.css';

/** What a contact was, in words: channel, customer, queue. */
function contactTitle(t: I18n['t'], contact: TimelineContact, queueNames: ReadonlyMap<string, string>): string {
  return t('timeline.contactTitle', { channel: t(`channel.${contact.channel}`), customer: contact.customerName ?? t('timeline.unknownCustomer'), queue: queueNames.get(contact.queueId) ?? contact.queueId });
}

/** When it happened to the contact, in the tenant's time: offered, accepted, wrap-up, ended, how long. */
function contactTimes(i18n: I18n, contact: TimelineContact, until: string, timeZone: string): string {
  const { t, locale } = i18n;
  const time = (at: string) => formatTime(at, locale, timeZone);
  const span = contactSpan(contact, until);
  return [
    contact.offeredAt && t('timeline.offeredAt', { time: time(contact.offeredAt) }),
    contact.connectedAt && t('timeline.connectedAt', { time: time(contact.connectedAt) }),
    contact.wrapUpAt && t('timeline.wrapUpAt', { time: time(contact.wrapUpAt) }),
    contact.closedAt && t('timeline.closedAt', { time: time(contact.closedAt) }),
    t('timeline.duration', { duration: formatStatusDuration(Date.parse(span.to) - Date.parse(span.from), locale) }),
  ].filter(Boolean).join(', ');
}

/**
 * An agent's day: a strip over the day's hours coloured by status (it scrolls inside itself on a narrow screen), the
 * contacts as blocks under it, a legend with the time spent in each status, and as the text alternative the list of
 * statuses and of contacts with their times. Times are the tenant's (`day.timeZone`).
 */
export function TimelineView({ day, queueNames }: { day: AgentTimeline; queueNames: ReadonlyMap<string, string> }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const layout = useMemo(() => layoutStrip(day), [day]);
  const time = (at: string) => formatTime(at, locale, day.timeZone);
  const totals = day.totals.secondsByStatus;
  const scroller = useRef<HTMLDivElement>(null);

  // A strip wider than the screen opens at now (or the day's end), where the latest statuses are.
  useEffect(() => {
    const element = scroller.current;
    if (!element || element.scrollWidth <= element.clientWidth) return;
    element.scrollLeft = ((layout.now ?? 100) / 100) * element.scrollWidth - element.clientWidth * 0.75;
  }, [layout.now]);

  return (
    <div className="timeline" data-testid="timeline">
      <p className="muted timeline__zone">{t('timeline.zone', { zone: day.timeZone })}</p>
      <div ref={scroller} className="timeline__scroller" role="region" tabIndex={0} aria-label={t('timeline.strip')} title={t('timeline.stripHint')}>
        <div className="timeline__canvas" aria-hidden="true">
          <div className="timeline__axis">
            {layout.ticks.map((tick, index) => (
              <span key={tick.at} className="timeline__tick" data-major={index % 3 === 0 || undefined} style={{ left: `${tick.left}%` }}>
                {time(tick.at)}
              </span>
            ))}
          </div>
          <div className="timeline__bar">
            {layout.segments.map((segment) => (
              <span
                key={segment.from}
                className="timeline__segment"
                data-status={segment.status}
                data-reason={segment.breakReason}
                style={{ left: `${segment.left}%`, width: `${segment.width}%` }}
                title={`${time(segment.from)}–${time(segment.to)} · ${statusText(t, segment.status, segment.breakReason)}`}
              />
            ))}
          </div>
          <div className="timeline__lanes" style={{ height: `${layout.lanes * 14}px` }}>
            {layout.contacts.map((placed) => (
              <span
                key={`${placed.contact.contactId}#${placed.from}`}
                className="timeline__contact"
                data-outcome={placed.contact.outcome}
                style={{ left: `${placed.left}%`, width: `${placed.width}%`, top: `${placed.lane * 14}px` }}
                title={`${contactTitle(t, placed.contact, queueNames)} — ${contactTimes(i18n, placed.contact, day.until, day.timeZone)}`}
              />
            ))}
          </div>
          {layout.now !== undefined && <span className="timeline__now" style={{ left: `calc(12px + (100% - 24px) * ${layout.now / 100})` }} />}
        </div>
      </div>

      <ul className="timeline__legend" aria-label={t('timeline.legend')}>
        {AGENT_STATUSES.map((status) => (
          <li key={status} className="timeline__legend-item" data-status={status} data-testid={`timeline-total-${status}`}>
            <span className="status-dot" aria-hidden="true" />
            <span>{t(`status.${status}`)}</span>
            <span className="tabular muted">{formatStatusDuration(totals[status] * 1000, locale)}</span>
          </li>
        ))}
      </ul>

      <div className="timeline__lists">
        <section aria-labelledby="timeline-statuses">
          <h3 id="timeline-statuses" className="timeline__heading">{t('timeline.statuses')}</h3>
          {day.segments.length === 0 ? (
            <p className="muted">{t('timeline.nothing')}</p>
          ) : (
            <ol className="timeline__list" data-testid="timeline-segments">
              {day.segments.map((segment) => (
                <li key={segment.from} data-status={segment.status} data-reason={segment.breakReason}>
                  <span className="status-dot" aria-hidden="true" />{' '}
                  {t('timeline.segment', { from: time(segment.from), to: time(segment.to), status: statusText(t, segment.status, segment.breakReason), duration: formatStatusDuration(Date.parse(segment.to) - Date.parse(segment.from), locale) })}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="timeline-contacts">
          <h3 id="timeline-contacts" className="timeline__heading">{t('timeline.contacts')}</h3>
          {day.contacts.length === 0 ? (
            <p className="muted">{t('timeline.noContacts')}</p>
          ) : (
            <ol className="timeline__list" data-testid="timeline-contacts">
              {day.contacts.map((contact) => (
                <li key={`${contact.contactId}#${contact.offeredAt ?? contact.connectedAt}`} data-contact-id={contact.contactId} data-outcome={contact.outcome}>
                  <span className="timeline__contact-title">{contactTitle(t, contact, queueNames)}</span>
                  <span className="timeline__outcome">{t(`timeline.outcome.${contact.outcome}`)}</span>
                  <span className="muted timeline__times">{contactTimes(i18n, contact, day.until, day.timeZone)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
