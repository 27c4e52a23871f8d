/**
 * The flow a phone number gets until an admin configures one: greeting, straight to the number's queue,
 * announcements with the callback offer, voicemail when closed, and the survey. Russian first, English complete.
 */
import { CallFlowSchema, type CallFlow, type CallFlowInput, type Menu } from './flow-config.ts';

const texts = {
  greeting: { ru: 'Здравствуйте! Вы позвонили в контакт-центр.', en: 'Hello! You have reached our contact center.' },
  holdText: { ru: 'Пожалуйста, оставайтесь на линии, вам ответит первый освободившийся оператор.', en: 'Please stay on the line, the next available agent will answer.' },
  callbackOffer: { ru: 'Чтобы мы перезвонили вам, не теряя вашей очереди, нажмите 1.', en: 'To get a call back without losing your place, press 1.' },
  callbackConfirmed: { ru: 'Спасибо! Мы перезвоним вам на этот номер, как только оператор освободится. До свидания!', en: 'Thank you! We will call you back on this number as soon as an agent is free. Goodbye!' },
  callbackIntro: { ru: 'Здравствуйте! Это обратный звонок по вашей просьбе, соединяю с оператором.', en: 'Hello! This is the call back you asked for, connecting you to an agent.' },
  closed: { ru: 'Сейчас мы не работаем.', en: 'We are closed at the moment.' },
  consent: { ru: 'Разговор может быть записан для контроля качества.', en: 'This call may be recorded for quality purposes.' },
  survey: { ru: 'Пожалуйста, оцените разговор с оператором от 1 до 5, где 5 — отлично.', en: 'Please rate the conversation from 1 to 5, where 5 is excellent.' },
  surveyThanks: { ru: 'Спасибо за оценку! До свидания!', en: 'Thank you for your rating! Goodbye!' },
  voicemail: { ru: 'Оставьте, пожалуйста, сообщение после сигнала, и мы вам перезвоним.', en: 'Please leave a message after the tone and we will call you back.' },
  voicemailThanks: { ru: 'Спасибо, ваше сообщение записано. До свидания!', en: 'Thank you, your message has been recorded. Goodbye!' },
  goodbye: { ru: 'Спасибо за звонок! До свидания!', en: 'Thank you for calling! Goodbye!' },
  apology: { ru: 'Извините, произошла ошибка. Пожалуйста, перезвоните позже.', en: 'Sorry, something went wrong. Please call again later.' },
  invalidInput: { ru: 'Извините, такого варианта нет.', en: 'Sorry, that is not an option.' },
};

/** The parts every flow shares, for a flow with either a queue or a menu. */
function base(): Omit<CallFlowInput, 'menu' | 'queueId'> {
  return {
    language: 'ru',
    greeting: texts.greeting,
    hold: { prompt: 'hold-music', announceEverySeconds: 30, offerCallback: true, holdText: texts.holdText },
    callback: { offer: texts.callbackOffer, confirmed: texts.callbackConfirmed, intro: texts.callbackIntro },
    closed: { message: texts.closed, then: 'voicemail' },
    recording: { enabled: true, consentPrompt: texts.consent },
    survey: { enabled: true, prompt: texts.survey, thanks: texts.surveyThanks },
    voicemail: { prompt: texts.voicemail, maxSeconds: 120, thanks: texts.voicemailThanks },
    goodbye: texts.goodbye,
    apology: texts.apology,
  };
}

/** A number without a configured flow: its calls go to `queueId`. */
export function defaultCallFlow(queueId: string): CallFlow {
  return CallFlowSchema.parse({ ...base(), queueId });
}

/** A flow with a one-level menu: `options` maps keys to queues with their spoken labels. */
export function menuCallFlow(options: { digit: string; queueId: string; label: string; prompt: { ru: string; en: string } }[], defaultQueueId: string): CallFlow {
  const prompt = { ru: options.map((o) => o.prompt.ru).join(' '), en: options.map((o) => o.prompt.en).join(' ') };
  const menu: Menu = { prompt, invalidInput: texts.invalidInput, defaultQueueId, attempts: 3, timeoutSeconds: 5, options: Object.fromEntries(options.map((o) => [o.digit, { label: o.label, queueId: o.queueId }])) };
  return CallFlowSchema.parse({ ...base(), menu });
}

