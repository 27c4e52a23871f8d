import { describe, expect, it } from 'vitest';
import { defaultCallFlow, menuCallFlow } from '@cc/shared/voice/default-flow';
import { CallFlowSchema } from '@cc/shared/voice/flow-config';
import { duplicateDigits, errorsByPath, localErrors, menuTree, newOption, toFlow, toForm } from './flow-form.ts';

const names: Record<string, string> = { support: 'Поддержка', sales: 'Продажи', vip: 'VIP' };
const demoCallFlow = () =>
  menuCallFlow([{ digit: '1', queueId: 'support', label: 'Поддержка', prompt: { ru: 'Поддержка — 1.', en: 'Support, 1.' } }, { digit: '2', queueId: 'sales', label: 'Продажи', prompt: { ru: 'Продажи — 2.', en: 'Sales, 2.' } }], 'support');
const queueName = (id: string) => names[id] ?? id;

describe('the call flow form', () => {
  it('gives back the same flow it was made from, for a menu flow and a one-queue flow', () => {
    for (const flow of [CallFlowSchema.parse(demoCallFlow()), defaultCallFlow('support')]) {
      expect(CallFlowSchema.parse(toFlow(toForm(flow, 'support')))).toEqual(flow);
    }
  });

  it('sends a new option 3 to its queue and a submenu under its digit, as the schema reads them', () => {
    // Arrange
    const form = toForm(CallFlowSchema.parse(demoCallFlow()), 'support');
    const added = newOption(form.menu)!;
    form.menu.options.push({ ...added, label: 'VIP', queueId: 'vip' });
    form.menu.options[0] = { ...form.menu.options[0]!, target: 'submenu', submenu: { ...form.menu.options[0]!.submenu, prompt: { ru: 'Интернет — 1', en: '' }, options: [{ digit: '1', label: 'Интернет', queueId: 'support' }] } };

    // Act
    const flow = CallFlowSchema.parse(toFlow(form));

    // Assert
    expect(added.digit).toBe('3');
    expect(flow.menu?.options['3']).toEqual({ label: 'VIP', queueId: 'vip' });
    expect(flow.menu?.options['1']?.submenu?.options['1']).toEqual({ label: 'Интернет', queueId: 'support' });
    expect(flow.menu?.options['1']?.queueId).toBeUndefined();
  });

  it('leaves out empty English texts and optional texts, and keeps an empty required one for the API to name', () => {
    const form = toForm(defaultCallFlow('support'), 'support');
    form.greeting = { ru: '', en: '' };
    form.hold.holdText = { ru: '', en: '' };
    form.closed.message = { ru: 'Закрыто', en: '' };

    const flow = toFlow(form);

    expect(flow.greeting).toEqual({ ru: '' });
    expect(flow.hold.holdText).toBeUndefined();
    expect(flow.closed.message).toEqual({ ru: 'Закрыто' });
  });

  it('marks a key used twice in one menu, the later row', () => {
    const form = toForm(CallFlowSchema.parse(demoCallFlow()), 'support');
    form.menu.options[1] = { ...form.menu.options[1]!, digit: '1' };

    expect(duplicateDigits(form.menu.options)).toEqual([1]);
    expect(localErrors(form)).toEqual({ 'menu.row.1.digit': 'digitTaken' });
  });

  it('draws the menu as lines with the submenu under its key and the default last', () => {
    const form = toForm(CallFlowSchema.parse(demoCallFlow()), 'support');
    form.menu.options[0] = { ...form.menu.options[0]!, target: 'submenu', submenu: { ...form.menu.options[0]!.submenu, defaultQueueId: 'support', options: [{ digit: '1', label: 'Интернет', queueId: 'support' }] } };

    expect(menuTree(form.menu, queueName, 'иначе')).toEqual([
      '1 → Поддержка',
      '1 → Поддержка → 1 → Интернет',
      '1 → Поддержка → иначе → Поддержка',
      '2 → Продажи (Продажи)',
      'иначе → Поддержка',
    ]);
  });

  it('reads the field errors of a 400 by path', () => {
    expect(errorsByPath([{ path: 'greeting.ru', message: 'Too small' }, { path: '', message: 'a flow has either' }, 'junk'])).toEqual({ 'greeting.ru': 'Too small', '': 'a flow has either' });
  });
});
