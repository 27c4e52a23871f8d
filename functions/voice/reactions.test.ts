import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@cc/shared/errors';
import type { Contact } from '@cc/shared/contacts/model';
import type { CallControl } from '@cc/shared/voice/ports';
import { LocalMeetingRooms } from '../local/voice/local-meetings.ts';
import type { ItemChange } from '../streams/app.ts';
import { voiceReactions } from './reactions.ts';
import { CALL_ENDED } from './call-effects.ts';

const AT = '2026-12-02T10:00:00.000Z';
const base: Contact = {
  tenantId: 't', contactId: 'call-tx-1', queueId: 'support', channel: 'voice', status: 'offered', agentId: 'u-agent-1', enqueuedAt: AT, statusSince: AT, createdAt: AT,
  priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 3, call: { callId: 'tx-1', number: '+74951234567', customer: '+79161234567' },
};

function recordingControl(gone = false) {
  const updates: Parameters<CallControl['updateCall']>[] = [];
  const control: CallControl = {
    updateCall: async (...args) => {
      updates.push(args);
      if (gone) throw new NotFoundError('Call', args[0]);
    },
    placeCall: async () => ({ callId: 'never' }),
  };
  return { control, updates };
}

const change = (before: Contact, after: Contact): ItemChange => ({ eventName: 'MODIFY', entity: 'contact', oldImage: { ...before }, newImage: { ...after }, sequenceNumber: '1' });

async function run(reactions: ReturnType<typeof voiceReactions>, item: ItemChange) {
  for (const reaction of reactions) await reaction.react(item);
}

describe('voice reactions', () => {
  it('joins the answered caller to the contact’s meeting through the telephony provider', async () => {
    const { control, updates } = recordingControl();
    const meetings = new LocalMeetingRooms();
    await run(voiceReactions({ callControl: control, meetings }), change(base, { ...base, status: 'connected', version: 4 }));
    expect(updates).toHaveLength(1);
    const [callId, update] = updates[0]!;
    const { meetingId } = await meetings.open('t', 'call-tx-1');
    expect(callId).toBe('tx-1');
    expect(update).toMatchObject({ reason: 'agent-connected', agentId: 'u-agent-1', target: { kind: 'meeting', meetingId } });
    // The token joins the caller's seat of that very meeting.
    expect(meetings.admit(meetingId, update.target!.kind === 'meeting' ? update.target!.joinToken : '')?.role).toBe('caller');
  });

  it('tells the call its agent left, but not when the caller’s own hang-up ended it', async () => {
    const { control, updates } = recordingControl();
    const reactions = voiceReactions({ callControl: control, meetings: new LocalMeetingRooms() });
    const connected = { ...base, status: 'connected' as const, version: 4 };
    const byAgent = { ...connected, status: 'after-contact-work' as const, version: 5, history: [{ contactId: base.contactId, from: 'connected', to: 'after-contact-work', at: AT, reason: 'ended' }] };
    const byCaller = { ...byAgent, history: [{ ...byAgent.history[0]!, reason: `${CALL_ENDED}: caller hung up` }] };
    await run(reactions, change(connected, byAgent));
    await run(reactions, change(connected, byCaller));
    expect(updates.map(([id, u]) => [id, u.reason])).toEqual([['tx-1', 'agent-left']]);
  });

  it('closes the call’s meeting when the caller hangs up on the agent, or when the answered call closes, and tells the signalling', async () => {
    // Arrange
    const meetings = new LocalMeetingRooms();
    const closed: string[] = [];
    meetings.onClose((meetingId) => closed.push(meetingId));
    const reactions = voiceReactions({ callControl: recordingControl().control, meetings });
    const connected = { ...base, status: 'connected' as const, version: 4, history: [{ contactId: base.contactId, from: 'offered', to: 'connected', at: AT }] };
    const byCaller = { ...connected, status: 'after-contact-work' as const, version: 5, history: [...connected.history, { contactId: base.contactId, from: 'connected', to: 'after-contact-work', at: AT, reason: `${CALL_ENDED}: caller hung up` }] };
    const wrapped = { ...byCaller, status: 'closed' as const, version: 6, history: [...byCaller.history, { contactId: base.contactId, from: 'after-contact-work', to: 'closed', at: AT }] };
    // Act
    await run(reactions, change(base, connected));
    const first = (await meetings.open('t', base.contactId)).meetingId;
    await run(reactions, change(connected, byCaller));
    await run(reactions, change(base, connected));
    const second = (await meetings.open('t', base.contactId)).meetingId;
    await run(reactions, change(byCaller, wrapped));
    // Assert
    expect(closed).toEqual([first, second]);
    expect(meetings.has(second)).toBe(false);
  });

  it('keeps the meeting while the agent ends alone (the flow leads the caller out) and through a transfer', async () => {
    // Arrange
    const meetings = new LocalMeetingRooms();
    const reactions = voiceReactions({ callControl: recordingControl().control, meetings });
    const connected = { ...base, status: 'connected' as const, version: 4 };
    const byAgent = { ...connected, status: 'after-contact-work' as const, version: 5, history: [{ contactId: base.contactId, from: 'connected', to: 'after-contact-work', at: AT, reason: 'ended' }] };
    const transferred = { ...connected, status: 'transferred' as const, version: 5, history: [{ contactId: base.contactId, from: 'connected', to: 'transferred', at: AT }] };
    await run(reactions, change(base, connected));
    const { meetingId } = await meetings.open('t', base.contactId);
    // Act
    await run(reactions, change(connected, byAgent));
    await run(reactions, change(connected, transferred));
    // Assert
    expect(meetings.has(meetingId)).toBe(true);
  });

  it('leaves chats and contacts without a call alone, and shrugs at a call that has already ended', async () => {
    const { control, updates } = recordingControl(true);
    const reactions = voiceReactions({ callControl: control, meetings: new LocalMeetingRooms() });
    const { call: _call, ...withoutCall } = base;
    await run(reactions, change({ ...base, channel: 'telegram' }, { ...base, channel: 'telegram', status: 'connected' }));
    await run(reactions, change(withoutCall, { ...withoutCall, status: 'connected' }));
    expect(updates).toHaveLength(0);
    await expect(run(reactions, change(base, { ...base, status: 'connected', version: 4 }))).resolves.toBeUndefined();
    expect(updates).toHaveLength(1);
  });
});
