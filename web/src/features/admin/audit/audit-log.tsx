import { useCallback, useEffect, useState } from 'react';
import { AUDIT_TARGETS, type AuditEntry, type AuditTarget } from '@cc/shared/audit/values';
import { EmptyState, LoadFailed } from '../../../components/empty-state.tsx';
import { ListIcon } from '../../../components/icons.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { auditChangeText } from './audit-phrase.ts';
import './audit.css';

const PAGE = 30;

/** The value of one field, short enough for a table cell; objects as compact JSON. */
function shown(value: unknown, none: string): string {
  if (value === undefined || value === null || value === '') return none;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const fieldOf = (record: unknown, name: string): unknown => (record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[name] : undefined);

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  if (entry.changed.length === 0) return null;
  return (
    <details className="audit__details">
      <summary>{t('audit.details')}</summary>
      <dl className="audit__diff">
        {entry.changed.map((name) => (
          <div key={name} className="audit__diff-row">
            <dt><code className="mono">{name}</code></dt>
            <dd>
              <span className="audit__before" aria-label={t('audit.before')}>{shown(fieldOf(entry.before, name), t('audit.nothing'))}</span>
              <span aria-hidden="true"> → </span>
              <span className="audit__after" aria-label={t('audit.after')}>{shown(fieldOf(entry.after, name), t('audit.nothing'))}</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** What changed, as a neutral sentence around the record's id (see `auditChangeText`). */
function AuditChange({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const { beforeId, afterId } = auditChangeText(t, entry);
  return (
    <span className="audit__change">
      {beforeId && `${beforeId} `}
      <code className="mono">{entry.targetId}</code>
      {afterId && ` ${afterId}`}
    </span>
  );
}

/** Administration: the tenant's change log, newest first, filterable by what changed, paged on demand. */
export function AuditLog() {
  const { t, locale } = useI18n();
  const api = useApi();
  const [target, setTarget] = useState<AuditTarget | ''>('');
  const [entries, setEntries] = useState<AuditEntry[] | undefined>();
  const [cursor, setCursor] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(
    async (from?: string) => {
      setFailed(false);
      try {
        const page = await api.auditLog({ limit: PAGE, cursor: from, target: target || undefined });
        setEntries((shownSoFar) => (from ? [...(shownSoFar ?? []), ...page.entries] : page.entries));
        setCursor(page.cursor);
      } catch {
        setFailed(true);
      }
    },
    [api, target],
  );

  useEffect(() => {
    setEntries(undefined);
    void load();
  }, [load]);

  const more = async () => {
    setLoadingMore(true);
    await load(cursor);
    setLoadingMore(false);
  };

  return (
    <section className="card card--flush audit" aria-labelledby="audit-title">
      <div className="card__header card__header--padded">
        <div>
          <h2 id="audit-title" className="card__title">{t('audit.title')}</h2>
          <p className="card__hint">{t('audit.hint')}</p>
        </div>
        <label className="field audit__filter">
          <span className="field__label">{t('audit.filter')}</span>
          <select className="input" value={target} onChange={(event) => setTarget(event.target.value as AuditTarget | '')}>
            <option value="">{t('audit.filter.all')}</option>
            {AUDIT_TARGETS.map((name) => (
              <option key={name} value={name}>{t(`audit.target.${name}`)}</option>
            ))}
          </select>
        </label>
      </div>
      {failed && !entries ? (
        <LoadFailed onRetry={() => void load()} />
      ) : !entries ? (
        <div className="skeleton-list" role="status" aria-busy="true" aria-label={t('app.loading')}>
          <div className="skeleton" />
          <div className="skeleton" />
        </div>
      ) : entries.length === 0 ? (
        <EmptyState icon={<ListIcon size={28} />} title={t('audit.empty')} />
      ) : (
        <>
          <table className="data-table audit__table">
            <thead>
              <tr>
                <th scope="col">{t('audit.col.at')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.entryId}>
                  <td className="audit__at">
                    <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                  </td>
                  <td>
                    <span className="audit__actor">{entry.actor.name}</span>
                    <span className="audit__login">{entry.actor.login}</span>
                  </td>
                  <td>
                    <AuditChange entry={entry} />
                    <EntryDetails entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {failed && <LoadFailed onRetry={() => void more()} />}
          {cursor && !failed && (
            <div className="audit__more">
              <button type="button" className="button button--subtle" disabled={loadingMore} onClick={() => void more()}>
                {t('audit.more')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
