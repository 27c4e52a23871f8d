/** Metrics read from the current state, as the wallboard shows it (not kept per interval). */
import type { LiveFigures, LiveMetric, Localized } from './types.ts';
import type { Dimension, MetricUnit } from '../values.ts';

/** Live figures exist for the tenant and per queue (the wallboard's rows). */
const LIVE: readonly Dimension[] = ['tenant', 'queue'];

function live(id: string, figure: keyof LiveFigures, unit: MetricUnit, dimensions: readonly Dimension[], name: Localized, description: Localized, better?: 'higher' | 'lower'): LiveMetric {
  return { id, source: 'live', live: figure, unit, dimensions, name, description, ...(better && { better }) };
}

export const LIVE_METRICS: readonly LiveMetric[] = [
  live('contacts_waiting', 'waiting', 'count', LIVE,
    { ru: 'Ожидают сейчас', en: 'Contacts waiting' },
    { ru: 'Обращения в очереди прямо сейчас, включая предложенные оператору, но ещё не принятые.', en: 'Contacts in the queue right now, those offered to an agent but not yet accepted included.' }, 'lower'),
  live('oldest_contact_age', 'oldestWaitSeconds', 'seconds', LIVE,
    { ru: 'Самое долгое ожидание сейчас', en: 'Oldest contact age' },
    { ru: 'Сколько ждёт дольше всех ожидающий клиент.', en: 'How long the longest-waiting customer has waited.' }, 'lower'),
  live('contacts_in_progress', 'inProgress', 'count', LIVE,
    { ru: 'В работе сейчас', en: 'Contacts in progress' },
    { ru: 'Обращения у операторов: разговор, чат или постобработка.', en: 'Contacts with agents: talking, chatting or in wrap-up.' }),
  live('agents_online', 'agentsOnline', 'count', LIVE,
    { ru: 'Операторов в сети', en: 'Agents online' },
    { ru: 'Операторы очереди не в статусе «не в сети».', en: 'The queue’s agents who are not offline.' }, 'higher'),
  live('agents_available', 'agentsAvailable', 'count', LIVE,
    { ru: 'Свободных операторов', en: 'Agents available' },
    { ru: 'Операторы, готовые принять обращение.', en: 'Agents ready to take a contact.' }, 'higher'),
  live('agents_busy', 'agentsBusy', 'count', LIVE,
    { ru: 'Занятых операторов', en: 'Agents busy' },
    { ru: 'Операторы с обращениями.', en: 'Agents holding contacts.' }),
  live('agents_in_after_contact_work', 'agentsInAfterContactWork', 'count', LIVE,
    { ru: 'Операторов на постобработке', en: 'Agents in after-contact work' },
    { ru: 'Операторы, завершающие обращение.', en: 'Agents wrapping up a contact.' }),
  live('agents_on_break', 'agentsOnBreak', 'count', LIVE,
    { ru: 'Операторов на перерыве', en: 'Agents on break' },
    { ru: 'Операторы на перерыве по любой причине.', en: 'Agents on a break for any reason.' }),
];
