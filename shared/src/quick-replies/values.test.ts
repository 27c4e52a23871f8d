import { describe, expect, it } from 'vitest';
import { fillPlaceholders, orderNumberIn, placeholderValues, quickReplyTrigger, searchQuickReplies, visibleQuickReplies } from './values.ts';

describe('fillPlaceholders', () => {
  const values = placeholderValues({ customerName: 'Анна Петрова', agentName: 'Игорь Смирнов', queueName: 'Поддержка' });

  it('fills the customer, agent and queue from the contact', () => {
    expect(fillPlaceholders('Здравствуйте, {customer.firstName}! Меня зовут {agent.name}, {queue.name}.', values)).toEqual({
      text: 'Здравствуйте, Анна! Меня зовут Игорь Смирнов, Поддержка.',
      unfilled: [],
    });
  });

  it('leaves unknown placeholders and those without a value visible, and lists each once', () => {
    const result = fillPlaceholders('{customer.name}, номер {order.id} ({order.id}), тел. {customer.phone}', values);
    expect(result.text).toBe('Анна Петрова, номер {order.id} ({order.id}), тел. {customer.phone}');
    expect(result.unfilled).toEqual(['order.id', 'customer.phone']);
  });

  it('leaves text without placeholders, and braces that are not placeholders, as they are', () => {
    expect(fillPlaceholders('{ не шаблон } и {}', values)).toEqual({ text: '{ не шаблон } и {}', unfilled: [] });
  });
});

describe('visibleQuickReplies', () => {
  const replies = [{ id: 'all' }, { id: 'q1', queueId: 'q1' }, { id: 'q2', queueId: 'q2' }];
  it('shows tenant-wide replies and those of the agent’s queues', () => {
    expect(visibleQuickReplies(replies, ['q1']).map((r) => r.id)).toEqual(['all', 'q1']);
    expect(visibleQuickReplies(replies, 'all')).toHaveLength(3);
  });
});

describe('searchQuickReplies', () => {
  const replies = [
    { title: 'Приветствие', text: 'Здравствуйте!' },
    { title: 'Доставка', text: 'Сроки доставки: 2–3 дня' },
    { title: 'Прощание', text: 'Спасибо за обращение, хорошего дня' },
  ];
  it('puts title matches before text matches', () => {
    expect(searchQuickReplies(replies, 'дост').map((r) => r.title)).toEqual(['Доставка']);
    expect(searchQuickReplies(replies, 'дня').map((r) => r.title)).toEqual(['Доставка', 'Прощание']);
    expect(searchQuickReplies(replies, '')).toHaveLength(3);
  });
});

describe('quickReplyTrigger', () => {
  it('opens on a slash at the start or after a space, with the query typed after it', () => {
    expect(quickReplyTrigger('/', 1)).toEqual({ query: '', start: 0 });
    expect(quickReplyTrigger('Добрый день /дост', 17)).toEqual({ query: 'дост', start: 12 });
  });

  it('stays closed inside a word or a link, and once a space follows', () => {
    expect(quickReplyTrigger('и/или', 5)).toBeUndefined();
    expect(quickReplyTrigger('https://x', 9)).toBeUndefined();
    expect(quickReplyTrigger('/дост ', 6)).toBeUndefined();
  });
});

describe('the order number of a contact', () => {
  it('is the last one the customer mentioned, in Russian or English, with or without a sign', () => {
    expect(orderNumberIn(['Здравствуйте', 'Где мой заказ № 48213?'])).toBe('48213');
    expect(orderNumberIn(['по заказу 771-204 ничего', 'ещё вопрос'])).toBe('771-204');
    expect(orderNumberIn(['order #A-1234 is late'])).toBe('A-1234');
    expect(orderNumberIn(['заказ 111', 'нет, заказ номер 222'])).toBe('222');
  });

  it('is none when no number follows the word, or the number is too short to be one', () => {
    expect(orderNumberIn(['хочу сделать заказ', 'заказ 12'])).toBeUndefined();
    expect(orderNumberIn([])).toBeUndefined();
  });

  it('fills {contact.orderNumber}', () => {
    expect(fillPlaceholders('Заказ {contact.orderNumber} в пути', placeholderValues({ orderNumber: '48213' })).text).toBe('Заказ 48213 в пути');
  });
});
