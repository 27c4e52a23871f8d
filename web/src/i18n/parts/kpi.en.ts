import type { kpiRu } from './kpi.ru.ts';

/** The wallboard's KPI tiles in English. */
export const kpiEn: Record<keyof typeof kpiRu, string> = {
  'kpi.title': 'Today’s figures',
  'kpi.hint': 'Since the start of the day in the company’s time zone; updated with every event.',
  'kpi.company': 'Whole company',
  'kpi.byQueue': 'By queue',
  'kpi.queue': 'Queue',
};
