/** Metrics of agents' time: presence by status, breaks by reason, occupancy and utilisation. */
import { BREAK_REASONS, type BreakReason } from '../../agents/values.ts';
import { breakMeasure } from '../values.ts';
import { DIMS, metric, type IntervalMetric, type Localized } from './types.ts';

const { AGENT } = DIMS;
const WORKING = ['busySeconds', 'afterContactWorkSeconds'] as const;
const READY = ['availableSeconds', ...WORKING] as const;
const STAFFED = [...READY, 'breakSeconds'] as const;

const BREAK_NAMES: Record<BreakReason, Localized> = {
  lunch: { ru: 'обед', en: 'lunch' },
  training: { ru: 'обучение', en: 'training' },
  meeting: { ru: 'совещание', en: 'meeting' },
  technical: { ru: 'технический перерыв', en: 'technical break' },
  personal: { ru: 'личное время', en: 'personal time' },
};

export const AGENT_METRICS: readonly IntervalMetric[] = [
  metric('occupancy', 'percent', AGENT, { ratio: [...WORKING], over: [...READY], scale: 100 },
    { ru: 'Занятость', en: 'Occupancy' },
    { ru: 'Время с обращениями и постобработкой среди времени готовности к работе (свободен, занят, постобработка).', en: 'Time with contacts and in wrap-up among time ready to work (available, busy, wrap-up).' }),
  metric('utilisation', 'percent', AGENT, { ratio: [...WORKING], over: [...STAFFED], scale: 100 },
    { ru: 'Загрузка', en: 'Utilisation' },
    { ru: 'Время с обращениями и постобработкой среди всего времени в системе, перерывы включены.', en: 'Time with contacts and in wrap-up among all time logged in, breaks included.' }, 'higher'),
  metric('staffed_time', 'seconds', AGENT, { sum: [...STAFFED] },
    { ru: 'Время в системе', en: 'Staffed time' },
    { ru: 'Всё время не в статусе «не в сети».', en: 'All time not offline.' }),
  metric('time_available', 'seconds', AGENT, { sum: ['availableSeconds'] },
    { ru: 'Время свободен', en: 'Time available' },
    { ru: 'Время в статусе «свободен», в ожидании обращений.', en: 'Time available, waiting for contacts.' }),
  metric('time_busy', 'seconds', AGENT, { sum: ['busySeconds'] },
    { ru: 'Время с обращениями', en: 'Time busy' },
    { ru: 'Время, когда у оператора были обращения.', en: 'Time the agent held contacts.' }),
  metric('time_in_after_contact_work', 'seconds', AGENT, { sum: ['afterContactWorkSeconds'] },
    { ru: 'Время постобработки', en: 'Time in after-contact work' },
    { ru: 'Время в статусе постобработки.', en: 'Time in after-contact work.' }),
  metric('time_on_break', 'seconds', AGENT, { sum: ['breakSeconds'] },
    { ru: 'Время на перерыве', en: 'Time on break' },
    { ru: 'Время на перерывах по любой причине.', en: 'Time on breaks for any reason.' }),
  ...BREAK_REASONS.map((reason) => metric(`time_on_break_${reason}`, 'seconds', AGENT, { sum: [breakMeasure(reason)] },
    { ru: `Перерыв: ${BREAK_NAMES[reason].ru}`, en: `Break: ${BREAK_NAMES[reason].en}` },
    { ru: `Время на перерыве с причиной «${BREAK_NAMES[reason].ru}».`, en: `Time on break for ${BREAK_NAMES[reason].en}.` })),
];
