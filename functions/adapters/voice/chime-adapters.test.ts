import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ChimeSDKVoiceClient, CreateSipMediaApplicationCallCommand, NotFoundException, UpdateSipMediaApplicationCallCommand } from '@aws-sdk/client-chime-sdk-voice';
import { ChimeSDKMeetingsClient, CreateAttendeeCommand, CreateMeetingCommand, DeleteMeetingCommand, GetMeetingCommand, NotFoundException as MeetingNotFound } from '@aws-sdk/client-chime-sdk-meetings';
import { NotFoundError } from '@cc/shared/errors';
import { decodeCallUpdate } from '@cc/shared/voice/sma/to-event';
import { ChimeCallControl } from './chime-call-control.ts';
import { ChimeMeetingRooms } from './chime-meetings.ts';

const voice = mockClient(ChimeSDKVoiceClient);
const meetings = mockClient(ChimeSDKMeetingsClient);
afterEach(() => {
  voice.reset();
  meetings.reset();
});
// Unit test files share a worker's modules (isolate: false): leave the real clients behind.
afterAll(() => {
  voice.restore();
  meetings.restore();
});

const SMA = 'c3f1e2d4-7a58-4b1e-9d3c-5e6f7a8b9c01';

describe('ChimeCallControl', () => {
  it('asks the SMA to join the caller to the agent’s meeting with arguments the voice handler decodes back', async () => {
    voice.on(UpdateSipMediaApplicationCallCommand).resolves({ SipMediaApplicationCall: { TransactionId: 'tx-1' } });
    await new ChimeCallControl(new ChimeSDKVoiceClient({ region: 'us-east-1' }), SMA).updateCall('tx-1', { reason: 'agent-connected', agentId: 'u-agent-1', target: { kind: 'meeting', meetingId: 'm-1', joinToken: 'jt' } });
    const input = voice.commandCalls(UpdateSipMediaApplicationCallCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ SipMediaApplicationId: SMA, TransactionId: 'tx-1' });
    expect(decodeCallUpdate(input.Arguments!)).toEqual({ type: 'update-requested', reason: 'agent-connected', agentId: 'u-agent-1', target: { kind: 'meeting', meetingId: 'm-1', joinToken: 'jt' } });
  });

  it('reports a call that has already ended as NotFound', async () => {
    voice.on(UpdateSipMediaApplicationCallCommand).rejects(new NotFoundException({ message: 'gone', $metadata: {} }));
    await expect(new ChimeCallControl(new ChimeSDKVoiceClient({ region: 'us-east-1' }), SMA).updateCall('tx-gone', { reason: 'agent-left' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('places an outbound call from our number with the contact in the arguments', async () => {
    voice.on(CreateSipMediaApplicationCallCommand).resolves({ SipMediaApplicationCall: { TransactionId: 'tx-out' } });
    const placed = await new ChimeCallControl(new ChimeSDKVoiceClient({ region: 'us-east-1' }), SMA).placeCall({ from: '+74951234567', to: '+79161234567', tenantId: 't', contactId: 'c-1' });
    expect(placed).toEqual({ callId: 'tx-out' });
    expect(voice.commandCalls(CreateSipMediaApplicationCallCommand)[0]!.args[0].input).toEqual({ SipMediaApplicationId: SMA, FromPhoneNumber: '+74951234567', ToPhoneNumber: '+79161234567', ArgumentsMap: { tenantId: 't', contactId: 'c-1' } });
  });
});

describe('ChimeMeetingRooms', () => {
  const rooms = () => new ChimeMeetingRooms(new ChimeSDKMeetingsClient({ region: 'us-east-1' }), 'eu-central-1');

  it('opens one meeting per contact (the request token is the contact) in the media region', async () => {
    meetings.on(CreateMeetingCommand).resolves({ Meeting: { MeetingId: 'm-1' } });
    expect((await rooms().open('t', 'c-1')).meetingId).toBe('m-1');
    expect(meetings.commandCalls(CreateMeetingCommand)[0]!.args[0].input).toMatchObject({ ClientRequestToken: 't:c-1', ExternalMeetingId: 't:c-1', MediaRegion: 'eu-central-1' });
  });

  it('lets a listening supervisor only receive audio, and agents and callers talk', async () => {
    meetings.on(CreateAttendeeCommand).resolves({ Attendee: { AttendeeId: 'a-1', JoinToken: 'jt-1' } });
    meetings.on(GetMeetingCommand).resolves({ Meeting: { MeetingId: 'm-1', MediaRegion: 'eu-central-1' } });
    expect(await rooms().join('m-1', { userId: 'u-sup', role: 'listen' })).toEqual({
      provider: 'chime',
      meetingId: 'm-1',
      attendeeId: 'a-1',
      joinToken: 'jt-1',
      meeting: { MeetingId: 'm-1', MediaRegion: 'eu-central-1' },
      attendee: { AttendeeId: 'a-1', JoinToken: 'jt-1' },
    });
    await rooms().join('m-1', { userId: 'u-agent-1', role: 'agent' });
    const [listen, agent] = meetings.commandCalls(CreateAttendeeCommand).map((c) => c.args[0].input);
    expect(listen).toMatchObject({ ExternalUserId: 'listen:u-sup', Capabilities: { Audio: 'Receive', Video: 'None', Content: 'None' } });
    expect(agent).toMatchObject({ ExternalUserId: 'agent:u-agent-1', Capabilities: { Audio: 'SendReceive' } });
  });

  it('gives the telephony side of a caller only the join token, with no meeting read', async () => {
    meetings.on(CreateAttendeeCommand).resolves({ Attendee: { AttendeeId: 'a-2', JoinToken: 'jt-2' } });
    expect(await rooms().join('m-1', { userId: 'caller-tx', role: 'caller' })).toEqual({ provider: 'chime', meetingId: 'm-1', attendeeId: 'a-2', joinToken: 'jt-2' });
    expect(meetings.commandCalls(GetMeetingCommand)).toHaveLength(0);
  });

  it('closes a meeting once, and a gone one quietly', async () => {
    meetings.on(DeleteMeetingCommand).rejects(new MeetingNotFound({ message: 'gone', $metadata: {} }));
    await expect(rooms().close('m-gone')).resolves.toBeUndefined();
  });

  it('closes a contact’s meetings of each purpose, found by their request tokens', async () => {
    // Arrange
    meetings.on(CreateMeetingCommand).callsFake((input: { ClientRequestToken: string }) => ({ Meeting: { MeetingId: `m-${input.ClientRequestToken}` } }));
    meetings.on(DeleteMeetingCommand).resolves({});
    // Act
    await rooms().closeFor('t', 'c-1', ['call', 'whisper']);
    // Assert
    const tokens = meetings.commandCalls(CreateMeetingCommand).map((c) => c.args[0].input.ClientRequestToken);
    expect(new Set(tokens).size).toBe(2);
    expect(meetings.commandCalls(DeleteMeetingCommand).map((c) => c.args[0].input.MeetingId)).toEqual(tokens.map((token) => `m-${token}`));
  });
});
