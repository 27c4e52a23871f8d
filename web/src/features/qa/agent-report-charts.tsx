import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AgentQualityReport, SurveyFigures } from '@cc/shared/qa/values';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { bucketLabel } from '../reports/report-charts.tsx';

/** The agent and the team, in the reports' colour-blind-safe palette (Okabe–Ito). */
const AGENT_COLOUR = '#0072B2';
const TEAM_COLOUR = '#7F7F7F';

const numberOr = (value: number | null, locale: Locale, none: string) => (value === null ? none : formatNumber(value, locale));

/** The period's headline figures: score, conversations, CSI, NPS and the response rate, each beside the team's where it has one. */
export function ReportTiles({ report }: { report: AgentQualityReport }) {
  const { t, locale } = useI18n();
  const none = t('agentReport.noData');
  const { totals, surveys } = report;
  const team = (figure: keyof Pick<SurveyFigures, 'csat' | 'nps'>) => t('agentReport.tile.team', { value: numberOr(surveys.team[figure], locale, none) });
  const rate = (value: number | null) => (value === null ? none : formatPercent(value, locale));
  const tiles = [
    { id: 'score', label: t('agentReport.tile.score'), value: numberOr(totals.averageScore, locale, none), note: t('agentReport.tile.evaluations', { count: formatNumber(totals.evaluations, locale) }) },
    { id: 'conversations', label: t('agentReport.tile.conversations'), value: formatNumber(totals.conversations, locale), note: t('agentReport.tile.flagged', { count: formatNumber(totals.flaggedConversations, locale) }) },
    { id: 'csat', label: t('agentReport.tile.csat'), value: numberOr(surveys.agent.csat, locale, none), note: team('csat') },
    { id: 'nps', label: t('agentReport.tile.nps'), value: numberOr(surveys.agent.nps, locale, none), note: `${team('nps')} · ${t('agentReport.tile.answers', { count: formatNumber(surveys.agent.npsAnswers, locale) })}` },
    { id: 'response-rate', label: t('agentReport.tile.responseRate'), value: rate(surveys.agent.responseRate), note: t('agentReport.tile.team', { value: rate(surveys.team.responseRate) }) },
  ];
  return (
    <ul className="agent-report__tiles">
      {tiles.map((tile) => (
        <li key={tile.id} className="agent-report__tile" data-tile={tile.id}>
          <span className="agent-report__tile-label">{tile.label}</span>
          <strong className="agent-report__tile-value">{tile.value}</strong>
          <span className="agent-report__tile-note">{tile.note}</span>
        </li>
      ))}
    </ul>
  );
}

/** The day's average score over the period; days without an evaluation break the line rather than drop it to zero. */
export function ScoresChart({ report }: { report: AgentQualityReport }) {
  const { t, locale } = useI18n();
  const data = report.scores.map((point) => ({ label: bucketLabel(`${point.date}T00:00:00`, 'day', locale, true), average: point.average, evaluations: point.evaluations }));
  const scored = report.scores.some((point) => point.average !== null);
  return (
    <figure className="agent-report__chart" aria-labelledby="agent-report-scores-title">
      <figcaption id="agent-report-scores-title" className="agent-report__chart-title">{t('agentReport.scores.title')}</figcaption>
      {!scored && <p className="agent-report__empty">{t('agentReport.scores.empty')}</p>}
      {scored && (
        <div className="agent-report__canvas" data-testid="scores-chart">
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} width={40} />
              <Tooltip formatter={(value) => (typeof value === 'number' ? formatNumber(value, locale) : String(value))} />
              <Line type="linear" dataKey="average" name={t('agentReport.scores.series')} stroke={AGENT_COLOUR} strokeWidth={2} dot connectNulls={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

/** Each category's conversations per 100, the agent's bar beside the team's, with the same figures as a table. */
export function CategoriesChart({ report }: { report: AgentQualityReport }) {
  const { t, locale } = useI18n();
  const data = report.categories.map((rate) => ({ ...rate, name: t(`qa.category.${rate.category}`) }));
  const format = (value: unknown) => (typeof value === 'number' ? formatNumber(value, locale) : String(value));
  return (
    <figure className="agent-report__chart" aria-labelledby="agent-report-categories-title">
      <figcaption id="agent-report-categories-title" className="agent-report__chart-title">{t('agentReport.categories.title')}</figcaption>
      {data.length === 0 && <p className="agent-report__empty">{t('agentReport.categories.empty')}</p>}
      {data.length > 0 && (
        <>
          <div className="agent-report__canvas" data-testid="categories-chart">
            <ResponsiveContainer width="100%" height={Math.max(160, 48 * data.length + 56)}>
              <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" horizontal={false} />
                <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={format} />
                <YAxis type="category" dataKey="name" tick={{ fontSize: 12 }} width={150} />
                <Tooltip formatter={format} />
                {/* The bars' order (agent, then team), not the legend's default alphabetical one. */}
                <Legend itemSorter={null} />
                <Bar dataKey="agent" name={t('agentReport.categories.agent')} fill={AGENT_COLOUR} isAnimationActive={false} />
                <Bar dataKey="team" name={t('agentReport.categories.team')} fill={TEAM_COLOUR} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="data-table agent-report__table" aria-label={t('agentReport.categories.table')}>
            <thead>
              <tr><th scope="col">{t('agentReport.categories.category')}</th><th scope="col">{t('agentReport.categories.agent')}</th><th scope="col">{t('agentReport.categories.team')}</th></tr>
            </thead>
            <tbody>
              {data.map((row) => (
                <tr key={row.category} data-category={row.category}><th scope="row">{row.name}</th><td>{format(row.agent)}</td><td>{format(row.team)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}

/** The agent's most said problem phrases. */
export function PhrasesTable({ report }: { report: AgentQualityReport }) {
  const { t, locale } = useI18n();
  return (
    <section className="agent-report__chart" aria-labelledby="agent-report-phrases-title">
      <h2 id="agent-report-phrases-title" className="agent-report__chart-title">{t('agentReport.phrases.title')}</h2>
      {report.phrases.length === 0 && <p className="agent-report__empty">{t('agentReport.phrases.empty')}</p>}
      {report.phrases.length > 0 && (
        <table className="data-table agent-report__table" data-testid="phrases-table">
          <thead>
            <tr>
              <th scope="col">{t('agentReport.phrases.phrase')}</th>
              <th scope="col">{t('agentReport.phrases.category')}</th>
              <th scope="col">{t('agentReport.phrases.count')}</th>
              <th scope="col">{t('agentReport.phrases.conversations')}</th>
            </tr>
          </thead>
          <tbody>
            {report.phrases.map((phrase) => (
              <tr key={`${phrase.category}|${phrase.text}`}>
                <th scope="row">{phrase.text}</th>
                <td>{t(`qa.category.${phrase.category}`)}</td>
                <td>{formatNumber(phrase.count, locale)}</td>
                <td>{formatNumber(phrase.conversations, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
