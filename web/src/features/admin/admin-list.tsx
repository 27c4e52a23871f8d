import type { ReactNode } from 'react';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { ListIcon } from '../../components/icons.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { SectionHeader } from './topics/section-header.tsx';

/**
 * One admin list as a card: its title, hint, count and add button, then the list itself once loaded, or
 * the loading skeleton, the retry after a failed load, or the empty state.
 */
export function AdminList({ id, title, hint, items, failed, onRetry, empty, add, children }: {
  id: string;
  title: string;
  hint: string;
  items: readonly unknown[] | undefined;
  failed: boolean;
  onRetry(): void;
  empty: string;
  add: { label: string; onClick(): void; disabled?: boolean };
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="card card--flush" aria-labelledby={id}>
      <SectionHeader id={id} title={title} hint={hint} padded>
        {items && <span className="count-badge">{formatNumber(items.length, locale)}</span>}
        <button type="button" className="button button--primary" onClick={add.onClick} disabled={add.disabled}>
          {add.label}
        </button>
      </SectionHeader>
      {failed ? (
        <LoadFailed onRetry={onRetry} />
      ) : !items ? (
        <div className="skeleton-list" role="status" aria-busy="true" aria-label={t('app.loading')}>
          <div className="skeleton" />
          <div className="skeleton" />
        </div>
      ) : items.length === 0 ? (
        <EmptyState icon={<ListIcon size={28} />} title={empty} />
      ) : (
        children
      )}
    </section>
  );
}
