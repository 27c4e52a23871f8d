// Browser test: live call supervision. A caller dials the demo number through the SMA emulator and Анна
// answers in her console; the supervisor's Live calls panel shows the call (agent, queue, number, talk
// time), in Russian and in English. The caller and Анна then join the call's audio with the real local
// WebRTC client (the rtc helper's test pages); the supervisor presses Listen in the console and hears both
// sides while nobody hears them, then Whisper, which only Анна hears; the supervision is recorded on the
// contact and announced (or not) on Анна's console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contact } from '@cc/shared/contacts/model';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import { signIn as apiSignIn, waitFor } from '../../test/live.ts';
import { screenshots, startHarness, type Harness } from './harness.ts';
import { fakeMediaArgs, openRtcPage, writeToneWav, type RtcPage } from './rtc-page.ts';
import { eventually } from './eventually.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  // Every page's fake microphone plays a 440 Hz beep; Анна's test page sends a 660 Hz oscillator of its own.
  const wav = writeToneWav(join(mkdtempSync(join(tmpdir(), 'call-supervision-')), 'tone-440hz.wav'));
  harness = await startHarness({ chromiumArgs: fakeMediaArgs(wav), voiceTiming: { speechMsPerChar: 1, scale: 0.01 } });
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

const CALLER = '+79161234567';

async function goAvailable(page: Page) {
  await page.getByRole('button', { name: /Мой статус/ }).click();
  await page.locator('[role="menuitemradio"][data-status="available"]').click();
  await page.locator('.status-button .status-pill[data-status="available"]').waitFor();
}

/** The console keeps the language in localStorage (the switch is on the login page): set it and reload. */
async function setLocale(page: Page, locale: 'ru' | 'en') {
  await page.evaluate((value) => localStorage.setItem('cc.locale', value), locale);
  await page.reload();
  await page.locator('.topbar').waitFor();
}

/** What the console page is probed for: its peer connections and how often it asked for a microphone. */
type Probe = { __peerConnections: RTCPeerConnection[]; __microphoneRequests: number };

/**
 * Records, in every page of `page`'s context, each RTCPeerConnection and each getUserMedia call, so the test can read
 * what the console itself received and sent (no test hook in the console's code); the page reloads to take it.
 */
async function probeAudio(page: Page) {
  await page.context().addInitScript(() => {
    const probe = window as unknown as Probe;
    probe.__peerConnections = [];
    probe.__microphoneRequests = 0;
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        probe.__peerConnections.push(this);
      }
    };
    const media = navigator.mediaDevices;
    const getUserMedia = media.getUserMedia.bind(media);
    media.getUserMedia = (constraints) => (probe.__microphoneRequests++, getUserMedia(constraints));
  });
  await page.reload();
  await page.locator('.topbar').waitFor();
}

/** The audio the console's open peer connections received (packets, energy) and sent (packets), from WebRTC's statistics. */
const consoleAudio = (page: Page) =>
  page.evaluate(async () => {
    const totals = { packets: 0, energy: 0, sent: 0 };
    for (const connection of (window as unknown as Probe).__peerConnections) {
      if (connection.connectionState === 'closed') continue;
      (await connection.getStats()).forEach((report: { type: string; kind?: string; packetsReceived?: number; totalAudioEnergy?: number; packetsSent?: number }) => {
        if (report.kind !== 'audio') return;
        if (report.type === 'inbound-rtp') {
          totals.packets += report.packetsReceived ?? 0;
          totals.energy += report.totalAudioEnergy ?? 0;
        }
        if (report.type === 'outbound-rtp') totals.sent += report.packetsSent ?? 0;
      });
    }
    return totals;
  });

const stored = (contactId: string) => harness!.center.deps.routing.readContact(harness!.center.demo.tenantId, contactId) as Promise<Contact>;

