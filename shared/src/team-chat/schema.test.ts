import { describe, expect, it } from 'vitest';
import { HistoryQuerySchema, ReadMarkerSchema, SearchQuerySchema, SendTeamMessageSchema } from './schema.ts';
import { TEAM_CHAT_LIMITS } from './values.ts';

describe('team chat bodies', () => {
  it('take text, a shared contact or both, and refuse an empty or too long message with its reason', () => {
    expect(SendTeamMessageSchema.parse({ text: ' Привет ', clientMessageId: 'c-1' })).toEqual({ text: 'Привет', clientMessageId: 'c-1' });
    expect(SendTeamMessageSchema.parse({ clientMessageId: 'c-2', contactId: 'ct-1' })).toEqual({ text: '', clientMessageId: 'c-2', contactId: 'ct-1' });
    const empty = SendTeamMessageSchema.safeParse({ text: '   ', clientMessageId: 'c-3' });
    expect(empty.error?.issues[0]).toMatchObject({ path: ['text'], message: 'a message needs text or a shared contact' });
    const long = SendTeamMessageSchema.safeParse({ text: 'я'.repeat(TEAM_CHAT_LIMITS.textMaxLength + 1), clientMessageId: 'c-4' });
    expect(long.error?.issues[0]?.message).toBe('a message is at most 4000 characters');
    expect(SendTeamMessageSchema.safeParse({ text: 'x', clientMessageId: 'c 5' }).success).toBe(false);
    expect(SendTeamMessageSchema.safeParse({ text: 'x', clientMessageId: 'c-6', senderId: 'someone' }).success).toBe(false);
  });

  it('read a marker, a page and a search', () => {
    expect(ReadMarkerSchema.safeParse({ sentAt: '2026-12-05T10:00:00.000Z', messageId: 'tm-1' }).success).toBe(true);
    expect(ReadMarkerSchema.safeParse({ sentAt: 'yesterday', messageId: 'tm-1' }).success).toBe(false);
    expect(HistoryQuerySchema.parse({})).toEqual({ limit: TEAM_CHAT_LIMITS.pageSize });
    expect(HistoryQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
    expect(SearchQuerySchema.safeParse({ q: 'a' }).error?.issues[0]?.message).toBe('search for at least 2 characters');
  });
});
