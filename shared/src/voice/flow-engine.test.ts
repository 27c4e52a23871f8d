import { describe, expect, it } from 'vitest';
import { runFlow } from './flow-engine.ts';
import { CALL, CUSTOMER, keys, last, makeContext, makeDirectFlow, makeFlow, NOW, play, started } from './testing.ts';
import type { CallStep } from './vocabulary.ts';

const spoken = (steps: readonly CallStep[]) => steps.map((s) => (s.type === 'say' ? s.speech.text : s.type === 'gather' ? `gather:${s.speech?.text ?? ''}` : s.type));

describe('runFlow: the start of an inbound call', () => {
  it('greets in Russian and asks for the first menu key', () => {
    // Act
    const { state, steps, effects } = runFlow(started, undefined, makeFlow(), makeContext(), CALL);
    // Assert
    expect(steps).toEqual([
      { type: 'say', speech: { text: 'Здравствуйте! Вы позвонили в компанию «Пример».', language: 'ru', voice: 'Tatyana' } },
      {
        type: 'gather',
        speech: { text: 'Нажмите 1 — отдел продаж, 2 — техническая поддержка.', language: 'ru', voice: 'Tatyana' },
        minDigits: 1,
        maxDigits: 1,
        timeoutMs: 5000,
        validDigits: '12',
      },
    ]);
    expect(effects).toEqual([]);
    expect(state).toMatchObject({ callId: 'call-1', tenantId: 't1', customer: CUSTOMER, phase: 'menu', attempts: 1, awaiting: 'gather', events: 1, direction: 'inbound' });
  });

  it('speaks English when the flow is English and falls back to Russian for a text without English', () => {
    // Arrange
    const flow = makeFlow({ language: 'en', greeting: { ru: 'Только по-русски' } });
    // Act
    const { steps } = runFlow(started, undefined, flow, makeContext(), CALL);
    // Assert
    expect(steps[0]).toEqual({ type: 'say', speech: { text: 'Только по-русски', language: 'ru', voice: 'Tatyana' } });
    expect(steps[1]).toMatchObject({ type: 'gather', speech: { text: 'Press 1 for sales, 2 for support.', language: 'en', voice: 'Joanna' } });
  });

  it('says the recording consent after the greeting when recording is enabled', () => {
    // Arrange
    const flow = makeFlow({ recording: { enabled: true, consentPrompt: { ru: 'Разговор записывается.' } } });
    // Act
    const { steps } = runFlow(started, undefined, flow, makeContext(), CALL);
    // Assert
    expect(spoken(steps)).toEqual(['Здравствуйте! Вы позвонили в компанию «Пример».', 'Разговор записывается.', 'gather:Нажмите 1 — отдел продаж, 2 — техническая поддержка.']);
  });

  it('goes straight to the queue of a flow without a menu, recording after the consent', () => {
    // Arrange
    const flow = makeDirectFlow({ recording: { enabled: true, consentPrompt: { ru: 'Разговор записывается.' } } });
    // Act
    const { state, steps, effects } = runFlow(started, undefined, flow, makeContext(), CALL);
    // Assert
    expect(steps.map((s) => s.type)).toEqual(['say', 'say', 'start-recording', 'enqueue']);
    expect(steps[3]).toEqual({ type: 'enqueue', queueId: 'support', holdPrompt: 'hold-music', periodSeconds: 30, acceptDigits: '1' });
    expect(effects).toEqual([{ type: 'enqueue-contact', queueId: 'support' }, { type: 'recording-changed', recording: true }]);
    expect(state).toMatchObject({ phase: 'queued', queueId: 'support', enqueuedAt: NOW, recording: true, contactStatus: 'waiting', awaiting: 'enqueue' });
  });
});