describe('live call supervision in Chromium', { timeout: 90_000 }, () => {
  let agentPage: Page;
  let supervisorPage: Page;
  let contactId: string;
  let callId: string;
  let caller: RtcPage;
  let agent: RtcPage;
  const rtcErrors: string[] = [];
  const annaApi = async (method: string, path: string, body?: unknown) => {
    const { center, demoUser } = harness!;
    const { token } = await apiSignIn(center.baseUrl, demoUser((u) => u.login === 'anna@romashka.demo'));
    return fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  };

  it('shows the connected call on the supervisor’s Live calls panel, in Russian and in English', async () => {
    // Arrange: Анна takes calls in support; the caller presses 1
    const { center, signIn, demoUser } = harness!;
    agentPage = await signIn('anna@romashka.demo');
    supervisorPage = await signIn(demoUser('supervisor').login);
    await probeAudio(supervisorPage);
    await supervisorPage.getByTestId('live-calls').waitFor();
    await goAvailable(agentPage);
    const dialled = await fetch(`${center.baseUrl}/local/voice/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: CALLER, to: center.demo.phoneNumbers[0]!.e164 }) });
    ({ callId } = (await dialled.json()) as { callId: string });
    await waitFor(() => center.voice.emulator.get(callId).currentAction === 'SpeakAndGetDigits');
    center.voice.emulator.pressDigits(callId, '1');

    // Act: Анна accepts the offer
    await agentPage.locator('.offer-card').getByRole('button', { name: 'Ответить' }).click({ timeout: 20_000 });
    await agentPage.locator('.pane[data-status="connected"]').waitFor();
    const row = supervisorPage.locator('.live-call');
    await row.waitFor({ timeout: 20_000 });
    contactId = (await row.getAttribute('data-contact-id'))!;

    // Assert
    expect(await row.locator('.agent-row__name').innerText()).toContain('Анна Петрова');
    expect(await row.innerText()).toContain('Поддержка');
    expect(await row.innerText()).toContain('+7 (916) 123-45-67');
    expect(await row.getByTestId('talk-time').innerText()).toMatch(/^0:\d\d$/);
    expect((await stored(contactId)).supervision).toBeUndefined();
    await supervisorPage.getByTestId('live-calls').screenshot({ path: join(screenshots, 'live-calls-ru.png'), animations: 'disabled' });
    await setLocale(supervisorPage, 'en');
    await supervisorPage.getByRole('heading', { name: 'Live calls' }).waitFor();
    await row.waitFor();
    expect(await row.innerText()).toContain('+7 916 123-45-67');
    expect(await row.getByRole('button', { name: 'Listen' }).count()).toBe(1);
    await supervisorPage.getByTestId('live-calls').screenshot({ path: join(screenshots, 'live-calls-en.png'), animations: 'disabled' });
    await setLocale(supervisorPage, 'ru');
    await row.waitFor();
    expect(harness!.pageErrors).toEqual([]);
  });

  it('shows the supervisor when the agent puts the caller on hold, and when they resume', async () => {
    // Arrange
    const row = supervisorPage.locator(`.live-call[data-contact-id="${contactId}"]`);

    // Act
    expect((await annaApi('POST', `/contacts/${contactId}/hold`, { onHold: true })).status).toBe(200);
    const held = await row.getByTestId('on-hold').innerText({ timeout: 20_000 });
    expect((await annaApi('POST', `/contacts/${contactId}/hold`, { onHold: false })).status).toBe(200);
    await row.getByTestId('on-hold').waitFor({ state: 'detached', timeout: 20_000 });

    // Assert
    expect(held).toMatch(/^На удержании 0:\d\d$/);
  });

  it('lets the supervisor listen from the console: their page receives both sides, sends nothing and is heard by nobody', async () => {
    // Arrange: the caller and Анна join the call's audio with the real client (the caller's microphone: the fake device's tone)
    const { center, browser } = harness!;
    // Анна's console sits in the call as the agent first (after the hold, too): the test page then takes her seat
    // for good (a replaced console does not come back), rather than racing her console for it.
    await agentPage.locator('[data-testid="softphone"][data-phase="talking"]').waitFor({ timeout: 30_000 });
    const meeting = await waitFor(() => center.voice.emulator.get(callId).meeting, 30_000);
    const callerTicket: AudioTicket = { contactId, role: 'caller', provider: 'local', meetingId: meeting.meetingId, attendeeId: '', joinToken: meeting.joinToken, signallingPath: '/local/rtc' };
    const agentTicket = (await (await annaApi('POST', `/contacts/${contactId}/audio`, { role: 'agent' })).json()) as AudioTicket;
    const context = await browser.newContext();
    caller = await openRtcPage(context, center.baseUrl, rtcErrors);
    agent = await openRtcPage(context, center.baseUrl, rtcErrors);
    await caller.join(callerTicket);
    // Her console's audio is in the room before the test page takes its seat: on a busy machine the console may join
    // after its softphone shows «talking», and a console joining later would replace the test page instead.
    await eventually(() => caller.peers(), (peers) => peers.some((p) => p.role === 'agent'));
    await agent.join(agentTicket, { toneHz: 660 });
    await eventually(() => agent.received(), (r) => r.packets > 0 && r.energy > 0);

    // Act
    await supervisorPage.locator('.live-call').getByRole('button', { name: 'Слушать' }).click();
    await supervisorPage.getByTestId('supervision-mode').getByText('Вы слушаете').waitFor();
    const heard = await eventually(() => consoleAudio(supervisorPage), (r) => r.packets > 0 && r.energy > 0);
    const listener = await eventually(async () => (await agent.peers()).find((p) => p.role === 'listen'), (p) => p !== undefined);
    await eventually(() => caller.peers(), (peers) => peers.some((p) => p.role === 'listen'));

    // Assert: the console received sound, asked for no microphone and sent nothing; neither side received from it
    expect(heard.energy).toBeGreaterThan(0);
    expect(await supervisorPage.evaluate(() => (window as unknown as Probe).__microphoneRequests)).toBe(0);
    expect((await consoleAudio(supervisorPage)).sent).toBe(0);
    expect(await caller.receivedFrom(listener!.attendeeId)).toEqual({ packets: 0, energy: 0 });
    expect(await agent.receivedFrom(listener!.attendeeId)).toEqual({ packets: 0, energy: 0 });
    expect((await stored(contactId)).supervision?.at(-1)).toMatchObject({ role: 'listen', name: 'Олег Кузнецов' });
    expect(await agentPage.getByTestId('supervision-notice').count()).toBe(0);
    expect([...harness!.pageErrors, ...rtcErrors]).toEqual([]);
  });

  it('switches to a whisper: the agent hears the supervisor, the caller does not, and the agent is told', async () => {
    // Act
    await supervisorPage.locator('.live-call').getByRole('button', { name: 'Подсказать' }).click();
    await supervisorPage.getByTestId('supervision-mode').getByText('Вы подсказываете').waitFor();
    const whisperer = await eventually(async () => (await agent.peers()).find((p) => p.role === 'whisper'), (p) => p !== undefined);
    const atAgent = await eventually(() => agent.receivedFrom(whisperer!.attendeeId), (r) => r.packets > 0 && r.energy > 0);
    await eventually(() => caller.peers(), (peers) => peers.some((p) => p.role === 'whisper'));
    // The agent got the whisperer's sound, so the caller had the same time to get it if anything were sent there.
    const atCaller = await caller.receivedFrom(whisperer!.attendeeId);
    const notice = agentPage.getByTestId('supervision-notice');
    await notice.waitFor();

    // Assert
    expect(atAgent.energy).toBeGreaterThan(0);
    expect(atCaller).toEqual({ packets: 0, energy: 0 });
    expect(await notice.innerText()).toContain('Супервизор Олег Кузнецов подсказывает вам');
    const supervision = (await stored(contactId)).supervision!;
    expect(supervision.map((e) => [e.role, e.until === undefined])).toEqual([['listen', false], ['whisper', true]]);
    await supervisorPage.getByTestId('live-calls').screenshot({ path: join(screenshots, 'live-calls-whisper-ru.png'), animations: 'disabled' });
    expect([...harness!.pageErrors, ...rtcErrors]).toEqual([]);
  });

  it('leaves: the entry closes and the agent’s notice goes', async () => {
    // Act
    await supervisorPage.locator('.live-call').getByRole('button', { name: 'Выйти' }).click();
    await supervisorPage.getByTestId('supervision-mode').waitFor({ state: 'detached' });
    await agentPage.getByTestId('supervision-notice').waitFor({ state: 'detached' });
    // Assert
    expect((await stored(contactId)).supervision!.every((e) => e.until !== undefined)).toBe(true);
  });

  it('tells the agent when a supervisor whispers or barges in, not when one listens, and drops the notice on leave', async () => {
    // Arrange: Ирина (an administrator, so a supervisor too) steps in through the API the panel uses
    const { center, demoUser } = harness!;
    const irina = demoUser((u) => u.role === 'admin');
    const { token } = await apiSignIn(center.baseUrl, irina);
    const step = (path: string, body?: unknown) => fetch(`${center.baseUrl}/api/contacts/${contactId}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    const notice = agentPage.getByTestId('supervision-notice');

    // Act + Assert: a listen is recorded but not shown
    expect((await step('/audio', { role: 'listen' })).status).toBe(201);
    await waitFor(async () => (await stored(contactId)).supervision?.some((e) => e.userId === irina.userId && e.role === 'listen' && !e.until));
    expect(await notice.count()).toBe(0);

    // a whisper is shown to the agent
    expect((await step('/audio', { role: 'whisper' })).status).toBe(201);
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`Супервизор ${irina.name} подсказывает вам, клиент не слышит`);
    await agentPage.locator('.pane').screenshot({ path: join(screenshots, 'workspace-whisper-notice-ru.png'), animations: 'disabled' });

    // a barge replaces it
    expect((await step('/audio', { role: 'barge' })).status).toBe(201);
    await notice.getByText(`К разговору подключён супервизор ${irina.name}`).waitFor();
    expect(await notice.locator('li').count()).toBe(1);

    // leaving takes the notice away, and the record keeps every stretch
    expect((await step('/audio/leave')).status).toBe(204);
    await notice.waitFor({ state: 'detached' });
    const hers = (await stored(contactId)).supervision!.filter((e) => e.userId === irina.userId);
    expect(hers.map((e) => [e.role, e.until !== undefined])).toEqual([['listen', true], ['whisper', true], ['barge', true]]);
    expect(harness!.pageErrors).toEqual([]);
  });
});
