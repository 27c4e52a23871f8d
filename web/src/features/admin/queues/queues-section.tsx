import { useEffect, useMemo, useState } from 'react';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { useToast } from '../../../components/toast.tsx';
import { formatNumber, formatPercent, formatStatusDuration } from '../../../i18n/format.ts';
import { INTL_LOCALE } from '../../../i18n/messages.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { useQueues } from '../../queues/use-queues.ts';
import { AdminList } from '../admin-list.tsx';
import { QueueForm } from './queue-form.tsx';
import './queues.css';

type Open = { kind: 'create' } | { kind: 'edit'; queue: TenantQueue };

/** Administration › Queues: every queue, highest priority first, with its service level and hours; create and edit. */
export function QueuesSection() {
  const { t, locale } = useI18n();
  const notify = useToast();
  const { queues: loaded, failed, reload } = useQueues();
  const [queues, setQueues] = useState<TenantQueue[] | undefined>();
  const [open, setOpen] = useState<Open | undefined>();
  useEffect(() => setQueues(loaded), [loaded]);

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(INTL_LOCALE[locale]);
    return [...(queues ?? [])].sort((a, b) => b.priority - a.priority || collator.compare(a.name, b.name));
  }, [queues, locale]);

  const saved = (queue: TenantQueue, created: boolean) => {
    setQueues((list) => [...(list ?? []).filter((q) => q.queueId !== queue.queueId), queue]);
    setOpen(undefined);
    notify(t(created ? 'admin.queues.saved.created' : 'admin.queues.saved.updated', { name: queue.name }), 'info');
  };

  return (
    <>
      <AdminList
        id="queues-title"
        title={t('admin.queues')}
        hint={t('admin.queues.hint')}
        items={queues}
        failed={failed}
        onRetry={reload}
        empty={t('admin.queues.empty')}
        add={{ label: t('admin.queues.add'), onClick: () => setOpen({ kind: 'create' }), disabled: !queues }}
      >
        <table className="data-table queues-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.col.name')}</th>
              <th scope="col" className="num">
                {t('admin.col.priority')}
              </th>
              <th scope="col">{t('admin.queues.col.serviceLevel')}</th>
              <th scope="col">{t('admin.queues.col.hours')}</th>
              <th scope="col" className="num">
                <span className="visually-hidden">{t('admin.users.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((queue) => (
              <tr key={queue.queueId} className="queue-row" data-queue={queue.queueId}>
                <th scope="row">
                  {queue.name}
                  <code className="mono queue-row__id">{queue.queueId}</code>
                </th>
                <td className="num">
                  <span className="priority">{formatNumber(queue.priority, locale)}</span>
                </td>
                <td>
                  {t('admin.queues.serviceLevel.value', {
                    percent: formatPercent(queue.serviceLevel.targetPercent, locale),
                    seconds: formatStatusDuration(queue.serviceLevel.thresholdSeconds * 1000, locale),
                  })}
                </td>
                <td>{queue.businessHours ? t('admin.queues.hours.scheduled', { zone: queue.timeZone }) : t('admin.queues.hours.always')}</td>
                <td className="num">
                  <button type="button" className="button button--subtle" onClick={() => setOpen({ kind: 'edit', queue })} aria-label={`${t('admin.queues.edit')}: ${queue.name}`}>
                    {t('admin.queues.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminList>
      {queues && open && <QueueForm queues={queues} queue={open.kind === 'edit' ? open.queue : undefined} onSaved={(queue) => saved(queue, open.kind === 'create')} onClose={() => setOpen(undefined)} />}
    </>
  );
}
