import { describe, expect, it } from 'vitest';
import { parseAliceRequest } from '../messaging/yandex/normalize.ts';
import { readWireSample } from '../messaging/testing/wire.ts';
import { aliceTokens, classifyAliceTurn, composeAliceReply, topicOfWords, type AliceFacts } from './alice-skill.ts';
import { describeBusinessHours } from './business-hours-text.ts';
import { formatPhoneRu, parseSpokenPhone } from './phone.ts';

type Call = { session: Record<string, unknown>; request: Record<string, unknown>; state?: Record<string, unknown> };
const sample = () => readWireSample<Call>('yandex-dialogs/request-simple-utterance.json');
const say = (utterance: string, extra: { state?: unknown; isNew?: boolean } = {}) => {
  const call = sample();
  return parseAliceRequest({
    ...call,
    session: { ...call.session, new: extra.isNew ?? false },
    request: { ...call.request, command: utterance.toLowerCase(), original_utterance: utterance, nlu: { tokens: [], entities: [] } },
    state: { session: extra.state ?? {} },
  });
};
const facts: AliceFacts = { companyName: 'ООО «Ромашка»', open: true, hoursText: 'пн–пт 09:00–21:00', waiting: 3 };

describe('classifyAliceTurn', () => {
  it('takes the documented sample (asking for an operator) as a callback request and asks for the phone', () => {
    // Act
    const intent = classifyAliceTurn(parseAliceRequest(sample()));
    // Assert: the order number 104523 is not a phone number
    expect(intent).toEqual({ type: 'ask_phone' });
  });

  it('books at once when the phone comes with the request', () => {
    expect(classifyAliceTurn(say('Перезвоните мне на 8 900 123-45-67'))).toEqual({ type: 'book_callback', phone: '+79001234567' });
  });

  it('reads the phone on the turn after asking, and counts misunderstandings', () => {
    expect(classifyAliceTurn(say('+7 (912) 345 67 89', { state: { step: 'awaiting_phone' } }))).toEqual({ type: 'book_callback', phone: '+79123456789' });
    expect(classifyAliceTurn(say('не помню', { state: { step: 'awaiting_phone', phoneAttempts: 1 } }))).toEqual({ type: 'phone_not_understood', attempts: 2 });
  });

  it.each([
    ['Какие у вас часы работы?', 'hours'],
    ['Сколько человек в очереди', 'queue'],
    ['хватит', 'goodbye'],
    ['расскажи анекдот', 'unknown'],
    ['ping', 'ping'],
  ])('understands «%s» as %s', (utterance, type) => {
    expect(classifyAliceTurn(say(utterance)).type).toBe(type);
  });

  it('greets on launch', () => {
    expect(classifyAliceTurn(say('', { isNew: true }))).toEqual({ type: 'welcome' });
  });
});

describe('composeAliceReply', () => {
  it('says the hours and whether the company is open now', () => {
    expect(composeAliceReply({ type: 'hours' }, facts).text).toBe('Сейчас мы работаем. Часы работы: пн–пт 09:00–21:00.');
    expect(composeAliceReply({ type: 'hours' }, { ...facts, open: false }).text).toMatch(/^Сейчас мы закрыты/);
  });

  it('says the queue length in correct Russian', () => {
    expect(composeAliceReply({ type: 'queue' }, facts).text).toBe('Сейчас в очереди 3 обращения.');
    expect(composeAliceReply({ type: 'queue' }, { ...facts, waiting: 5 }).text).toBe('Сейчас в очереди 5 обращений.');
    expect(composeAliceReply({ type: 'queue' }, { ...facts, waiting: 0 }).text).toBe('Сейчас очереди нет.');
  });

  it('remembers that it waits for a phone number, and confirms a booking', () => {
    expect(composeAliceReply({ type: 'ask_phone' }, undefined).options.sessionState).toEqual({ step: 'awaiting_phone', phoneAttempts: 0 });
    expect(composeAliceReply({ type: 'book_callback', phone: '+79001234567' }, facts).text).toContain('+7 900 123-45-67');
  });
});

describe('phones and hours in words', () => {
  it.each([
    ['8 900 123 45 67', '+79001234567'],
    ['9001234567', '+79001234567'],
    ['+44 20 7946 0958', '+442079460958'],
    ['заказ 104523', undefined],
  ])('parses %s', (text, phone) => {
    expect(parseSpokenPhone(text)).toBe(phone);
  });

  it('formats a Russian number for reading back', () => {
    expect(formatPhoneRu('+79001234567')).toBe('+7 900 123-45-67');
  });

  it('groups days with the same hours', () => {
    const span = [{ open: '09:00', close: '21:00' }];
    expect(describeBusinessHours({ weekly: { mon: span, tue: span, wed: span, thu: span, fri: span, sat: [{ open: '10:00', close: '18:00' }] }, holidays: [] })).toBe('пн–пт 09:00–21:00, сб 10:00–18:00');
    expect(describeBusinessHours(undefined)).toBe('круглосуточно');
  });
});

describe('keyword matching', () => {
  it('splits once into words and matches keyword prefixes, so work grows with the words, not their square', () => {
    // Arrange: the input that made `час\S* работ` backtrack, at the longest length Yandex sends
    const attack = 'час'.repeat(341);
    // Act, Assert: one long word, which no topic's phrase matches
    expect(aliceTokens(attack)).toEqual([attack]);
    expect(topicOfWords(aliceTokens(attack))).toBeUndefined();
    expect(topicOfWords(aliceTokens(`${'час '.repeat(250)}работы`))).toBe('hours');
  });

  it.each([
    ['До свидания!', 'goodbye'],
    ['соедините с человеком', 'ask_phone'],
    ['закажите обратный звонок', 'ask_phone'],
    ['какой у вас режим работы', 'hours'],
    ['что ты умеешь', 'help'],
    ['сейчас человеком', undefined],
  ])('reads «%s» as %s', (text, topic) => {
    expect(topicOfWords(aliceTokens(text))).toBe(topic);
  });
});
