import { describe, expect, it } from 'vitest';
import { checkBeforeSave, formPath, serverErrors } from './flow-check.ts';
import { menuFlow } from './flow-fixtures.ts';
import { toForm, type FlowForm } from './flow-form.ts';

/** The demo menu with option 2 turned into a submenu holding key 4. */
function formWithSubmenu(): FlowForm {
  const form = toForm(menuFlow(), 'support');
  form.menu.options[1] = { ...form.menu.options[1]!, target: 'submenu', submenu: { ...form.menu.options[1]!.submenu, options: [{ digit: '4', label: 'Опт', queueId: 'sales' }] } };
  return form;
}

describe('the call flow form’s field errors', () => {
  it('names a menu option by its row, first level and submenu alike', () => {
    const form = formWithSubmenu();

    expect(formPath('menu.options.2.label', form)).toBe('menu.row.1.label');
    expect(formPath('menu.options.2.submenu.options.4.queueId', form)).toBe('menu.row.1.submenu.row.0.queueId');
    expect(formPath('menu.options.2.submenu.prompt.ru', form)).toBe('menu.row.1.submenu.prompt.ru');
    expect(formPath('greeting.ru', form)).toBe('greeting.ru');
  });

  it('refuses a key used twice in one menu before sending, on the later row', () => {
    const form = formWithSubmenu();
    form.menu.options[1]!.submenu.options.push({ digit: '4', label: 'Розница', queueId: 'sales' });
    form.menu.options[0] = { ...form.menu.options[0]!, digit: '2' };

    expect(checkBeforeSave(form)).toEqual({ 'menu.row.1.digit': 'digitTaken', 'menu.row.1.submenu.row.1.digit': 'digitTaken' });
    expect(checkBeforeSave(toForm(menuFlow(), 'support'))).toEqual({});
  });

  it('shows the API’s field errors on the fields that fix them, worded by the kind of field', () => {
    // Arrange: paths as the API's schema names them in a 400
    const refused = {
      'greeting.ru': 'Too small: expected string to have >=1 characters',
      'menu.options.1.label': 'Too small',
      'menu.options.1': 'an option has either a queueId or a submenu',
      'menu.options.2.submenu.options.4.queueId': 'Invalid',
      'menu.options.2.submenu.defaultQueueId': 'Invalid',
      'hold.announceEverySeconds': 'Too small: expected number to be >=10',
      recording: 'recording needs a consent prompt',
      language: 'Invalid option',
      '': 'a flow has either a menu or a queueId',
    };

    // Act
    const errors = serverErrors(refused, formWithSubmenu());

    // Assert
    expect(errors).toEqual({
      'greeting.ru': 'required',
      'menu.row.0.label': 'required',
      'menu.row.0.queueId': 'needsQueue',
      'menu.row.1.submenu.row.0.queueId': 'needsQueue',
      'menu.row.1.submenu.defaultQueueId': 'needsQueue',
      'hold.announceEverySeconds': 'range',
      'recording.consentPrompt.ru': 'required',
      language: 'invalid',
    });
  });
});
