import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ChimeSDKMeetingsClient, CreateAttendeeCommand, CreateMeetingCommand, GetMeetingCommand } from '@aws-sdk/client-chime-sdk-meetings';
import type { Principal } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import { ChimeMeetingRooms, meetingExternalId } from '../adapters/voice/chime-meetings.ts';
import { CallAudioAccess } from './audio-access.ts';

// A whisper on Chime SDK meetings: the whisperer listens in the call's meeting and speaks in a second meeting the agent hears.
const chime = mockClient(ChimeSDKMeetingsClient);
afterEach(() => chime.reset());
afterAll(() => chime.restore());

const now = new Date('2026-12-02T10:00:00.000Z');
const irina: Principal = { tenantId: 't', userId: 'irina', roles: ['supervisor'], name: 'Ирина', login: 'irina@t' };
const anna: Principal = { tenantId: 't', userId: 'anna', roles: ['agent'], name: 'Анна', login: 'anna@t' };
let contact: Contact;

function access() {
  const rooms = new ChimeMeetingRooms(new ChimeSDKMeetingsClient({ region: 'us-east-1' }), 'eu-central-1');
  const routing = { readContact: async () => contact } as never;
  // annotate as the routing commands do it: the patch applied to a fresh read, the version moved on.
  const commands = {
    annotate: async (_t: string, _c: string, patch: (c: Contact) => Partial<Contact> | undefined) => {
      const fields = patch(contact);
      if (fields) contact = { ...contact, ...fields, version: contact.version + 1 };
      return contact;
    },
  };
  return new CallAudioAccess({ routing, meetings: rooms, clock: { now: () => now } }, commands);
}

beforeEach(() => {
  contact = { tenantId: 't', contactId: 'c-1', queueId: 'q', channel: 'voice', status: 'connected', agentId: 'anna', enqueuedAt: now.toISOString(), statusSince: now.toISOString(), createdAt: now.toISOString(), priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 4 };
  chime.on(CreateMeetingCommand).callsFake((input: { ExternalMeetingId: string }) => ({ Meeting: { MeetingId: input.ExternalMeetingId.endsWith(':whisper') ? 'm-whisper' : 'm-call' } }));
  chime.on(GetMeetingCommand).callsFake((input: { MeetingId: string }) => ({ Meeting: { MeetingId: input.MeetingId, MediaRegion: 'eu-central-1' } }));
  let n = 0;
  chime.on(CreateAttendeeCommand).callsFake(() => ({ Attendee: { AttendeeId: `a-${++n}`, JoinToken: `jt-${n}` } }));
});

const attendees = () => chime.commandCalls(CreateAttendeeCommand).map((c) => c.args[0].input);

describe('CallAudioAccess on Chime SDK meetings', () => {
  it('seats a whisperer as a listener in the call’s meeting and as the speaker of a whisper meeting', async () => {
    // Act
    const ticket = await access().ticket(irina, 'c-1', 'whisper');
    // Assert
    expect(ticket).toMatchObject({ role: 'whisper', provider: 'chime', meetingId: 'm-call', receiveOnly: true, whisper: { role: 'whisper', meetingId: 'm-whisper', joinToken: 'jt-2' } });
    expect(ticket.whisper?.receiveOnly).toBeUndefined();
    expect(chime.commandCalls(CreateMeetingCommand).map((c) => c.args[0].input.ClientRequestToken)).toEqual(['t:c-1', 't:c-1:whisper']);
    expect(attendees()).toMatchObject([
      { MeetingId: 'm-call', ExternalUserId: 'listen:irina', Capabilities: { Audio: 'Receive' } },
      { MeetingId: 'm-whisper', ExternalUserId: 'whisper:irina', Capabilities: { Audio: 'SendReceive' } },
    ]);
    expect(contact.supervision).toEqual([{ userId: 'irina', name: 'Ирина', role: 'whisper', since: now.toISOString() }]);
  });

  it('gives the agent, while a whisper is on, a receive-only seat in the whisper meeting besides the call', async () => {
    // Arrange
    await access().ticket(irina, 'c-1', 'whisper');
    chime.resetHistory();
    // Act
    const ticket = await access().ticket(anna, 'c-1', 'agent');
    // Assert
    expect(ticket).toMatchObject({ role: 'agent', meetingId: 'm-call', whisper: { role: 'agent', meetingId: 'm-whisper', receiveOnly: true } });
    expect(ticket.receiveOnly).toBeUndefined();
    expect(attendees()).toMatchObject([
      { MeetingId: 'm-call', ExternalUserId: 'agent:anna', Capabilities: { Audio: 'SendReceive' } },
      { MeetingId: 'm-whisper', ExternalUserId: 'agent:anna', Capabilities: { Audio: 'Receive' } },
    ]);
  });

  it('opens no whisper meeting for the agent when nobody whispers, nor for a listen or a barge', async () => {
    // Act
    const agent = await access().ticket(anna, 'c-1', 'agent');
    const listen = await access().ticket(irina, 'c-1', 'listen');
    const barge = await access().ticket(irina, 'c-1', 'barge');
    // Assert
    expect([agent.whisper, listen.whisper, barge.whisper]).toEqual([undefined, undefined, undefined]);
    expect(listen.receiveOnly).toBe(true);
    expect(barge.receiveOnly).toBeUndefined();
    expect(chime.commandCalls(CreateMeetingCommand).map((c) => c.args[0].input.ExternalMeetingId)).toEqual(['t:c-1', 't:c-1', 't:c-1']);
    expect(attendees().map((a) => [a.ExternalUserId, a.Capabilities?.Audio])).toEqual([['agent:anna', 'SendReceive'], ['listen:irina', 'Receive'], ['barge:irina', 'SendReceive']]);
  });

  it('names the whisper meeting apart from the call’s even when the ids are too long to keep whole', () => {
    const longContact = 'c'.repeat(60);
    const call = meetingExternalId('tenant', longContact, 'call');
    const whisper = meetingExternalId('tenant', longContact, 'whisper');
    expect(call).toHaveLength(64);
    expect(whisper.length).toBeLessThanOrEqual(64);
    expect(whisper).not.toBe(call);
    expect(meetingExternalId('tenant', longContact, 'whisper')).toBe(whisper);
    expect(meetingExternalId('t', 'c-1', 'whisper')).toBe('t:c-1:whisper');
  });
});
