import { describe, expect, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import { translate } from '../../i18n/messages.ts';
import { callOutcome } from './call-outcome.ts';

const AT = '2026-03-02T10:00:00.000Z';
const contact = (overrides: Partial<Contact>) => ({ channel: 'voice', createdAt: AT, ...overrides }) as Pick<Contact, 'channel' | 'createdAt' | 'voicemail' | 'dialAttempts' | 'survey'>;

describe('callOutcome', () => {
  it('lists a callback voicemail, its dials oldest first, then the survey score', () => {
    // Arrange
    const callback = contact({
      channel: 'callback',
      voicemail: { location: 'calls/vm-1.wav', durationSeconds: 41.6 },
      dialAttempts: [
        { at: '2026-03-02T10:20:00.000Z', result: 'answered', callId: 'c2' },
        { at: '2026-03-02T10:10:00.000Z', result: 'busy', callId: 'c1' },
      ],
      survey: { score: 4, answeredAt: '2026-03-02T10:30:00.000Z', via: 'keypad' },
    });
    // Act, Assert
    expect(callOutcome(callback)).toEqual([
      { kind: 'voicemail', at: AT, durationSeconds: 42 },
      { kind: 'dial', at: '2026-03-02T10:10:00.000Z', result: 'busy' },
      { kind: 'dial', at: '2026-03-02T10:20:00.000Z', result: 'answered' },
      { kind: 'survey', score: 4 },
    ]);
  });

  it('gives a voicemail without a known length its time only', () => {
    expect(callOutcome(contact({ channel: 'callback', voicemail: { location: 'calls/vm-2.wav' } }))).toEqual([{ kind: 'voicemail', at: AT }]);
  });

  it('says nothing of a call without an outcome, and gives a chat its survey answer, NPS included', () => {
    expect(callOutcome(contact({}))).toEqual([]);
    expect(callOutcome(contact({ channel: 'telegram' }))).toEqual([]);
    expect(callOutcome(contact({ channel: 'telegram', survey: { score: 5, nps: 9, answeredAt: AT, via: 'messenger' } }))).toEqual([{ kind: 'survey', score: 5, nps: 9 }]);
    expect(callOutcome(contact({ channel: 'webchat', survey: { nps: 3, answeredAt: AT, via: 'widget' } }))).toEqual([{ kind: 'survey', nps: 3 }]);
  });

  it('names every dial result in Russian and English', () => {
    for (const result of ['answered', 'busy', 'no-answer', 'failed'] as const) {
      expect(translate('ru', `dialResult.${result}`)).not.toBe(translate('en', `dialResult.${result}`));
    }
  });
});
