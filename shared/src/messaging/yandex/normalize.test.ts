import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { MessageSchema, type NormalizeContext } from '../model.ts';
import { readWireSample } from '../testing/wire.ts';
import { buildAliceResponse, normalizeAliceRequest, parseAliceRequest } from './normalize.ts';

const context: NormalizeContext = { channelId: 'alice-acme', receivedAt: '2024-06-20T09:00:00.000Z' };

interface AliceSample {
  session: Record<string, unknown>;
  request: Record<string, unknown>;
}

describe('parseAliceRequest', () => {
  it('reads the utterance, session ids, application id and entities of the documented request', () => {
    // Arrange
    const body = readWireSample('yandex-dialogs/request-simple-utterance.json');

    // Act
    const utterance = parseAliceRequest(body);

    // Assert
    expect(utterance).toEqual({
      type: 'SimpleUtterance',
      command: 'соедини с оператором по заказу 104523',
      originalUtterance: 'Соедини с оператором по заказу 104523',
      payload: {},
      sessionId: '2eac4854-fce721f3-b845abba-20d60',
      messageId: 1,
      skillId: '3ad36498-f5rd-4079-a14b-788652932056',
      isNewSession: false,
      applicationId: '47C73714B580ED2469056E71081159529FFC676A4E5B059D629A819E857DC2F8',
      userId: '47C73714B580ED2469056E71081159529FFC676A4E5B059D629A819E857DC2F8',
      locale: 'ru-RU',
      timezone: 'Europe/Moscow',
      entities: [{ type: 'YANDEX.NUMBER', start: 5, end: 6, value: 104523 }],
      sessionState: { step: 'order' },
      dangerousContext: false,
    });
  });

  it('rejects a call without a session', () => {
    // Arrange
    const { session: _omitted, ...body } = readWireSample<AliceSample>('yandex-dialogs/request-simple-utterance.json');

    // Act
    const act = () => parseAliceRequest(body);

    // Assert
    expect(act).toThrow(ZodError);
  });
});

describe('normalizeAliceRequest', () => {
  it('turns a phrase into an inbound text message of the session', () => {
    // Arrange
    const body = readWireSample('yandex-dialogs/request-simple-utterance.json');

    // Act
    const result = normalizeAliceRequest(body, context);

    // Assert
    expect(result.kind).toBe('messages');
    if (result.kind !== 'messages') return;
    expect(result.messages.map((message) => MessageSchema.parse(message))).toEqual([
      {
        channel: 'yandex',
        channelId: 'alice-acme',
        conversationExternalId: '2eac4854-fce721f3-b845abba-20d60',
        customerExternalId: '47C73714B580ED2469056E71081159529FFC676A4E5B059D629A819E857DC2F8',
        customer: { language: 'ru-RU' },
        direction: 'inbound',
        kind: 'text',
        text: 'Соедини с оператором по заказу 104523',
        attachments: [],
        providerMessageId: '2eac4854-fce721f3-b845abba-20d60:1',
        dedupKey: '2eac4854-fce721f3-b845abba-20d60:1',
        sentAt: context.receivedAt,
        edited: false,
      },
    ]);
  });

  it('turns a launch without a phrase into a started event', () => {
    // Arrange
    const sample = readWireSample<AliceSample>('yandex-dialogs/request-simple-utterance.json');
    const body = {
      ...sample,
      session: { ...sample.session, new: true, message_id: 0 },
      request: { ...sample.request, command: '', original_utterance: '' },
    };

    // Act
    const result = normalizeAliceRequest(body, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'conversation',
      events: [{ type: 'started', conversationExternalId: '2eac4854-fce721f3-b845abba-20d60', dedupKey: '2eac4854-fce721f3-b845abba-20d60:0' }],
    });
  });

  it('turns a button press into a button reply with our payload', () => {
    // Arrange
    const sample = readWireSample<AliceSample>('yandex-dialogs/request-simple-utterance.json');
    const body = {
      ...sample,
      request: { type: 'ButtonPressed', payload: { button: 'cancel' }, nlu: { tokens: ['отмена'], entities: [], intents: {} } },
    };

    // Act
    const result = normalizeAliceRequest(body, context);

    // Assert
    expect(result).toMatchObject({ kind: 'messages', messages: [{ kind: 'button_reply', button: { payload: 'cancel' } }] });
  });

  it('ignores request types it does not handle', () => {
    // Arrange
    const sample = readWireSample<AliceSample>('yandex-dialogs/request-simple-utterance.json');
    const body = { ...sample, request: { type: 'AudioPlayer.PlaybackFinished' } };

    // Act
    const result = normalizeAliceRequest(body, context);

    // Assert
    expect(result).toEqual({ kind: 'ignored', reason: 'request type not handled', updateType: 'AudioPlayer.PlaybackFinished' });
  });
});

describe('buildAliceResponse', () => {
  it('produces the documented response shape', () => {
    // Arrange
    const expected = readWireSample('yandex-dialogs/response.json');

    // Act
    const response = buildAliceResponse('Соединяю с оператором. Номер заказа 104523.', {
      tts: 'Соединяю с оператором. Номер заказа - один ноль четыре пять два три.',
      buttons: [{ title: 'Отмена', payload: { action: 'cancel' }, hide: true }],
      sessionState: { step: 'handoff' },
    });

    // Assert
    expect(response).toEqual(expected);
  });

  it('defaults to keeping the session open with no buttons', () => {
    // Act
    const response = buildAliceResponse('Оператор скоро ответит.');

    // Assert
    expect(response).toEqual({ version: '1.0', response: { text: 'Оператор скоро ответит.', end_session: false } });
  });

  it('wraps a string button payload so a press reads it back', () => {
    // Act
    const response = buildAliceResponse('Оценка?', { buttons: [{ title: 'Отлично', payload: 'csat-5', hide: true }] });

    // Assert
    expect(response.response.buttons).toEqual([{ title: 'Отлично', payload: { button: 'csat-5' }, hide: true }]);
  });

  it('refuses a text longer than the protocol allows', () => {
    // Act
    const act = () => buildAliceResponse('я'.repeat(1025));

    // Assert
    expect(act).toThrow(ZodError);
  });
});
