import type { ReactNode } from 'react';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { useI18n } from '../../i18n/provider.tsx';

/**
 * The frame of a supervisor's live list (calls, chats): heading, then while loading a skeleton, on failure a retry,
 * with nothing live an empty state, else the table under `columns`; `after` sits under the table (an opened chat).
 */
export function LiveBoard(props: {
  id: string;
  testId: string;
  className: string;
  title: string;
  meta?: string | undefined;
  loaded: boolean;
  failed: boolean;
  onRetry(): void;
  empty: { icon: ReactNode; title: string } | undefined;
  columns: readonly string[];
  children: ReactNode;
  after?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className={props.className} aria-labelledby={props.id} data-testid={props.testId}>
      <div className="section-head">
        <h2 id={props.id} className="section-head__title">
          {props.title}
        </h2>
        {props.meta && <p className="section-head__meta">{props.meta}</p>}
      </div>
      <section className="card card--flush">
        {!props.loaded ? (
          props.failed ? (
            <LoadFailed onRetry={props.onRetry} />
          ) : (
            <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />
          )
        ) : props.empty ? (
          <EmptyState icon={props.empty.icon} title={props.empty.title} />
        ) : (
          <table className="agents-table live-calls__table">
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{props.children}</tbody>
          </table>
        )}
        {props.after}
      </section>
    </section>
  );
}
