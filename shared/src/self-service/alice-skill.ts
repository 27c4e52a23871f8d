import type { AliceResponseOptions, AliceUtterance } from '../messaging/yandex/normalize.ts';
import { formatPhoneRu, parseSpokenPhone } from './phone.ts';

/** What the skill remembers between turns of one session (`session_state`). */
export interface AliceSessionState {
  step?: 'awaiting_phone';
  phoneAttempts?: number;
}

/** What the customer wants on this turn. */
export type AliceIntent =
  | { type: 'ping' }
  | { type: 'welcome' }
  | { type: 'hours' }
  | { type: 'queue' }
  | { type: 'ask_phone' }
  | { type: 'book_callback'; phone: string }
  | { type: 'phone_not_understood'; attempts: number }
  /** The booking was refused by a limit (too many requests from this session, user or phone). */
  | { type: 'callback_limited' }
  | { type: 'help' }
  | { type: 'goodbye' }
  | { type: 'unknown' };

/** Facts the reply needs, read only for the intents that need them. */
export interface AliceFacts {
  companyName: string;
  /** Whether the queue is within business hours now. */
  open: boolean;
  /** Opening hours as words, e.g. `пн–пт 09:00–21:00`. */
  hoursText: string;
  /** Contacts waiting in the queue now. */
  waiting: number;
}

/** A reply ready for `buildAliceResponse`. */
export interface AliceReply {
  text: string;
  options: AliceResponseOptions;
}

const MENU = [
  { title: 'Часы работы', payload: 'hours', hide: true },
  { title: 'Очередь', payload: 'queue', hide: true },
  { title: 'Перезвоните мне', payload: 'callback', hide: true },
];

const normalise = (text: string) => text.toLocaleLowerCase('ru').replace(/ё/g, 'е');

function readState(state: unknown): AliceSessionState {
  if (typeof state !== 'object' || state === null) return {};
  const { step, phoneAttempts } = state as Record<string, unknown>;
  return {
    ...(step === 'awaiting_phone' && { step }),
    ...(typeof phoneAttempts === 'number' && { phoneAttempts }),
  };
}

/**
 * Keywords of each topic, as token prefixes (a crude stem: `очеред` matches очередь, очереди, …; words of
 * one or two letters must be equal); a phrase is consecutive tokens, each matching its keyword. First
 * topic wins, in this order.
 */
const TOPICS: ReadonlyArray<{ topic: AliceIntent['type']; phrases: ReadonlyArray<readonly string[]>; exact?: boolean }> = [
  { topic: 'goodbye', exact: true, phrases: [['стоп'], ['выход'], ['хватит'], ['пока'], ['до', 'свидания']] },
  { topic: 'queue', phrases: [['очеред'], ['ожидан'], ['долго', 'ждать'], ['сколько', 'ждать']] },
  { topic: 'ask_phone', phrases: [['перезвон'], ['обратн', 'звон'], ['позвони'], ['звонок'], ['оператор'], ['с', 'человеком'], ['связат'], ['соедини']] },
  { topic: 'hours', phrases: [['час', 'работ'], ['график'], ['режим', 'работ'], ['работаете'], ['открыт'], ['закрыт'], ['выходн']] },
  { topic: 'help', phrases: [['помощь'], ['помоги'], ['что', 'ты', 'умеешь'], ['что', 'умеешь']] },
];