describe('runFlow: the menu', () => {
  it('sends a valid first-level key to its queue with the option menuChoice', () => {
    // Act
    const { state, steps, effects } = last(play([started, keys('1')]));
    // Assert
    expect(effects).toEqual([{ type: 'enqueue-contact', queueId: 'sales', menuChoice: 'sales' }]);
    expect(steps).toEqual([{ type: 'enqueue', queueId: 'sales', holdPrompt: 'hold-music', periodSeconds: 30, acceptDigits: '1' }]);
    expect(state).toMatchObject({ phase: 'queued', menuPath: ['1'], menuChoice: 'sales' });
  });

  it('opens the submenu and then its queue, recording the label as menuChoice when the option has none', () => {
    // Act
    const turns = play([started, keys('2'), keys('1')]);
    // Assert
    expect(turns[1]!.steps).toEqual([expect.objectContaining({ type: 'gather', validDigits: '12', speech: expect.objectContaining({ text: 'Нажмите 1 — интернет, 2 — телевидение.' }) })]);
    expect(turns[1]!.state).toMatchObject({ phase: 'menu', menuPath: ['2'], attempts: 1 });
    expect(turns[2]!.effects).toEqual([{ type: 'enqueue-contact', queueId: 'internet', menuChoice: 'Интернет' }]);
    expect(turns[2]!.state.menuPath).toEqual(['2', '1']);
  });

  it('says the invalid-input text and repeats the prompt after a wrong key, no key or a failed gather', () => {
    // Act
    const turns = play([started, keys('9'), keys('')]);
    const failed = runFlow({ type: 'step-failed', step: 'gather', error: 'timeout' }, turns[0]!.state, makeFlow(), makeContext(), CALL);
    // Assert
    expect(spoken(turns[1]!.steps)).toEqual(['Неверный выбор.', 'gather:Нажмите 1 — отдел продаж, 2 — техническая поддержка.']);
    expect(turns[1]!.state.attempts).toBe(2);
    expect(turns[2]!.state.attempts).toBe(3);
    expect(spoken(failed.steps)).toEqual(['Неверный выбор.', 'gather:Нажмите 1 — отдел продаж, 2 — техническая поддержка.']);
  });

  it('sends the caller to the default queue after the third prompt without a valid key', () => {
    // Act
    const turns = play([started, keys(''), keys('7'), keys('')]);
    // Assert
    expect(turns.slice(0, 3).every((t) => t.effects.length === 0)).toBe(true);
    expect(last(turns).effects).toEqual([{ type: 'enqueue-contact', queueId: 'general' }]);
    expect(last(turns).state).toMatchObject({ phase: 'queued', queueId: 'general' });
  });

  it('follows the configured attempts and the submenu default queue', () => {
    // Arrange
    const input = makeFlow().menu!;
    const flow = makeFlow({ menu: { ...input, options: { ...input.options, '2': { label: 'Поддержка', submenu: { ...input.options['2']!.submenu!, attempts: 1 } } } } });
    // Act
    const turns = play([started, keys('2'), keys('')], { flow });
    // Assert: the first level's choice is kept for the contact
    expect(last(turns).effects).toEqual([{ type: 'enqueue-contact', queueId: 'support', menuChoice: 'Поддержка' }]);
  });

  it('repeats without a text when the menu has no invalid-input text', () => {
    // Arrange
    const { invalidInput: _unused, ...menu } = makeFlow().menu!;
    const flow = makeFlow({ menu });
    // Act
    const { steps } = last(play([started, keys('5')], { flow }));
    // Assert
    expect(spoken(steps)).toEqual(['gather:Нажмите 1 — отдел продаж, 2 — техническая поддержка.']);
  });
});

describe('runFlow: a queue that is closed or unknown', () => {
  it('says the closed message, the voicemail prompt and records', () => {
    // Arrange
    const context = makeContext({}, { sales: { open: false } });
    // Act
    const { state, steps, effects } = last(play([started, keys('1')], { context }));
    // Assert
    expect(spoken(steps)).toEqual(['Сейчас мы не работаем.', 'Оставьте сообщение после сигнала.', 'record']);
    expect(steps[2]).toEqual({ type: 'record', maxSeconds: 120, silenceSeconds: 5 });
    expect(effects).toEqual([]);
    expect(state).toMatchObject({ phase: 'voicemail', queueId: 'sales', awaiting: 'record' });
  });

  it('asks for a callback when the closed flow says so, then confirms and hangs up', () => {
    // Arrange
    const flow = makeFlow({ closed: { message: { ru: 'Сейчас мы не работаем.' }, then: 'callback' } });
    // Act
    const { state, steps, effects } = last(play([started, keys('1')], { flow, context: makeContext({}, { sales: { open: false } }) }));
    // Assert
    expect(effects).toEqual([{ type: 'request-callback', phone: CUSTOMER, queueId: 'sales' }]);
    expect(spoken(steps)).toEqual(['Сейчас мы не работаем.', 'Мы перезвоним вам в ближайшее время. До свидания!', 'hang-up']);
    expect(state.phase).toBe('callback-confirm');
  });

  it('says goodbye and hangs up when the closed flow says hang-up', () => {
    // Arrange
    const flow = makeFlow({ closed: { message: { ru: 'Сейчас мы не работаем.' }, then: 'hang-up' } });
    // Act
    const { state, steps, effects } = last(play([started, keys('1')], { flow, context: makeContext({}, { sales: { open: false } }) }));
    // Assert
    expect(spoken(steps)).toEqual(['Сейчас мы не работаем.', 'До свидания!', 'hang-up']);
    expect(effects).toEqual([]);
    expect(state).toMatchObject({ phase: 'closed', endedBy: 'flow' });
  });

  it('reports an unknown queue and uses the menu default queue', () => {
    // Arrange
    const context = makeContext();
    delete context.queues.tv;
    // Act
    const { effects, state } = last(play([started, keys('2'), keys('2')], { context }));
    // Assert
    expect(effects).toEqual([{ type: 'report', problem: 'unknown queue tv' }, { type: 'enqueue-contact', queueId: 'support', menuChoice: 'tv' }]);
    expect(state.queueId).toBe('support');
  });

  it('apologises and hangs up when the default queue is unknown too', () => {
    // Arrange
    const context = makeContext();
    delete context.queues.tv;
    delete context.queues.support;
    // Act
    const { effects, steps, state } = last(play([started, keys('2'), keys('2')], { context }));
    // Assert
    expect(spoken(steps)).toEqual(['Извините, произошла ошибка.', 'hang-up']);
    expect(effects.map((e) => e.type)).toEqual(['report', 'report']);
    expect(state.phase).toBe('goodbye');
  });

  it('checks the default queue for being closed too', () => {
    // Arrange
    const context = makeContext({}, { general: { open: false } });
    // Act
    const { state } = last(play([started, keys(''), keys(''), keys('')], { context }));
    // Assert
    expect(state).toMatchObject({ phase: 'voicemail', queueId: 'general' });
  });
});
