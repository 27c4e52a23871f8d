import type { Deps } from '../composition/deps.ts';

/** The demo tenant's wrap-up topics (stable ids, so tests and docs can name them). */
export const DEMO_TOPICS = [
  { topicId: 'payment', name: 'Оплата' },
  { topicId: 'delivery', name: 'Доставка' },
  { topicId: 'return', name: 'Возврат' },
  { topicId: 'consulting', name: 'Консультация' },
  { topicId: 'complaint', name: 'Жалоба' },
] as const;

/** The demo quick replies: tenant-wide greetings and goodbyes, and the support queue's delivery answer. */
const DEMO_QUICK_REPLIES = [
  { quickReplyId: 'greeting', title: 'Приветствие', text: 'Здравствуйте, {customer.firstName}! Меня зовут {agent.firstName}, чем могу помочь?' },
  { quickReplyId: 'wait', title: 'Минуту', text: 'Одну минуту, {customer.firstName}, уточняю информацию.' },
  { quickReplyId: 'delivery-terms', title: 'Сроки доставки', text: 'Доставка по Москве занимает 1–2 дня, по России 3–7 дней. Номер заказа: {order.id}', queueId: 'support' },
  { quickReplyId: 'goodbye', title: 'Прощание', text: 'Спасибо за обращение, {customer.firstName}! Хорошего дня. {agent.name}, «Ромашка».' },
] as const;

/** Seeds the demo tenant's topics and quick replies once (a data folder from before them gets them too). */
export async function seedWrapUp(deps: Pick<Deps, 'topics' | 'quickReplies'>, tenantId: string, now: string): Promise<void> {
  if ((await deps.topics.list(tenantId)).length === 0) {
    for (const topic of DEMO_TOPICS) await deps.topics.put({ tenantId, ...topic, archived: false, createdAt: now, updatedAt: now });
  }
  if ((await deps.quickReplies.list(tenantId)).length === 0) {
    for (const reply of DEMO_QUICK_REPLIES) await deps.quickReplies.put({ tenantId, ...reply, createdAt: now, updatedAt: now });
  }
}
