/** Scripts the scripts tests share: a small sales flowchart with two outcomes and a way back. */
import type { ScriptContent, ScriptStep, ScriptVersion } from './values.ts';

export const salesSteps: ScriptStep[] = [
  { id: 'greet', kind: 'say', title: 'Приветствие', text: 'Здравствуйте, {customer.firstName}! Меня зовут {agent.firstName}.', next: 'need' },
  { id: 'need', kind: 'question', title: 'Потребность', text: 'Что для вас важнее: скорость или цена?', answers: [{ id: 'speed', label: 'Скорость', next: 'offer-fast' }, { id: 'price', label: 'Цена', next: 'offer-cheap' }] },
  { id: 'offer-fast', kind: 'question', title: 'Тариф «Быстрый»', text: 'Предлагаю тариф «Быстрый» за 900 ₽.', answers: [{ id: 'yes', label: 'Согласен', next: 'sale' }, { id: 'no', label: 'Дорого', next: 'offer-cheap' }, { id: 'later', label: 'Подумаю', next: 'callback' }] },
  { id: 'offer-cheap', kind: 'question', title: 'Тариф «Эконом»', text: 'Тариф «Эконом» за 400 ₽.', answers: [{ id: 'yes', label: 'Согласен', next: 'sale' }, { id: 'no', label: 'Отказ', next: 'refusal' }], locked: true },
  { id: 'sale', kind: 'outcome', title: 'Продажа', text: 'Оформляю подключение.', outcome: { id: 'sale', label: 'Продажа', success: true } },
  { id: 'callback', kind: 'outcome', title: 'Перезвон', text: 'Перезвоним завтра.', outcome: { id: 'callback', label: 'Перезвон', success: true } },
  { id: 'refusal', kind: 'outcome', title: 'Отказ', text: 'Спасибо за время!', outcome: { id: 'refusal', label: 'Отказ', success: false } },
];

export const salesContent: ScriptContent = { name: 'Продажа тарифа', kind: 'flowchart', start: 'greet', steps: salesSteps, attach: { queueIds: ['sales'] }, personal: 'wording' };

export const salesVersion = (version = 1, content: Partial<ScriptContent> = {}): ScriptVersion =>
  ({ ...salesContent, ...content, tenantId: 't1', scriptId: 'scr-sales', version, savedAt: '2026-12-04T09:00:00.000Z', savedBy: 'u-supervisor' });

/** A standard (linear) script of three steps. */
export const linearContent: ScriptContent = {
  name: 'Приём жалобы', kind: 'standard', start: 'a', attach: { queueIds: ['support'] }, personal: 'off',
  steps: [
    { id: 'a', kind: 'say', title: 'Приветствие', text: 'Здравствуйте!', next: 'b' },
    { id: 'b', kind: 'say', title: 'Суть', text: 'Расскажите, что случилось.', next: 'c' },
    { id: 'c', kind: 'outcome', title: 'Заявка', text: 'Заявка принята.', outcome: { id: 'ticket', label: 'Заявка', success: true } },
  ],
};
