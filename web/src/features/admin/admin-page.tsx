import { useMemo } from 'react';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { ListIcon } from '../../components/icons.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { INTL_LOCALE } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useQueues } from '../queues/use-queues.ts';
import { TopicsSection } from './topics/topics-section.tsx';
import { QuickRepliesSection } from './quick-replies/quick-replies-section.tsx';
import { AuditLog } from './audit/audit-log.tsx';
import { UsersSection } from './users/users-section.tsx';

/** Administration: for now the tenant's queues, highest priority first. */
export function AdminPage() {
  const { t, locale } = useI18n();
  const { queues, failed, reload } = useQueues();
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(INTL_LOCALE[locale]);
    return [...(queues ?? [])].sort((a, b) => b.priority - a.priority || collator.compare(a.name, b.name));
  }, [queues, locale]);

  return (
    <div className="admin">
      <p className="page-subtitle">{t('admin.subtitle')}</p>
      <section className="card card--flush" aria-labelledby="queues-title">
        <div className="card__header card__header--padded">
          <div>
            <h2 id="queues-title" className="card__title">
              {t('admin.queues')}
            </h2>
            <p className="card__hint">{t('admin.queues.hint')}</p>
          </div>
          {queues && <span className="count-badge">{formatNumber(queues.length, locale)}</span>}
        </div>
        {failed ? (
          <LoadFailed onRetry={reload} />
        ) : !queues ? (
          <div className="skeleton-list" aria-busy="true" aria-label={t('app.loading')}>
            <div className="skeleton" />
            <div className="skeleton" />
          </div>
        ) : sorted.length === 0 ? (
          <EmptyState icon={<ListIcon size={28} />} title={t('admin.queues.empty')} />
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.col.name')}</th>
                <th scope="col" className="num">
                  {t('admin.col.priority')}
                </th>
                <th scope="col" className="hide-narrow">
                  {t('admin.col.id')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((queue) => (
                <tr key={queue.queueId}>
                  <th scope="row">{queue.name}</th>
                  <td className="num">
                    <span className="priority">{formatNumber(queue.priority, locale)}</span>
                  </td>
                  <td className="hide-narrow">
                    <code className="mono">{queue.queueId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <UsersSection />
      <TopicsSection />
      <QuickRepliesSection />
      <AuditLog />
    </div>
  );
}
