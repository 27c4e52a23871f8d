import { describe, expect, it } from 'vitest';
import { segmentsOfCall, segmentsOfChat, type ChatLine } from './segments.ts';

describe('a finished contact as segments', () => {
  it('reads a chat: the customer and the agent, oldest first, without bot prompts, whispers, barge-ins or empty messages', () => {
    const lines: ChatLine[] = [
      { direction: 'outbound', text: 'Здравствуйте, Анна!', sentAt: '2026-12-03T10:00:05Z', authorId: 'u-anna' },
      { direction: 'inbound', text: 'Где мой заказ?', sentAt: '2026-12-03T10:00:00Z' },
      { direction: 'outbound', text: 'Выберите отдел', sentAt: '2026-12-03T10:00:01Z', authorId: 'system' },
      { direction: 'outbound', text: 'Спроси номер заказа', sentAt: '2026-12-03T10:00:06Z', authorId: 'u-oleg', whisper: true },
      { direction: 'outbound', text: 'Я подключился', sentAt: '2026-12-03T10:00:07Z', authorId: 'u-oleg', authorName: 'Олег' },
      { direction: 'inbound', sentAt: '2026-12-03T10:00:08Z' },
      { direction: 'outbound', text: 'Ответил из приложения', sentAt: '2026-12-03T10:00:09Z', authorId: 'vk:42' },
    ];
    expect(segmentsOfChat(lines)).toEqual([
      { speaker: 'customer', text: 'Где мой заказ?', startMs: 0, endMs: 0 },
      { speaker: 'agent', text: 'Здравствуйте, Анна!', startMs: 5000, endMs: 5000 },
      { speaker: 'agent', text: 'Ответил из приложения', startMs: 9000, endMs: 9000 },
    ]);
  });

  it('reads a call’s transcript in the order the utterances began, leaving out the empty ones', () => {
    expect(segmentsOfCall([
      { speaker: 'customer', text: 'Алло', startMs: 1200, endMs: 1800 },
      { speaker: 'agent', text: 'Добрый день', startMs: 0, endMs: 1500 },
      { speaker: 'agent', text: ' ', startMs: 2000, endMs: 2100 },
    ])).toEqual([
      { speaker: 'agent', text: 'Добрый день', startMs: 0, endMs: 1500 },
      { speaker: 'customer', text: 'Алло', startMs: 1200, endMs: 1800 },
    ]);
  });
});
