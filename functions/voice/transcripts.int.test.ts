import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Contact } from '@cc/shared/contacts/model';
import type { LiveConnection } from '@cc/shared/realtime/ports';
import { AGENT_CUSTOMER_CHANNELS } from '@cc/shared/voice/transcript';
import { NotFoundError } from '@cc/shared/errors';
import { createTestDeps } from '../../test/deps.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
const frames: Record<string, unknown[]> = { anna: [], boris: [], sup: [] };
const wire = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../test/fixtures/wire/transcribe/${name}`, import.meta.url), 'utf8'));
const at = '2026-12-02T10:00:00.000Z';
const voiceContact = (contactId: string, agentId: string): Contact => ({ tenantId: 'acme', contactId, queueId: 'support', channel: 'voice', status: 'connected', agentId, enqueuedAt: at, statusSince: at, createdAt: at, priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1, call: { callId: 'tx-1', number: '+74950000000', customer: '+79161234567' } });

beforeAll(async () => {
  ctx = await createTestDeps();
  const consoleOf = (userId: string, roles: LiveConnection['roles']): LiveConnection => ({ tenantId: 'acme', connectionId: `conn-${userId}`, userId, roles, connectedAt: new Date().toISOString() });
  for (const [userId, roles] of [['anna', ['agent']], ['boris', ['agent']], ['sup', ['supervisor']]] as const) {
    await ctx.deps.connections.put(consoleOf(userId, [...roles]));
    ctx.hub.attach(`conn-${userId}`, { send: (data) => void frames[userId]!.push(JSON.parse(data)), readyState: 1 });
  }
  await ctx.deps.contacts.create(voiceContact('call-tx-1', 'anna'));
});
afterAll(() => ctx.table.drop());

describe('TranscriptService.ingest', () => {
  it('stores a Transcribe event’s segments and pushes them to the contact’s agent and supervisors, not other agents', async () => {
    // Act
    const written = await ctx.services.transcripts.ingest('acme', 'call-tx-1', wire('transcript-event-final-ch1.json'), AGENT_CUSTOMER_CHANNELS);

    // Assert
    expect(written).toEqual([expect.objectContaining({ speaker: 'customer', text: 'Здравствуйте, не могу оплатить заказ.', partial: false })]);
    expect(await ctx.services.transcripts.list('acme', 'call-tx-1')).toEqual(written);
    const pushed = { type: 'transcript', contactId: 'call-tx-1', segments: written };
    expect(frames.anna).toEqual([pushed]);
    expect(frames.sup).toEqual([pushed]);
    expect(frames.boris).toEqual([]);
  });

  it('pushes nothing for an event that changes nothing (a repeat)', async () => {
    // Arrange
    frames.anna!.length = 0;

    // Act
    const written = await ctx.services.transcripts.ingest('acme', 'call-tx-1', wire('transcript-event-final-ch1.json'), AGENT_CUSTOMER_CHANNELS);

    // Assert
    expect(written).toEqual([]);
    expect(frames.anna).toEqual([]);
  });

  it('raises a live alert from a partial segment when the caller asks for a manager, once', async () => {
    // Arrange: the caller's words while the call is still connected, first partial then final
    await ctx.deps.contacts.create(voiceContact('call-tx-2', 'anna'));
    const said = (partial: boolean) => {
      const event = structuredClone(wire('transcript-event-final-ch1.json')) as { TranscriptEvent: { Transcript: { Results: Record<string, unknown>[] } } };
      const result = event.TranscriptEvent.Transcript.Results[0]!;
      Object.assign(result, { ResultId: 'esc-1', IsPartial: partial, StartTime: 9, EndTime: 12, Alternatives: [{ Transcript: 'Позовите руководителя, я хочу написать претензию', Items: [] }] });
      return event;
    };

    // Act
    await ctx.services.transcripts.ingest('acme', 'call-tx-2', said(true), AGENT_CUSTOMER_CHANNELS);
    await ctx.services.transcripts.ingest('acme', 'call-tx-2', said(false), AGENT_CUSTOMER_CHANNELS);

    // Assert
    const alerts = (await ctx.deps.conversationAlerts.list('acme', 10)).filter((a) => a.contactId === 'call-tx-2');
    expect(alerts).toEqual([expect.objectContaining({ trigger: 'escalation_request', phase: 'live', channel: 'voice', agentId: 'anna', evidence: expect.objectContaining({ speaker: 'customer', text: 'Позовите руководителя, я хочу написать претензию' }) })]);
  });

  it('refuses a body that is not a TranscriptEvent and a contact of another tenant', async () => {
    await expect(ctx.services.transcripts.ingest('acme', 'call-tx-1', { Transcript: { Results: 'no' } }, AGENT_CUSTOMER_CHANNELS)).rejects.toBeInstanceOf(ZodError);
    await expect(ctx.services.transcripts.ingest('other', 'call-tx-1', wire('transcript-event-final-ch1.json'), AGENT_CUSTOMER_CHANNELS)).rejects.toBeInstanceOf(NotFoundError);
  });
});
