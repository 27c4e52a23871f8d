/** The wallboard's KPI tiles in Russian, the source of their keys. */
export const kpiRu = {
  'kpi.title': 'Показатели за сегодня',
  'kpi.hint': 'С начала дня по часовому поясу компании; обновляются с каждым событием.',
  'kpi.company': 'Вся компания',
  'kpi.byQueue': 'По очередям',
  'kpi.queue': 'Очередь',
} as const;
