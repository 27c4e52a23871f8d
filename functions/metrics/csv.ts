/** A report page as CSV: a header row of localized column names, then one line per row; no data is an empty cell. */
import { metricById } from '@cc/shared/metrics/catalog/index';
import type { GroupBy } from '@cc/shared/metrics/values';
import type { ReportPage } from '@cc/shared/metrics/report';

const GROUP_COLUMNS: Record<Exclude<GroupBy, 'tenant'>, { field: 'queueId' | 'agentId' | 'channel'; ru: string; en: string }> = {
  queue: { field: 'queueId', ru: 'Очередь', en: 'Queue' },
  agent: { field: 'agentId', ru: 'Оператор', en: 'Agent' },
  channel: { field: 'channel', ru: 'Канал', en: 'Channel' },
};
const INTERVAL_COLUMN = { ru: 'Начало интервала', en: 'Interval start' };

/** Quotes a cell when it holds a separator, a quote or a line break (RFC 4180); a leading formula sign is defused. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) && Number.isNaN(Number(value)) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const number = (value: number | null) => (value === null ? '' : String(Math.round(value * 100) / 100));

export function reportCsv(page: ReportPage, lang: 'ru' | 'en'): string {
  const group = page.groupBy === 'tenant' ? undefined : GROUP_COLUMNS[page.groupBy];
  const header = [...(group ? [group[lang]] : []), INTERVAL_COLUMN[lang], ...page.metrics.map((id) => metricById(id)?.name[lang] ?? id)];
  const lines = page.rows.map((row) => [...(group ? [row.group[group.field] ?? ''] : []), row.intervalStart, ...page.metrics.map((id) => number(row.values[id] ?? null))]);
  return [header, ...lines].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}
