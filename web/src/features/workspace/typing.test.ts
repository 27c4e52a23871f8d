import { describe, expect, it, vi } from 'vitest';
import type { ServerMessageOf } from '../../api/types.ts';
import { createThrottle, isTyping, sendsTyping, TYPING_SEND_EVERY_MS, TYPING_SHOW_MS, typingAfterMessage, typingAfterPush } from './typing.ts';

const push = (over: Partial<ServerMessageOf<'typing'>> = {}): ServerMessageOf<'typing'> => ({ type: 'typing', from: 'visitor', contactId: 'c1', conversationId: 'webchat:w1:v1', at: '2020-01-01T00:00:00Z', ...over });

describe('customer typing', () => {
  it('shows for 5 s after the visitor’s push arrived, and each new push extends it', () => {
    // Act
    const first = typingAfterPush(undefined, push(), 'c1', 1_000);
    const again = typingAfterPush(first, push(), 'c1', 4_000);
    // Assert
    expect(first).toBe(1_000 + TYPING_SHOW_MS);
    expect(isTyping(first, 1_000)).toBe(true);
    expect(isTyping(first, 1_000 + TYPING_SHOW_MS - 1)).toBe(true);
    expect(isTyping(first, 1_000 + TYPING_SHOW_MS)).toBe(false);
    expect(isTyping(again, 1_000 + TYPING_SHOW_MS)).toBe(true);
    expect(isTyping(again, 4_000 + TYPING_SHOW_MS)).toBe(false);
    expect(isTyping(undefined, 0)).toBe(false);
  });

  it('ignores pushes for other contacts and the agents’ own typing', () => {
    expect(typingAfterPush(undefined, push({ contactId: 'c2' }), 'c1', 1_000)).toBeUndefined();
    expect(typingAfterPush(undefined, push({ from: 'agent', name: 'Анна' }), 'c1', 1_000)).toBeUndefined();
    expect(typingAfterPush(7_000, push({ contactId: 'c2' }), 'c1', 1_000)).toBe(7_000);
  });

  it('ends when the customer’s message arrives, not on ours or another contact’s', () => {
    expect(typingAfterMessage(6_000, { contactId: 'c1', direction: 'inbound' }, 'c1')).toBeUndefined();
    expect(typingAfterMessage(6_000, { contactId: 'c1', direction: 'outbound' }, 'c1')).toBe(6_000);
    expect(typingAfterMessage(6_000, { contactId: 'c2', direction: 'inbound' }, 'c1')).toBe(6_000);
  });

  it('is told to web chats only', () => {
    expect(sendsTyping('webchat')).toBe(true);
    expect((['telegram', 'whatsapp', 'vk', 'viber', 'yandex', 'voice', 'callback', 'webcall'] as const).some((c) => sendsTyping(c))).toBe(false);
  });
});

describe('createThrottle', () => {
  it('sends at once, then at most once every 3 s however fast the agent types', () => {
    // Arrange
    let now = 10_000;
    const send = vi.fn();
    const throttle = createThrottle(send, TYPING_SEND_EVERY_MS, () => now);
    // Act: a keystroke every 200 ms for 7 s
    const fired: number[] = [];
    for (; now <= 17_000; now += 200) if (throttle.fire()) fired.push(now);
    // Assert
    expect(fired).toEqual([10_000, 13_000, 16_000]);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('sends on the first keystroke after a pause, and queues nothing for later', () => {
    // Arrange
    let now = 0;
    const send = vi.fn();
    const throttle = createThrottle(send, 3_000, () => now);
    // Act
    throttle.fire();
    now = 2_999;
    const early = throttle.fire();
    now = 60_000;
    const late = throttle.fire();
    // Assert
    expect(early).toBe(false);
    expect(late).toBe(true);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
