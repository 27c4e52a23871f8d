import type { Script, ScriptContent } from '@cc/shared/scripts/values';
import type { Deps } from '../composition/deps.ts';

/**
 * The demo tenant's call scripts: a sales flowchart that branches on what the customer values (agents may word it
 * their own way, the prices are locked), and a hybrid returns script for support in three sections.
 */
export const DEMO_SCRIPTS: ScriptContent[] = [
  {
    name: 'Подключение тарифа',
    description: 'Продажа тарифа новому клиенту: выяснить, что важнее, предложить подходящий тариф, закрыть сделку или записать перезвон.',
    kind: 'flowchart',
    start: 'greet',
    attach: { queueIds: ['sales'] },
    personal: 'wording',
    steps: [
      { id: 'greet', kind: 'say', title: 'Приветствие', text: 'Здравствуйте, {customer.firstName}! Меня зовут {agent.firstName}, компания «Ромашка». Помогу подобрать тариф.', next: 'need' },
      { id: 'need', kind: 'question', title: 'Потребность', text: 'Подскажите, что для вас важнее: скорость интернета или низкая цена?', answers: [{ id: 'speed', label: 'Скорость', next: 'offer-fast' }, { id: 'price', label: 'Цена', next: 'offer-cheap' }, { id: 'unsure', label: 'Не знает', next: 'usage' }] },
      { id: 'usage', kind: 'question', title: 'Как пользуется', text: 'Вы смотрите фильмы и играете онлайн или в основном читаете почту и новости?', answers: [{ id: 'heavy', label: 'Фильмы и игры', next: 'offer-fast' }, { id: 'light', label: 'Почта и новости', next: 'offer-cheap' }] },
      { id: 'offer-fast', kind: 'question', title: 'Тариф «Быстрый»', text: 'Вам подойдёт тариф «Быстрый»: 500 Мбит/с за 900 ₽ в месяц, первый месяц бесплатно. Подключаем?', locked: true, answers: [{ id: 'yes', label: 'Согласен', next: 'sale' }, { id: 'expensive', label: 'Дорого', next: 'offer-cheap' }, { id: 'think', label: 'Подумаю', next: 'callback' }] },
      { id: 'offer-cheap', kind: 'question', title: 'Тариф «Эконом»', text: 'Есть тариф «Эконом»: 100 Мбит/с за 400 ₽ в месяц. Подключаем?', locked: true, answers: [{ id: 'yes', label: 'Согласен', next: 'sale' }, { id: 'think', label: 'Подумаю', next: 'callback' }, { id: 'no', label: 'Отказ', next: 'refusal' }] },
      { id: 'sale', kind: 'outcome', title: 'Продажа', text: 'Отлично! Оформляю подключение, мастер позвонит вам сегодня, чтобы договориться о времени.', outcome: { id: 'sale', label: 'Продажа', success: true } },
      { id: 'callback', kind: 'outcome', title: 'Перезвон', text: 'Хорошо, перезвоню вам завтра в удобное время. Когда вам удобно?', outcome: { id: 'callback', label: 'Перезвон', success: true } },
      { id: 'refusal', kind: 'outcome', title: 'Отказ', text: 'Понимаю. Спасибо, что уделили время, {customer.firstName}! Будем рады помочь.', outcome: { id: 'refusal', label: 'Отказ', success: false } },
    ],
  },
  {
    name: 'Возврат заказа',
    description: 'Приём возврата: проверить заказ, выяснить причину, оформить возврат или обмен.',
    kind: 'hybrid',
    start: 'greet',
    attach: { queueIds: ['support'] },
    personal: 'off',
    steps: [
      { id: 'greet', kind: 'say', section: 'Приветствие', title: 'Приветствие', text: 'Здравствуйте, {customer.firstName}! Меня зовут {agent.firstName}. Чем могу помочь?', next: 'order' },
      { id: 'order', kind: 'say', section: 'Приветствие', title: 'Номер заказа', text: 'Уточните, пожалуйста, номер заказа. Вижу заказ {contact.orderNumber}: проверяю.', next: 'reason' },
      { id: 'reason', kind: 'question', section: 'Диагностика', title: 'Причина возврата', text: 'Что не так с заказом?', answers: [{ id: 'broken', label: 'Брак', next: 'photo' }, { id: 'unfit', label: 'Не подошёл', next: 'exchange' }] },
      { id: 'photo', kind: 'say', section: 'Диагностика', title: 'Фото брака', text: 'Пришлите, пожалуйста, фото дефекта: так мы оформим возврат без визита в пункт выдачи.', next: 'refund' },
      { id: 'exchange', kind: 'question', section: 'Решение', title: 'Обмен', text: 'Можем обменять на другой размер или цвет. Хотите обмен?', answers: [{ id: 'yes', label: 'Обмен', next: 'exchanged' }, { id: 'no', label: 'Нужен возврат денег', next: 'refund' }] },
      { id: 'refund', kind: 'outcome', section: 'Решение', title: 'Возврат', text: 'Оформил возврат по заказу {contact.orderNumber}: деньги придут в течение 10 дней.', outcome: { id: 'refund', label: 'Возврат', success: false } },
      { id: 'exchanged', kind: 'outcome', section: 'Решение', title: 'Обмен', text: 'Оформил обмен: курьер привезёт новый товар и заберёт прежний.', outcome: { id: 'exchange', label: 'Обмен', success: true } },
    ],
  },
];

/** Seeds the demo scripts once (ids `demo-sales`, `demo-returns`): a tenant that has scripts keeps what it has. */
export async function seedScripts(deps: Pick<Deps, 'scripts'>, tenantId: string, supervisorId: string, now: Date): Promise<void> {
  if ((await deps.scripts.list(tenantId)).length > 0) return;
  const at = now.toISOString();
  for (const [i, content] of DEMO_SCRIPTS.entries()) {
    const script: Script = { ...content, tenantId, scriptId: DEMO_SCRIPT_IDS[i]!, version: 1, createdAt: at, updatedAt: at, updatedBy: supervisorId };
    await deps.scripts.create(script, { ...content, tenantId, scriptId: script.scriptId, version: 1, savedAt: at, savedBy: supervisorId });
  }
}

export const DEMO_SCRIPT_IDS = ['demo-sales', 'demo-returns'] as const;