/** Words of a text, lower case with ё as е: split once, so matching is linear in the text's length. */
export function aliceTokens(text: string): string[] {
  return normalise(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Whether `phrase` starts at token `at`: each word equal to (exact, short words) or starting with its keyword. */
function phraseAt(tokens: readonly string[], at: number, phrase: readonly string[], exact: boolean): boolean {
  if (at + phrase.length > tokens.length) return false;
  return phrase.every((word, i) => (exact || word.length <= 2 ? tokens[at + i] === word : tokens[at + i]!.startsWith(word)));
}

/**
 * The topic named by keywords: tokens × a fixed set of short phrases, so the work grows linearly with
 * the utterance (the regular expressions this replaced backtracked quadratically on `час\S* работ`).
 */
export function topicOfWords(tokens: readonly string[]): AliceIntent['type'] | undefined {
  for (const { topic, phrases, exact = false } of TOPICS) {
    for (let at = 0; at < tokens.length; at++) if (phrases.some((phrase) => phraseAt(tokens, at, phrase, exact))) return topic;
  }
  return undefined;
}

/** The intent named by a pressed button of ours or by keywords in what was said. */
function topicOf(utterance: AliceUtterance): AliceIntent['type'] | undefined {
  const pressed = typeof utterance.payload === 'object' && utterance.payload !== null ? (utterance.payload as { button?: unknown }).button : undefined;
  if (pressed === 'hours' || pressed === 'queue') return pressed;
  if (pressed === 'callback') return 'ask_phone';
  return topicOfWords(aliceTokens(`${utterance.command} ${utterance.originalUtterance}`));
}

/**
 * Reads one skill turn: a launch greets, keywords or our buttons pick business hours, queue status
 * or a callback; asking for a callback collects the phone number (said right away or on the next
 * turn). Yandex's health-check `ping` is answered at once.
 */
export function classifyAliceTurn(utterance: AliceUtterance): AliceIntent {
  if (utterance.command === 'ping' || utterance.originalUtterance === 'ping') return { type: 'ping' };
  if (utterance.isNewSession && utterance.command === '' && utterance.type === 'SimpleUtterance') return { type: 'welcome' };
  const state = readState(utterance.sessionState);
  const topic = topicOf(utterance);
  const phone = parseSpokenPhone(utterance.originalUtterance || utterance.command);
  if (topic === 'ask_phone') return phone ? { type: 'book_callback', phone } : { type: 'ask_phone' };
  if (topic) return { type: topic } as AliceIntent;
  if (state.step === 'awaiting_phone') {
    return phone ? { type: 'book_callback', phone } : { type: 'phone_not_understood', attempts: (state.phoneAttempts ?? 0) + 1 };
  }
  return { type: 'unknown' };
}

/** Which facts an intent's reply needs (so the handler reads nothing for a ping). */
export function factsNeeded(intent: AliceIntent): boolean {
  return intent.type === 'hours' || intent.type === 'queue' || intent.type === 'book_callback' || intent.type === 'welcome';
}

const plural = (n: number, one: string, few: string, many: string) => {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
};

/** The skill's answer to an intent; `book_callback` is answered once the callback contact exists. */
export function composeAliceReply(intent: AliceIntent, facts: AliceFacts | undefined): AliceReply {
  const company = facts?.companyName ?? 'наша компания';
  switch (intent.type) {
    case 'ping':
      return { text: 'pong', options: {} };
    case 'welcome':
      return {
        text: `Здравствуйте! Это ${company}. Я подскажу часы работы и очередь к операторам или закажу обратный звонок. Что вас интересует?`,
        options: { buttons: MENU },
      };
    case 'help':
    case 'unknown':
      return {
        text: `${intent.type === 'unknown' ? 'Не совсем поняла. ' : ''}Я могу подсказать часы работы, рассказать, сколько обращений в очереди, или записать вас на обратный звонок.`,
        options: { buttons: MENU },
      };
    case 'hours':
      return {
        text: facts?.open
          ? `Сейчас мы работаем. Часы работы: ${facts.hoursText}.`
          : `Сейчас мы закрыты. Часы работы: ${facts?.hoursText ?? 'уточняются'}. Могу записать вас на обратный звонок.`,
        options: { buttons: MENU },
      };
    case 'queue': {
      const waiting = facts?.waiting ?? 0;
      const line = waiting === 0 ? 'Сейчас очереди нет.' : `Сейчас в очереди ${waiting} ${plural(waiting, 'обращение', 'обращения', 'обращений')}.`;
      return { text: `${line}${facts && !facts.open ? ' Операторы сейчас не работают, но я могу записать вас на обратный звонок.' : ''}`, options: { buttons: MENU } };
    }
    case 'ask_phone':
      return { text: 'Назовите номер телефона, на который вам перезвонить.', options: { sessionState: { step: 'awaiting_phone', phoneAttempts: 0 } } };
    case 'phone_not_understood':
      if (intent.attempts >= 3) {
        return { text: 'Не получилось разобрать номер. Напишите нам в мессенджер или позвоните сами — мы на связи.', options: { buttons: MENU } };
      }
      return {
        text: 'Не расслышала номер. Назовите его целиком, например: восемь девятьсот один два три сорок пять шестьдесят семь.',
        options: { sessionState: { step: 'awaiting_phone', phoneAttempts: intent.attempts } },
      };
    case 'book_callback':
      return {
        text: `Записала: перезвоним на номер ${formatPhoneRu(intent.phone)}. ${facts?.open === false ? `Позвоним в рабочее время: ${facts.hoursText}.` : 'Оператор позвонит в ближайшее время.'}`,
        options: { endSession: true },
      };
    case 'callback_limited':
      return { text: 'Заявок на обратный звонок с этого устройства или на этот номер уже достаточно — мы перезвоним. Если нужно срочно, напишите нам в мессенджер.', options: { endSession: true } };
    case 'goodbye':
      return { text: 'До свидания! Будем рады помочь.', options: { endSession: true } };
  }
}
