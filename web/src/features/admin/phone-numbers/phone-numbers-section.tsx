import { useState } from 'react';
import type { ApiClient, PhoneNumberView } from '../../../api/client.ts';
import { EmptyState, LoadFailed } from '../../../components/empty-state.tsx';
import { ListIcon } from '../../../components/icons.tsx';
import { formatPhone } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { useQueues } from '../../queues/use-queues.ts';
import { useLoaded } from '../../workspace/wrap-up/use-topics.ts';
import { SectionHeader } from '../topics/section-header.tsx';
import { FlowEditor } from './flow-editor.tsx';
import './phone-numbers.css';

const listNumbers = (api: ApiClient) => api.listPhoneNumbers();

/** Administration › Numbers and voice menu: the tenant's numbers, and the call flow editor of the one picked. */
export function PhoneNumbersSection() {
  const { t, locale } = useI18n();
  const { value: numbers, failed, reload } = useLoaded(listNumbers);
  const { queues } = useQueues();
  const [pickedId, setPickedId] = useState<string | undefined>();
  const picked = numbers?.find((n) => n.id === pickedId);
  const queueName = (id: string | undefined) => (id && queues?.find((q) => q.queueId === id)?.name) || id || '—';

  return (
    <section className="card admin-section" aria-labelledby="ivr-title" data-testid="admin-ivr">
      <SectionHeader id="ivr-title" title={t('ivr.title')} hint={t('ivr.hint')} />
      {failed ? (
        <LoadFailed onRetry={reload} />
      ) : !numbers || !queues ? (
        <div className="skeleton" role="status" aria-busy="true" aria-label={t('app.loading')} />
      ) : picked ? (
        <FlowEditor key={picked.id} phone={picked} queues={queues} onSaved={reload} onBack={() => setPickedId(undefined)} />
      ) : numbers.length === 0 ? (
        <EmptyState icon={<ListIcon size={28} />} title={t('ivr.empty')} />
      ) : (
        <table className="data-table phone-numbers">
          <thead>
            <tr>
              <th scope="col">{t('ivr.col.number')}</th>
              <th scope="col" className="hide-narrow">{t('ivr.col.queue')}</th>
              <th scope="col" className="hide-narrow">{t('ivr.col.flow')}</th>
              <th scope="col"><span className="visually-hidden">{t('ivr.edit')}</span></th>
            </tr>
          </thead>
          <tbody>
            {numbers.map((phone: PhoneNumberView) => (
              <tr key={phone.id}>
                <th scope="row">
                  <span className="phone-numbers__e164">{formatPhone(phone.e164, locale)}</span>
                  <span className="phone-numbers__name">{phone.name}</span>
                  {/* On a phone the flow column folds in here, so the row fits 375 px beside its button. */}
                  <span className="phone-numbers__name phone-numbers__flow-narrow">{t(phone.flowConfigured ? 'ivr.flow.configured' : 'ivr.flow.default')}</span>
                </th>
                <td className="hide-narrow">{queueName(phone.defaultQueueId)}</td>
                <td className="hide-narrow">{t(phone.flowConfigured ? 'ivr.flow.configured' : 'ivr.flow.default')}</td>
                <td className="phone-numbers__action">
                  <button type="button" className="button button--subtle button--small" onClick={() => setPickedId(phone.id)}>
                    {t('ivr.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
