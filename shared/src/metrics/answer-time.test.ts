// The slowest agent answer: a call's ringing at the agent, a chat's wait for the agent's first reply once accepted.
import { describe, expect, it } from 'vitest';
import { agentAnswerSeconds, type ChatMessage } from './chat-events.ts';

const at = (time: string) => `2026-12-02T${time}.000Z`;
const message = (direction: ChatMessage['direction'], time: string, authorId?: string): ChatMessage => ({ direction, sentAt: at(time), ...(authorId && { authorId }) });

describe('agentAnswerSeconds', () => {
  it('counts from the acceptance when the customer wrote while waiting', () => {
    expect(agentAnswerSeconds([message('inbound', '10:00:00'), message('outbound', '10:00:33', 'anna')], at('10:00:30'), at('10:05:00'))).toBe(3);
  });

  it('counts from the customer’s first message when it came after the acceptance', () => {
    expect(agentAnswerSeconds([message('inbound', '10:01:00'), message('outbound', '10:01:02', 'anna')], at('10:00:30'), at('10:05:00'))).toBe(2);
  });

  it('skips automatic messages, whispers and replies from before the acceptance', () => {
    const messages: ChatMessage[] = [message('inbound', '10:00:00'), message('outbound', '10:00:10', 'boris'), message('outbound', '10:00:31', 'system'), { ...message('outbound', '10:00:32', 'irina'), whisper: true }, message('outbound', '10:00:40', 'anna')];
    expect(agentAnswerSeconds(messages, at('10:00:30'), at('10:05:00'))).toBe(10);
  });

  it('counts a chat never replied to until it closed, and nothing for a chat the customer never wrote in', () => {
    expect(agentAnswerSeconds([message('inbound', '10:00:00')], at('10:00:30'), at('10:02:30'))).toBe(120);
    expect(agentAnswerSeconds([message('outbound', '10:00:40', 'anna')], at('10:00:30'), at('10:02:30'))).toBeUndefined();
  });
});
