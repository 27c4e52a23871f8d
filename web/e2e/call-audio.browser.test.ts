// Browser test: a phone call's audio really carries sound on the local contact center. A caller dials the demo
// number through the SMA emulator and chooses 1, an agent accepts through the API, the emulator joins the caller
// to the meeting; then two Chromium pages (caller and agent) join the audio with the real browser client over the
// local signalling and WebRTC, and a supervisor listens in. Sound is checked with WebRTC's own receive statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import { signIn, waitFor } from '../../test/live.ts';
import { callContactId } from '../../functions/voice/call-effects.ts';
import type { CallView } from '../../functions/local/voice/call-model.ts';
import { startHarness, type Harness } from './harness.ts';
import { fakeMediaArgs, openRtcPage, writeToneWav, type RtcPage } from './rtc-page.ts';
import { eventually } from './eventually.ts';

let harness: Harness | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  const wav = writeToneWav(join(mkdtempSync(join(tmpdir(), 'call-audio-')), 'caller-440hz.wav'));
  harness = await startHarness({ chromiumArgs: fakeMediaArgs(wav), voiceTiming: { speechMsPerChar: 1, scale: 0.01 } });
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

async function api(login: string) {
  const { center, demoUser } = harness!;
  const user = demoUser((u) => u.login === login);
  const { token } = await signIn(center.baseUrl, user);
  return (method: string, path: string, body?: unknown) =>
    fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
}

