import { useCallback, useEffect, useState } from 'react';
import type { Agent } from '@cc/shared/agents/model';
import { hasRole } from '@cc/shared/auth/values';
import { addDays, datesBetween, localDate } from '@cc/shared/calendar/values';
import { AGENT_REPORT_MAX_DAYS, type AgentQualityReport } from '@cc/shared/qa/values';
import { ProblemError } from '../../api/errors.ts';
import { LoadFailed } from '../../components/empty-state.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi, useSession } from '../auth/session.tsx';
import { hashFor } from '../shell/routes.ts';
import { useRouteId } from '../shell/use-hash-route.ts';
import { CategoriesChart, PhrasesTable, ReportTiles, ScoresChart } from './agent-report-charts.tsx';
import './agent-report.css';

/** The default period: the last 30 local days, today included. */
const DEFAULT_DAYS = 30;

/**
 * «Отчёт по оператору» (`#/agent-report/<agentId>`): one agent's quality over a period beside the team's, printable.
 * An agent always sees their own (another id in the hash is replaced by theirs); a supervisor picks the agent.
 */
export function AgentReportPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { session } = useSession();
  const user = session!.user;
  const supervisor = hasRole(user.roles, 'supervisor');
  const named = useRouteId('agent-report');
  const agentId = supervisor ? named : user.userId;
  const [timeZone, setTimeZone] = useState<string | undefined>();
  const [dates, setDates] = useState<{ from: string; to: string } | undefined>();
  const [agents, setAgents] = useState<Agent[]>([]);
  const [report, setReport] = useState<AgentQualityReport | undefined>();
  const [failed, setFailed] = useState<'load' | 'forbidden' | undefined>();

  useEffect(() => {
    if (!supervisor && named !== user.userId) history.replaceState(null, '', hashFor('agent-report', user.userId));
  }, [supervisor, named, user.userId]);

  useEffect(() => {
    let live = true;
    api.metricCatalog().then((catalog) => {
      if (!live) return;
      const today = localDate(new Date(), catalog.timeZone);
      setTimeZone(catalog.timeZone);
      setDates({ from: addDays(today, 1 - DEFAULT_DAYS), to: today });
    }, () => live && setFailed('load'));
    if (supervisor) api.listAgents().then((list) => live && setAgents([...list].sort((a, b) => a.name.localeCompare(b.name))), () => undefined);
    return () => {
      live = false;
    };
  }, [api, supervisor]);

  const tooLong = dates !== undefined && (dates.from > dates.to || datesBetween(dates.from, dates.to).length > AGENT_REPORT_MAX_DAYS);
  const load = useCallback(async () => {
    if (!agentId || !dates || tooLong) return;
    setFailed(undefined);
    setReport(undefined);
    try {
      setReport(await api.agentQualityReport(agentId, dates));
    } catch (error) {
      setFailed(error instanceof ProblemError && (error.status === 403 || error.status === 404) ? 'forbidden' : 'load');
    }
  }, [api, agentId, dates, tooLong]);
  useEffect(() => void load(), [load]);

  const agentName = agentId === user.userId ? user.name : agents.find((a) => a.agentId === agentId)?.name ?? agentId;
  const choose = (id: string) => {
    window.location.hash = hashFor('agent-report', id);
  };

  return (
    <section className="card agent-report" aria-labelledby="agent-report-title">
      <div className="card__header card__header--padded agent-report__header">
        <div>
          <h1 id="agent-report-title" className="card__title">{agentName ? t('agentReport.titleOf', { agent: agentName }) : t('agentReport.title')}</h1>
          {timeZone && <p className="card__hint">{t('agentReport.hint', { zone: timeZone })}</p>}
          {dates && <p className="agent-report__period">{t('agentReport.period', { from: formatDate(`${dates.from}T12:00:00Z`, locale, 'UTC'), to: formatDate(`${dates.to}T12:00:00Z`, locale, 'UTC') })}</p>}
        </div>
        <button type="button" className="button agent-report__print" onClick={() => window.print()} disabled={!report}>{t('agentReport.print')}</button>
      </div>
      {dates && (
        <form className="agent-report__controls" onSubmit={(event) => event.preventDefault()}>
          {supervisor && (
            <label className="field">
              <span className="field__label">{t('agentReport.agent')}</span>
              <select className="input" value={agentId ?? ''} onChange={(e) => e.target.value && choose(e.target.value)}>
                <option value="" disabled>{t('agentReport.chooseAgent')}</option>
                {agentId && !agents.some((a) => a.agentId === agentId) && <option value={agentId}>{agentName}</option>}
                {agents.map((a) => <option key={a.agentId} value={a.agentId}>{a.name}</option>)}
              </select>
            </label>
          )}
          <label className="field">
            <span className="field__label">{t('agentReport.from')}</span>
            <input className="input" type="date" lang={locale} value={dates.from} max={dates.to} onChange={(e) => e.target.value && setDates({ ...dates, from: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">{t('agentReport.to')}</span>
            <input className="input" type="date" lang={locale} value={dates.to} min={dates.from} onChange={(e) => e.target.value && setDates({ ...dates, to: e.target.value })} />
          </label>
        </form>
      )}
      {tooLong && <p role="alert" className="agent-report__error">{t('agentReport.maxDays', { days: String(AGENT_REPORT_MAX_DAYS) })}</p>}
      {supervisor && !agentId && <p className="agent-report__note">{t('agentReport.pickHint')}</p>}
      {failed === 'load' && <LoadFailed onRetry={() => void load()} />}
      {failed === 'forbidden' && <p role="alert" className="agent-report__error">{t('agentReport.forbidden')}</p>}
      {!failed && agentId && dates && !tooLong && !report && <p className="agent-report__note" role="status">{t('agentReport.loading')}</p>}
      {report && report.agentId === agentId && (
        <div className="agent-report__body" data-agent={report.agentId}>
          <ReportTiles report={report} />
          <div className="agent-report__charts">
            <ScoresChart report={report} />
            <CategoriesChart report={report} />
          </div>
          <PhrasesTable report={report} />
        </div>
      )}
    </section>
  );
}
