import { describe, expect, it } from 'vitest';
import type { Contact } from '../contacts/model.ts';
import { isLiveCall, toWidgetCallView } from './calls.ts';

const enqueuedAt = '2026-12-02T10:00:00.000Z';
const call = (patch: Partial<Contact>): Contact => ({
  tenantId: 't1', contactId: 'wc-1', queueId: 'support', channel: 'webcall', status: 'queued', priority: 0, requiredSkills: [], excludedAgentIds: [],
  enqueuedAt, statusSince: enqueuedAt, createdAt: enqueuedAt, history: [], version: 1, ...patch,
}) as Contact;

describe('toWidgetCallView', () => {
  it('counts the wait so far while the call waits', () => {
    // Act
    const view = toWidgetCallView(call({}), new Date('2026-12-02T10:01:30.000Z'));
    // Assert
    expect(view).toEqual({ contactId: 'wc-1', status: 'waiting', waitSeconds: 90, version: 1 });
  });

  it('calls a call that ended before any agent answered abandoned, with the wait up to the hang-up', () => {
    // Act
    const view = toWidgetCallView(call({ status: 'abandoned', statusSince: '2026-12-02T10:00:42.000Z', version: 3 }), new Date('2026-12-02T11:00:00.000Z'));
    // Assert
    expect(view).toMatchObject({ status: 'ended', outcome: 'abandoned', waitSeconds: 42 });
  });

  it('calls an answered call completed once it ends, its wait lasting until the answer', () => {
    // Act
    const connected = toWidgetCallView(call({ status: 'connected', agentId: 'a1', connectedAt: '2026-12-02T10:00:10.000Z' }), new Date('2026-12-02T10:05:00.000Z'), { agentName: 'Мария Соколова' });
    const ended = toWidgetCallView(call({ status: 'after-contact-work', connectedAt: '2026-12-02T10:00:10.000Z', statusSince: '2026-12-02T10:04:00.000Z' }), new Date('2026-12-02T10:05:00.000Z'), { agentName: 'Мария Соколова' });
    // Assert
    expect(connected).toMatchObject({ status: 'connected', agentName: 'Мария Соколова', waitSeconds: 10 });
    expect(ended).toEqual({ contactId: 'wc-1', status: 'ended', outcome: 'completed', waitSeconds: 10, version: 1 });
  });

  it('treats waiting, offered and connected calls as live, and ended ones not', () => {
    // Assert
    expect(['queued', 'offered', 'connected'].map((status) => isLiveCall({ status } as Contact))).toEqual([true, true, true]);
    expect(['abandoned', 'after-contact-work', 'closed'].map((status) => isLiveCall({ status } as Contact))).toEqual([false, false, false]);
  });
});
