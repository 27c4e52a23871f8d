/**
 * Call flows as the API answers them (every default filled in), for the editor's tests: the console may not
 * import the server's schema, so these are written out rather than parsed.
 */
import type { CallFlow } from '@cc/shared/voice/flow-config';

const text = (ru: string, en: string) => ({ ru, en });

/** One queue, no menu: what a number without a saved flow runs. */
export function queueFlow(queueId = 'support'): CallFlow {
  return {
    language: 'ru',
    voices: {},
    greeting: text('Здравствуйте! Вы позвонили в контакт-центр.', 'Hello! You have reached our contact center.'),
    queueId,
    hold: { prompt: 'hold-music', announceEverySeconds: 30, offerCallback: true, holdText: text('Оставайтесь на линии.', 'Please stay on the line.') },
    callback: { offer: text('Чтобы мы перезвонили, нажмите 1.', 'For a call back, press 1.'), confirmed: text('Мы перезвоним.', 'We will call you back.'), intro: text('Это обратный звонок.', 'This is your call back.') },
    closed: { message: text('Сейчас мы не работаем.', 'We are closed at the moment.'), then: 'voicemail' },
    recording: { enabled: true, consentPrompt: text('Разговор может быть записан.', 'This call may be recorded.') },
    survey: { enabled: true, prompt: text('Оцените разговор от 1 до 5.', 'Rate the call from 1 to 5.'), thanks: text('Спасибо за оценку!', 'Thank you!') },
    voicemail: { prompt: text('Оставьте сообщение.', 'Leave a message.'), maxSeconds: 120, thanks: text('Сообщение записано.', 'Message recorded.') },
    goodbye: text('До свидания!', 'Goodbye!'),
    apology: text('Извините, произошла ошибка.', 'Sorry, something went wrong.'),
  };
}

/** The demo number's menu: 1 support, 2 sales, anything else support; the survey asks NPS too. */
export function menuFlow(): CallFlow {
  const { queueId: _queueId, ...flow } = queueFlow();
  return {
    ...flow,
    survey: { ...flow.survey!, nps: { enabled: true, prompt: text('Порекомендуете ли вы нас, от 0 до 10?', 'Would you recommend us, from 0 to 10?') } },
    menu: {
      prompt: text('Поддержка — 1. Продажи — 2.', 'Support, 1. Sales, 2.'),
      invalidInput: text('Извините, такого варианта нет.', 'Sorry, that is not an option.'),
      defaultQueueId: 'support',
      attempts: 3,
      timeoutSeconds: 5,
      options: { '1': { label: 'Поддержка', queueId: 'support' }, '2': { label: 'Продажи', queueId: 'sales' } },
    },
  };
}