// Three browsers' audio on a shared two-core machine: generous per-test limits, every wait still a condition.
describe('call audio between real browsers', { timeout: 90_000 }, () => {
  let contactId: string;
  let callerTicket: AudioTicket;
  let agentTicket: AudioTicket;
  let caller: RtcPage;
  let agent: RtcPage;

  it('connects a real inbound call: the caller is joined to the agent’s meeting with a ticket of its own', async () => {
    // Arrange: the caller dials and presses 1 (support); Анна goes available
    const { center, demoUser } = harness!;
    const call = (callId: string): CallView => center.voice.emulator.get(callId);
    const anna = await api(demoUser('agent').login);
    const dialled = await fetch(`${center.baseUrl}/local/voice/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '+79161234567', to: center.demo.phoneNumbers[0]!.e164 }) });
    const { callId } = (await dialled.json()) as { callId: string };
    await waitFor(() => call(callId).currentAction === 'SpeakAndGetDigits');
    await fetch(`${center.baseUrl}/local/voice/calls/${callId}/digits`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ digits: '1' }) });
    expect((await anna('PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
    contactId = callContactId(callId);

    // Act: the offer comes, Анна accepts, the emulator joins the caller to the meeting
    await waitFor(async () => (await center.deps.contacts.get(center.demo.tenantId, contactId))?.status === 'offered', 30_000);
    expect((await anna('POST', `/contacts/${contactId}/accept`)).status).toBe(200);
    const meeting = await waitFor(() => call(callId).meeting, 30_000);
    const ticketRes = await anna('POST', `/contacts/${contactId}/audio`, { role: 'agent' });
    agentTicket = (await ticketRes.json()) as AudioTicket;
    const view = (await (await fetch(`${center.baseUrl}/local/voice/calls/${callId}`)).json()) as CallView;
    callerTicket = { contactId, role: 'caller', provider: 'local', meetingId: meeting.meetingId, attendeeId: '', joinToken: meeting.joinToken, signallingPath: '/local/rtc' };

    // Assert
    expect(ticketRes.status).toBe(201);
    expect(agentTicket).toMatchObject({ provider: 'local', role: 'agent', meetingId: meeting.meetingId, signallingPath: '/local/rtc' });
    expect(view.meeting).toEqual(meeting);
  });

  it('carries sound both ways: each side receives packets with energy', async () => {
    // Arrange
    const { center, browser } = harness!;
    const context = await browser.newContext();
    caller = await openRtcPage(context, center.baseUrl, pageErrors);
    agent = await openRtcPage(context, center.baseUrl, pageErrors);
    // Act: the caller's microphone is the fake device (440 Hz), the agent's an oscillator (660 Hz)
    await caller.join(callerTicket);
    await agent.join(agentTicket, { toneHz: 660 });
    const atAgent = await eventually(() => agent.received(), (r) => r.packets > 0 && r.energy > 0);
    const atCaller = await eventually(() => caller.received(), (r) => r.packets > 0 && r.energy > 0);
    // Assert
    expect(atAgent.packets).toBeGreaterThan(0);
    expect(atAgent.energy).toBeGreaterThan(0);
    expect(atCaller.packets).toBeGreaterThan(0);
    expect(atCaller.energy).toBeGreaterThan(0);
    expect(await caller.state()).toBe('connected');
    expect(pageErrors).toEqual([]);
  });

  it('lets a supervisor listen to both sides, while nobody hears the listener', async () => {
    // Arrange
    const { center, browser, demoUser } = harness!;
    const supervisor = await api(demoUser('supervisor').login);
    const res = await supervisor('POST', `/contacts/${contactId}/audio`, { role: 'listen' });
    const listenTicket = (await res.json()) as AudioTicket;
    const listener = await openRtcPage(await browser.newContext(), center.baseUrl, pageErrors);
    const callerAttendee = (await agent.peers()).find((p) => p.role === 'caller')!.attendeeId;

    // Act
    await listener.join(listenTicket);
    const fromCaller = await eventually(() => listener.receivedFrom(callerAttendee), (r) => r.packets > 0 && r.energy > 0);
    const fromAgent = await eventually(() => listener.receivedFrom(agentTicket.attendeeId), (r) => r.packets > 0 && r.energy > 0);
    // Both sides know the listener by now (peer-joined), and had time to receive from it if anything were sent.
    await eventually(() => caller.peers(), (peers) => peers.length === 2);
    const callerFromListener = await caller.receivedFrom(listenTicket.attendeeId);
    const agentFromListener = await agent.receivedFrom(listenTicket.attendeeId);

    // Assert
    expect(res.status).toBe(201);
    expect(fromCaller.energy).toBeGreaterThan(0);
    expect(fromAgent.energy).toBeGreaterThan(0);
    expect(callerFromListener).toEqual({ packets: 0, energy: 0 });
    expect(agentFromListener).toEqual({ packets: 0, energy: 0 });
    expect(pageErrors).toEqual([]);
  });

  it('sends silence while the caller is muted: the agent’s received energy stops growing, packets still flow', async () => {
    // Arrange
    const before = await agent.received();
    const growing = await eventually(() => agent.received(), (r) => r.energy > before.energy && r.packets > before.packets);
    // Act
    await caller.setMuted(true);
    // Two reads a second apart with (almost) no new energy: what was already in flight has played out.
    let last = await agent.received();
    const settled = await eventually(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const now = await agent.received();
        const step = { energy: now.energy - last.energy, packets: now.packets - last.packets };
        last = now;
        return step;
      },
      (step) => step.energy < 1e-4 && step.packets > 0,
    );
    // Assert: before muting the tone added energy by far more than that
    expect(growing.energy - before.energy).toBeGreaterThan(1e-3);
    expect(settled.energy).toBeLessThan(1e-4);
    expect(settled.packets).toBeGreaterThan(0);
  });

  it('plays the hold music to the others while the caller is on hold, and keypad tones into the call', async () => {
    // Arrange: the caller is still muted, so the agent hears silence
    const silent = await agent.received();
    // Act
    await caller.setOnHold(true);
    const music = await eventually(() => agent.received(), (r) => r.energy - silent.energy > 1e-2);
    await caller.setOnHold(false);
    let last = await agent.received();
    await eventually(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const now = await agent.received();
        const step = now.energy - last.energy;
        last = now;
        return step;
      },
      (step) => step < 1e-4,
    );
    const beforeTones = await agent.received();
    await caller.sendTones('123#');
    const tones = await eventually(() => agent.received(), (r) => r.energy - beforeTones.energy > 1e-3);
    // Assert
    expect(music.energy).toBeGreaterThan(silent.energy);
    expect(tones.energy).toBeGreaterThan(beforeTones.energy);
    expect(pageErrors).toEqual([]);
  });
});
