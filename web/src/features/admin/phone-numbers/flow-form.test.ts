import { describe, expect, it } from 'vitest';
import { menuFlow, queueFlow } from './flow-fixtures.ts';
import { duplicateDigits, errorsByPath, localErrors, menuTree, newOption, toFlow, toForm } from './flow-form.ts';

const names: Record<string, string> = { support: 'Поддержка', sales: 'Продажи', vip: 'VIP' };
const queueName = (id: string) => names[id] ?? id;

describe('the call flow form', () => {
  it('gives back the same flow it was made from, for a menu flow and a one-queue flow', () => {
    for (const flow of [menuFlow(), queueFlow()]) {
      expect(toFlow(toForm(flow, 'support'))).toEqual(flow);
    }
  });

  it('asks NPS after the score once switched on, and keeps the NPS prompt of a switched-off question', () => {
    // Arrange
    const form = toForm(queueFlow(), 'support');
    form.survey.nps = { enabled: true, prompt: { ru: 'Порекомендуете нас? 0–10', en: '' } };
    // Act
    const on = toFlow(form);
    form.survey.nps.enabled = false;
    const off = toFlow(form);
    // Assert
    expect(on.survey?.nps).toEqual({ enabled: true, prompt: { ru: 'Порекомендуете нас? 0–10' } });
    expect(off.survey?.nps).toEqual({ enabled: false, prompt: { ru: 'Порекомендуете нас? 0–10' } });
    expect(toFlow(toForm(queueFlow(), 'support')).survey?.nps).toBeUndefined();
  });

  it('sends a new option 3 to its queue and a submenu under its digit, keyed as the API keys options', () => {
    // Arrange
    const form = toForm(menuFlow(), 'support');
    const added = newOption(form.menu)!;
    form.menu.options.push({ ...added, label: 'VIP', queueId: 'vip' });
    form.menu.options[1] = { ...form.menu.options[1]!, label: 'Отдел продаж' };
    form.menu.options.push({ ...newOption(form.menu)!, label: 'VIP', queueId: 'vip' });
    form.menu.options[0] = { ...form.menu.options[0]!, target: 'submenu', submenu: { ...form.menu.options[0]!.submenu, prompt: { ru: 'Интернет — 1', en: '' }, options: [{ digit: '1', label: 'Интернет', queueId: 'support' }] } };

    // Act
    const flow = toFlow(form);

    // Assert
    expect(added.digit).toBe('3');
    expect(flow.menu?.options['3']).toEqual({ label: 'VIP', queueId: 'vip' });
    expect(flow.menu?.options['1']?.submenu?.options['1']).toEqual({ label: 'Интернет', queueId: 'support' });
    expect(flow.menu?.options['1']?.queueId).toBeUndefined();
  });

  it('leaves out empty English texts and optional texts, and keeps an empty required one for the API to name', () => {
    const form = toForm(queueFlow(), 'support');
    form.greeting = { ru: '', en: '' };
    form.hold.holdText = { ru: '', en: '' };
    form.closed.message = { ru: 'Закрыто', en: '' };

    const flow = toFlow(form);

    expect(flow.greeting).toEqual({ ru: '' });
    expect(flow.hold.holdText).toBeUndefined();
    expect(flow.closed.message).toEqual({ ru: 'Закрыто' });
  });

  it('marks a key used twice in one menu, the later row', () => {
    const form = toForm(menuFlow(), 'support');
    form.menu.options[1] = { ...form.menu.options[1]!, digit: '1' };

    expect(duplicateDigits(form.menu.options)).toEqual([1]);
    expect(localErrors(form)).toEqual({ 'menu.row.1.digit': 'digitTaken' });
  });

  it('draws the menu as lines with the submenu under its key, a queue only when the name differs, and the default last', () => {
    const form = toForm(menuFlow(), 'support');
    form.menu.options[1] = { ...form.menu.options[1]!, label: 'Отдел продаж' };
    form.menu.options.push({ ...newOption(form.menu)!, label: 'VIP', queueId: 'vip' });
    form.menu.options[0] = { ...form.menu.options[0]!, target: 'submenu', submenu: { ...form.menu.options[0]!.submenu, defaultQueueId: 'support', options: [{ digit: '1', label: 'Интернет', queueId: 'support' }] } };

    expect(menuTree(form.menu, queueName, 'иначе')).toEqual([
      '1 → Поддержка',
      '1 → Поддержка → 1 → Интернет',
      '1 → Поддержка → иначе → Поддержка',
      '2 → Отдел продаж (Продажи)',
      '3 → VIP',
      'иначе → Поддержка',
    ]);
  });

  it('reads the field errors of a 400 by path', () => {
    expect(errorsByPath([{ path: 'greeting.ru', message: 'Too small' }, { path: '', message: 'a flow has either' }, 'junk'])).toEqual({ 'greeting.ru': 'Too small', '': 'a flow has either' });
  });
});
