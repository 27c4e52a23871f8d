import { describe, expect, it } from 'vitest';
import { menuCallFlow } from '@cc/shared/voice/default-flow';
import { CallFlowSchema } from '@cc/shared/voice/flow-config';
import { checkForm, formPath, serverErrors } from './flow-check.ts';
import { toForm, type FlowForm } from './flow-form.ts';

const demoForm = (): FlowForm =>
  toForm(
    CallFlowSchema.parse(menuCallFlow([{ digit: '1', queueId: 'support', label: 'Поддержка', prompt: { ru: 'Поддержка — 1.', en: 'Support, 1.' } }, { digit: '2', queueId: 'sales', label: 'Продажи', prompt: { ru: 'Продажи — 2.', en: 'Sales, 2.' } }], 'support')),
    'support',
  );

describe('checking the call flow form with the API schema', () => {
  it('answers the flow the API would store when the form is valid', () => {
    const checked = checkForm(demoForm());

    expect(checked.errors).toBeUndefined();
    expect(checked.flow?.menu?.options['2']).toEqual({ label: 'Продажи', queueId: 'sales' });
  });

  it('names a menu option by its row, first level and submenu alike', () => {
    const form = demoForm();
    form.menu.options[1] = { ...form.menu.options[1]!, target: 'submenu', submenu: { ...form.menu.options[1]!.submenu, options: [{ digit: '4', label: 'Опт', queueId: 'sales' }] } };

    expect(formPath(['menu', 'options', '2', 'label'], form)).toBe('menu.row.1.label');
    expect(formPath(['menu', 'options', '2', 'submenu', 'options', '4', 'queueId'], form)).toBe('menu.row.1.submenu.row.0.queueId');
    expect(formPath(['menu', 'options', '2', 'submenu', 'prompt', 'ru'], form)).toBe('menu.row.1.submenu.prompt.ru');
    expect(formPath(['greeting', 'ru'], form)).toBe('greeting.ru');
  });

  it('refuses a key used twice before the schema sees the collapsed menu', () => {
    const form = demoForm();
    form.menu.options[1] = { ...form.menu.options[1]!, digit: '1' };

    expect(checkForm(form)).toEqual({ errors: { 'menu.row.1.digit': { kind: 'digitTaken' } } });
  });

  it('shows the schema problems on the fields that fix them', () => {
    // Arrange
    const form = demoForm();
    form.greeting = { ru: '', en: 'Hello' };
    form.menu.options[0] = { ...form.menu.options[0]!, label: ' ' };
    form.menu.options[1] = { ...form.menu.options[1]!, target: 'submenu', submenu: { ...form.menu.options[1]!.submenu, prompt: { ru: '', en: '' }, options: [{ digit: '1', label: 'Опт', queueId: 'sales' }] } };
    form.hold.announceEverySeconds = 5;
    form.recording = { enabled: true, consentPrompt: { ru: '', en: '' } };

    // Act
    const { errors } = checkForm(form);

    // Assert
    expect(errors).toEqual({
      'greeting.ru': { kind: 'required' },
      'menu.row.0.label': { kind: 'required' },
      'menu.row.1.submenu.prompt.ru': { kind: 'required' },
      'hold.announceEverySeconds': { kind: 'atLeast', limit: 10 },
      'recording.consentPrompt.ru': { kind: 'required' },
    });
  });

  it('places the field errors of a 400 by the same rows', () => {
    expect(serverErrors({ 'menu.options.2.queueId': 'Invalid', '': 'The flow names queues that do not exist: x' }, demoForm())).toEqual({ 'menu.row.1.queueId': { kind: 'invalid' } });
  });
});
