/**
 * A scripted call through the local contact center: the emulator dials the demo number with a conversation
 * script, routing connects an agent, and once the caller joins the agent's meeting the scripted caller's
 * Transcribe events reach the one ingestion; the agent reads the transcript back over the API. Every wait is on
 * a condition, never on time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TranscriptSegment } from '@cc/shared/voice/values';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { BUILT_IN_SCRIPTS } from '../local/voice/scripted-caller.ts';
import { signIn, waitFor } from '../../test/live.ts';
import { callContactId } from './call-effects.ts';

let center: RunningContactCenter;

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true, voiceTiming: { speechMsPerChar: 1, scale: 0.01 } });
}, 120_000);
afterAll(() => center?.stop());

async function agent(login: string) {
  const user = center.demo.users.find((u) => u.login === login)!;
  const { token, user: profile } = await signIn(center.baseUrl, user);
  const api = (method: string, path: string, body?: unknown) => fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { userId: profile.userId, api };
}

const dial = (body: Record<string, unknown>) => fetch(`${center.baseUrl}/local/voice/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '+79161234567', to: center.demo.phoneNumbers[0]!.e164, ...body }) });

describe('scripted calls: the transcript of a call connected to an agent', () => {
  it('stores both channels of the built-in script plus explicit lines, finals only at the end, and lists them for the agent', async () => {
    // Arrange
    const anna = await agent('anna@romashka.demo');
    const extra = { speaker: 'agent', text: 'Всего доброго, до свидания!', afterMs: 500 };
    const res = await dial({ script: { name: 'payment-problem', lines: [extra] } });
    expect(res.status).toBe(201);
    const { callId } = (await res.json()) as { callId: string };
    await waitFor(() => center.voice.emulator.get(callId).currentAction === 'SpeakAndGetDigits');
    center.voice.emulator.pressDigits(callId, '1');
    expect((await anna.api('PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
    const contactId = callContactId(callId);
    await waitFor(async () => (await center.deps.contacts.get(center.demo.tenantId, contactId))?.status === 'offered');

    // Act
    expect((await anna.api('POST', `/contacts/${contactId}/accept`)).status).toBe(200);
    const lines = [...BUILT_IN_SCRIPTS['payment-problem'], extra];
    const segments = await waitFor(async () => {
      const body = (await (await anna.api('GET', `/contacts/${contactId}/transcript`)).json()) as { segments: TranscriptSegment[] };
      return body.segments.length === lines.length && body.segments.every((s) => !s.partial) ? body.segments : undefined;
    });

    // Assert
    expect(segments.map((s) => [s.speaker, s.text])).toEqual(lines.map((l) => [l.speaker, l.text]));
    expect(segments.map((s) => s.startMs)).toEqual([...segments.map((s) => s.startMs)].sort((a, b) => a - b));
    expect(segments[0]!.startMs).toBe(500);
    center.voice.emulator.hangUp(callId);
  });

  it('refuses a script that is neither a built-in name nor lines (400)', async () => {
    // Act
    const unknown = await dial({ script: 'no-such-script' });
    const empty = await dial({ script: [] });
    const badLine = await dial({ script: [{ speaker: 'robot', text: 'бип' }] });

    // Assert
    expect([unknown.status, empty.status, badLine.status]).toEqual([400, 400, 400]);
  });
});
