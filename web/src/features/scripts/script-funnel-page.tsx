import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FunnelComparison, FunnelView } from '@cc/shared/scripts/funnel';
import type { ScriptVersionSummary } from '@cc/shared/scripts/ports';
import { LoadFailed } from '../../components/empty-state.tsx';
import { formatDateTime, formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { hashFor } from '../shell/routes.ts';

type Loaded = { funnel: FunnelView; comparison?: FunnelComparison | undefined };

/**
 * A script's stage analysis (`#/scripts/<id>/funnel`): how many conversations reached each stage and where they were
 * lost (the stage losing most is marked), how each path ended, and a second version beside it stage by stage.
 */
export function ScriptFunnelPage({ scriptId }: { scriptId: string }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [versions, setVersions] = useState<ScriptVersionSummary[]>();
  const [version, setVersion] = useState<number | undefined>();
  const [compare, setCompare] = useState<number | undefined>();
  const [loaded, setLoaded] = useState<Loaded>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setFailed(false);
    Promise.all([api.scriptVersions(scriptId), api.scriptFunnel(scriptId, { ...(version !== undefined && { version }), ...(compare !== undefined && { compare }) })]).then(
      ([list, result]) => { if (live) { setVersions(list); setLoaded(result); } },
      () => live && setFailed(true),
    );
    return () => void (live = false);
  }, [api, scriptId, version, compare, attempt]);

  if (failed) return <LoadFailed onRetry={() => setAttempt((n) => n + 1)} />;
  if (!loaded || !versions) return null;
  const { funnel, comparison } = loaded;
  const percent = (value: number | null) => (value === null ? '—' : formatPercent(value, locale));
  const chart = funnel.stages.filter((s) => s.kind !== 'outcome').map((s) => ({ name: s.title, reached: s.reached, dropped: s.dropped }));
  const name = versions.find((v) => v.version === funnel.version)?.name ?? scriptId;
  const versionLabel = (v: ScriptVersionSummary) => t('scripts.funnelPage.versionOption', { version: v.version, at: formatDateTime(v.savedAt, locale) });

  return (
    <div className="qa-page" data-testid="script-funnel">
      <section className="card" aria-labelledby="funnel-title">
        <div className="card__header card__header--padded">
          <h1 id="funnel-title" className="card__title">{t('scripts.funnelPage.title', { name })}</h1>
          <div className="admin-list__actions">
            <a className="button button--subtle button--small" href={hashFor('scripts', scriptId)}>{t('scripts.edit')}</a>
            <a className="button button--subtle button--small" href={hashFor('scripts')}>{t('scripts.back')}</a>
          </div>
        </div>
        <div className="script-editor__meta">
          <label className="field">
            <span className="field__label">{t('scripts.funnelPage.version')}</span>
            <select className="input" value={funnel.version} onChange={(e) => setVersion(Number(e.target.value))}>
              {versions.map((v) => <option key={v.version} value={v.version}>{versionLabel(v)}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('scripts.funnelPage.compare')}</span>
            <select className="input" value={compare ?? ''} onChange={(e) => setCompare(e.target.value ? Number(e.target.value) : undefined)}>
              <option value="">{t('scripts.funnelPage.noCompare')}</option>
              {versions.filter((v) => v.version !== funnel.version).map((v) => <option key={v.version} value={v.version}>{versionLabel(v)}</option>)}
            </select>
          </label>
        </div>
        <dl className="funnel-totals" aria-label={t('scripts.funnelPage.totals')}>
          {(['started', 'completed', 'dropped', 'active'] as const).map((key) => (
            <div key={key} data-total={key}><dt>{t(`scripts.funnelPage.${key}`)}</dt><dd className="tabular">{formatNumber(funnel[key], locale)}</dd></div>
          ))}
        </dl>
        {funnel.started === 0 ? <p className="card__hint">{t('scripts.funnelPage.noRuns')}</p> : (
          <figure className="funnel-chart" aria-label={t('scripts.funnelPage.chart')}>
            <ResponsiveContainer width="100%" height={Math.max(180, chart.length * 44)}>
              <BarChart data={chart} layout="vertical" margin={{ left: 16, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={170} />
                <Tooltip />
                <Legend />
                <Bar dataKey="reached" name={t('scripts.funnelPage.reached')} fill="#4f46e5" />
                <Bar dataKey="dropped" name={t('scripts.funnelPage.droppedHere')} fill="#dc2626" />
              </BarChart>
            </ResponsiveContainer>
          </figure>
        )}
        <table className="data-table funnel-table">
          <caption className="visually-hidden">{t('scripts.funnelPage.stages')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scripts.funnelPage.stage')}</th>
              <th scope="col">{t('scripts.funnelPage.reached')}</th>
              <th scope="col">{t('scripts.funnelPage.droppedHere')}</th>
              <th scope="col">{t('scripts.funnelPage.answers')}</th>
            </tr>
          </thead>
          <tbody>
            {funnel.stages.map((s) => (
              <tr key={s.stepId} data-stage={s.stepId} data-weakest={s.stepId === funnel.weakest || undefined}>
                <th scope="row">{s.title}{s.stepId === funnel.weakest && <span className="funnel-table__weakest"> · {t('scripts.funnelPage.weakest')}</span>}</th>
                <td className="tabular" data-cell="reached">{formatNumber(s.reached, locale)} ({percent(s.reachedShare)})</td>
                <td className="tabular" data-cell="dropped">{formatNumber(s.dropped, locale)} ({percent(s.dropShare)})</td>
                <td>{s.answers.map((a) => `${a.label}: ${formatNumber(a.taken, locale)}`).join(' · ') || (s.outcome ? s.outcome.label : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="outcomes-title">
        <h2 id="outcomes-title" className="card__title">{t('scripts.funnelPage.outcomes')}</h2>
        <ul className="funnel-outcomes">
          {funnel.outcomes.map((o) => <li key={o.id} data-outcome={o.id} className={o.success ? 'is-good' : 'is-bad'}><strong>{o.label}</strong> <span className="tabular">{formatNumber(o.runs, locale)} ({percent(o.share)})</span></li>)}
        </ul>
        <h3 className="funnel-subtitle">{t('scripts.funnelPage.paths')}</h3>
        {funnel.paths.length === 0 ? <p className="card__hint">{t('scripts.funnelPage.noRuns')}</p> : (
          <ol className="funnel-paths">
            {funnel.paths.map((p) => (
              <li key={p.steps.map((s) => s.stepId).join('>') + (p.outcome?.id ?? '~')}>
                <span>{p.steps.map((s) => s.title).join(' → ')}</span>{' '}
                <strong className={p.outcome ? (p.outcome.success ? 'is-good' : 'is-bad') : 'is-bad'}>{p.outcome ? p.outcome.label : t('scripts.funnelPage.droppedPath')}</strong>{' '}
                <span className="tabular">{formatNumber(p.runs, locale)} ({percent(p.share)})</span>
              </li>
            ))}
          </ol>
        )}
        {funnel.otherRuns > 0 && <p className="card__hint">{t('scripts.funnelPage.otherRuns', { count: funnel.otherRuns })}</p>}
      </section>

      {comparison && (
        <section className="card" aria-labelledby="compare-title">
          <h2 id="compare-title" className="card__title">{t('scripts.funnelPage.compareTitle', { before: comparison.before.version, after: comparison.after.version })}</h2>
          <table className="data-table funnel-table" data-testid="funnel-comparison">
            <thead>
              <tr>
                <th scope="col">{t('scripts.funnelPage.stage')}</th>
                <th scope="col">{t('scripts.funnelPage.reachedIn', { version: comparison.before.version })}</th>
                <th scope="col">{t('scripts.funnelPage.reachedIn', { version: comparison.after.version })}</th>
                <th scope="col">{t('scripts.funnelPage.dropIn', { version: comparison.before.version })}</th>
                <th scope="col">{t('scripts.funnelPage.dropIn', { version: comparison.after.version })}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.stages.map((s) => (
                <tr key={s.stepId} data-stage={s.stepId}>
                  <th scope="row">{s.title}</th>
                  <td className="tabular">{s.before ? percent(s.before.reachedShare) : '—'}</td>
                  <td className="tabular">{s.after ? percent(s.after.reachedShare) : '—'}</td>
                  <td className="tabular">{s.before ? percent(s.before.dropShare) : '—'}</td>
                  <td className="tabular">{s.after ? percent(s.after.dropShare) : '—'}{s.dropChange !== null && s.dropChange !== 0 && <span className={s.dropChange < 0 ? 'is-good' : 'is-bad'}> ({s.dropChange > 0 ? '+' : ''}{formatNumber(s.dropChange, locale)})</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
