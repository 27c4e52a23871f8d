import { describe, expect, it } from 'vitest';
import { SUPERVISION_ROLES } from '../voice/call-audio.ts';
import { ContactSchema } from './model.ts';
import { agentNotices, joinSupervision, leaveSupervision, MAX_SUPERVISION_ENTRIES, openSupervision, SUPERVISION_MODES, supervisionOf, whisperActive, type SupervisionEntry } from './values.ts';

const irina = { userId: 'irina', name: 'Ирина' };
const oleg = { userId: 'oleg', name: 'Олег' };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 10, minute));

describe('call supervision entries', () => {
  it('opens an entry for a supervisor who starts listening', () => {
    // Act
    const entries = joinSupervision(undefined, irina, 'listen', at(1));
    // Assert
    expect(entries).toEqual([{ userId: 'irina', name: 'Ирина', role: 'listen', since: at(1).toISOString() }]);
  });

  it('closes the previous entry when the supervisor switches from listening to barging', () => {
    // Arrange
    const listening = joinSupervision(undefined, irina, 'listen', at(1));
    // Act
    const barging = joinSupervision(listening, irina, 'barge', at(3));
    // Assert
    expect(barging).toEqual([
      { userId: 'irina', name: 'Ирина', role: 'listen', since: at(1).toISOString(), until: at(3).toISOString() },
      { userId: 'irina', name: 'Ирина', role: 'barge', since: at(3).toISOString() },
    ]);
    expect(supervisionOf(barging, 'irina')?.role).toBe('barge');
  });

  it('changes nothing when the supervisor asks again for the mode they are in (a reload)', () => {
    const listening = joinSupervision(undefined, irina, 'listen', at(1));
    expect(joinSupervision(listening, irina, 'listen', at(2))).toBeUndefined();
  });

  it('keeps each supervisor’s entry apart', () => {
    // Arrange
    const both = joinSupervision(joinSupervision(undefined, irina, 'listen', at(1)), oleg, 'whisper', at(2));
    // Act
    const left = leaveSupervision(both, 'irina', at(4));
    // Assert
    expect(openSupervision(left)).toEqual([{ userId: 'oleg', name: 'Олег', role: 'whisper', since: at(2).toISOString() }]);
    expect(left?.find((e) => e.userId === 'irina')?.until).toBe(at(4).toISOString());
  });

  it('writes nothing when a supervisor leaves who was not in the call', () => {
    expect(leaveSupervision(joinSupervision(undefined, irina, 'listen', at(1)), 'oleg', at(2))).toBeUndefined();
    expect(leaveSupervision(undefined, 'oleg', at(2))).toBeUndefined();
  });

  it(`keeps at most ${MAX_SUPERVISION_ENTRIES} entries, dropping the oldest closed ones and never an open one`, () => {
    // Arrange: Олег listens the whole time while Ирина switches modes many times.
    let entries: SupervisionEntry[] | undefined = joinSupervision(undefined, oleg, 'listen', at(0));
    const modes = ['listen', 'whisper', 'barge'] as const;
    for (let i = 0; i < 40; i++) entries = joinSupervision(entries, irina, modes[i % 3]!, at(i + 1)) ?? entries;
    // Assert
    expect(entries).toHaveLength(MAX_SUPERVISION_ENTRIES);
    expect(openSupervision(entries).map((e) => e.userId).sort()).toEqual(['irina', 'oleg']);
    expect(entries!.at(-1)).toMatchObject({ userId: 'irina', since: at(40).toISOString() });
    // The survivors are still in time order: the newest closed stretches were kept.
    const closedSince = entries!.filter((e) => e.until !== undefined).map((e) => e.since);
    expect(closedSince).toEqual([...closedSince].sort());
    expect(closedSince[0]).toBe(at(40 - (MAX_SUPERVISION_ENTRIES - 2)).toISOString());
  });

  it('tells the agent about whispers and barges but not about a silent listen', () => {
    // Arrange
    const entries = joinSupervision(joinSupervision(undefined, irina, 'whisper', at(1)), oleg, 'listen', at(2));
    // Act
    const notices = agentNotices({ status: 'connected', supervision: entries });
    // Assert
    expect(notices.map((e) => [e.name, e.role])).toEqual([['Ирина', 'whisper']]);
    expect(whisperActive({ status: 'connected', supervision: entries })).toBe(true);
    expect(whisperActive({ status: 'connected', supervision: leaveSupervision(entries, 'irina', at(3)) })).toBe(false);
  });

  it('shows no notice once the call is no longer connected', () => {
    const entries = joinSupervision(undefined, irina, 'barge', at(1));
    expect(agentNotices({ status: 'after-contact-work', supervision: entries })).toEqual([]);
  });

  it('names the same modes as the audio roles, and the contact schema stores them', () => {
    expect([...SUPERVISION_MODES]).toEqual([...SUPERVISION_ROLES]);
    const entries = joinSupervision(undefined, irina, 'whisper', at(1));
    const contact = { tenantId: 't', contactId: 'c', queueId: 'q', channel: 'voice', status: 'connected', enqueuedAt: at(0).toISOString(), statusSince: at(0).toISOString(), createdAt: at(0).toISOString(), version: 3, supervision: entries };
    expect(ContactSchema.parse(contact).supervision).toEqual(entries);
    expect(() => ContactSchema.parse({ ...contact, supervision: [{ ...entries![0], role: 'caller' }] })).toThrow();
  });
});
