import { describe, expect, it } from 'vitest';
import { scriptForContact } from './selection.ts';
import type { Script } from './values.ts';

const script = (scriptId: string, attach: Script['attach'], updatedAt = '2026-12-01T00:00:00.000Z', archived?: boolean) => ({ scriptId, attach, updatedAt, ...(archived && { archived }) });

describe('the script a contact gets', () => {
  const scripts = [
    script('queue', { queueIds: ['sales'] }),
    script('chat', { queueIds: ['sales'], channels: ['telegram', 'webchat'] }),
    script('ivr', { queueIds: ['sales'], menuChoices: ['2'] }),
    script('old', { queueIds: ['support'] }, '2026-11-01T00:00:00.000Z'),
    script('new', { queueIds: ['support'] }, '2026-12-02T00:00:00.000Z'),
    script('gone', { queueIds: ['vip'] }, '2026-12-03T00:00:00.000Z', true),
  ];

  it('is the most specific one of its queue: an IVR choice, then a channel, then the queue alone', () => {
    expect(scriptForContact(scripts, { queueId: 'sales', channel: 'voice', menuChoice: '2' })?.scriptId).toBe('ivr');
    expect(scriptForContact(scripts, { queueId: 'sales', channel: 'telegram' })?.scriptId).toBe('chat');
    expect(scriptForContact(scripts, { queueId: 'sales', channel: 'voice', menuChoice: '1' })?.scriptId).toBe('queue');
  });

  it('is the most recently changed among equals, and never an archived one or another queue’s', () => {
    expect(scriptForContact(scripts, { queueId: 'support', channel: 'voice' })?.scriptId).toBe('new');
    expect(scriptForContact(scripts, { queueId: 'vip', channel: 'voice' })).toBeUndefined();
  });
});
