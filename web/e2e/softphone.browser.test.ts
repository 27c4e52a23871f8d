// Browser test: the agent's softphone on a real call of the local contact center. A caller dials the demo number
// through the SMA emulator and presses 1; Анна, signed in to the console, is rung ("incoming call" with the
// caller's number) and answers in the UI; the softphone joins the call's audio and shows "talking" with sound
// arriving. Mute sends silence, hold plays the hold music to the caller (and shows on the contact), resume takes
// the caller back, the keypad plays tones into the call, and hanging up ends the contact into after-contact work.
// Sound is checked with WebRTC's own receive statistics: the caller's from its page, the console's from every
// RTCPeerConnection the page opened (collected by an init script of this test; the console has no debug hook).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contact } from '@cc/shared/contacts/model';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import { signIn as apiSignIn, waitFor } from '../../test/live.ts';
import { callContactId } from '../../functions/voice/call-effects.ts';
import type { CallView } from '../../functions/local/voice/call-model.ts';
import type { ReceivedAudio } from '../src/voice/call-audio.ts';
import { screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';
import { fakeMediaArgs, openRtcPage, writeToneWav, type RtcPage } from './rtc-page.ts';
import { eventually } from './eventually.ts';

const VIEWPORT = { width: 1280, height: 800 };
let harness: Harness | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  const wav = writeToneWav(join(mkdtempSync(join(tmpdir(), 'softphone-')), 'microphone-440hz.wav'));
  harness = await startHarness({ chromiumArgs: fakeMediaArgs(wav), voiceTiming: { speechMsPerChar: 1, scale: 0.01 } });
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** Every RTCPeerConnection the page opens, so the test can read what the console received. */
const COLLECT_PEER_CONNECTIONS = `(() => {
  const opened = [];
  const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original { constructor(...args) { super(...args); opened.push(this); } };
  window.__receivedAudio = async () => {
    let packets = 0, energy = 0;
    for (const connection of opened) {
      if (connection.connectionState === 'closed') continue;
      (await connection.getStats()).forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'audio') { packets += s.packetsReceived ?? 0; energy += s.totalAudioEnergy ?? 0; } });
    }
    return { packets, energy };
  };
})();`;

const consoleReceived = (page: Page) => page.evaluate(() => (window as unknown as { __receivedAudio(): Promise<ReceivedAudio> }).__receivedAudio());

/** Energy the caller receives in one second, measured until two reads agree on silence or sound. */
async function callerHears(caller: RtcPage, sound: boolean) {
  let last = await caller.received();
  return eventually(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = await caller.received();
      const step = { energy: now.energy - last.energy, packets: now.packets - last.packets };
      last = now;
      return step;
    },
    (step) => step.packets > 0 && (sound ? step.energy > 1e-3 : step.energy < 1e-4),
  );
}

describe('the softphone on a real call', () => {
  let anna: Page;
  let caller: RtcPage;
  let callId: string;
  let contactId: string;
  let readContact: () => Promise<Contact>;
  const softphone = () => anna.getByTestId('softphone');
  const phase = () => softphone().getAttribute('data-phase');

  it('rings Анна with the caller’s number; answering joins the audio: talking, sound arriving, the level moving', async () => {
    // Arrange: Анна is available in the console; a caller dials the demo number and presses 1
    const { center, demoUser, signIn, browser } = harness!;
    const user = demoUser('agent');
    anna = await signIn(user.login, VIEWPORT);
    anna.on('pageerror', (error) => pageErrors.push(error.message));
    await anna.context().addInitScript(COLLECT_PEER_CONNECTIONS);
    await anna.reload();
    await anna.locator('.topbar').waitFor();
    await anna.getByRole('button', { name: /Мой статус/ }).click();
    await anna.locator('[role="menuitemradio"][data-status="available"]').click();
    const { token } = await apiSignIn(center.baseUrl, user);
    readContact = async () => (await (await fetch(`${center.baseUrl}/api/contacts/${contactId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Contact;
    const call = (id: string): CallView => center.voice.emulator.get(id);
    const dialled = await fetch(`${center.baseUrl}/local/voice/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '+79161234567', to: center.demo.phoneNumbers[0]!.e164 }) });
    callId = ((await dialled.json()) as { callId: string }).callId;
    contactId = callContactId(callId);
    await waitFor(() => call(callId).currentAction === 'SpeakAndGetDigits', 30_000);
    await fetch(`${center.baseUrl}/local/voice/calls/${callId}/digits`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ digits: '1' }) });

    // Act: the offer rings; Анна answers; the emulator seats the caller, whose page then joins the audio
    const offer = anna.locator('.offer-card[data-call="voice"]');
    await offer.waitFor({ timeout: 30_000 });
    const badge = await offer.locator('.offer-card__badge').textContent();
    const who = await offer.locator('.offer-card__name').innerText();
    await offer.getByRole('button', { name: 'Ответить' }).click();
    const meeting = await waitFor(() => call(callId).meeting, 30_000);
    caller = await openRtcPage(await browser.newContext(), center.baseUrl, pageErrors);
    const callerTicket: AudioTicket = { contactId, role: 'caller', provider: 'local', meetingId: meeting.meetingId, attendeeId: '', joinToken: meeting.joinToken, signallingPath: '/local/rtc' };
    await caller.join(callerTicket, { toneHz: 660 });
    await anna.locator('.softphone[data-phase="talking"]').waitFor({ timeout: 30_000 });
    const received = await eventually(() => consoleReceived(anna), (r) => r.packets > 0 && r.energy > 0);
    const level = await eventually(async () => Number(await anna.getByTestId('remote-level').getAttribute('aria-valuenow')), (n) => n > 0);
    await anna.screenshot({ path: join(screenshots, 'softphone-talking-ru.png'), animations: 'disabled' });
    await anna.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'EN' }).click();
    await softphone().getByText('Talking').waitFor();
    await anna.screenshot({ path: join(screenshots, 'softphone-talking-en.png'), animations: 'disabled' });
    await anna.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'RU' }).click();

    // Assert
    expect(badge).toContain('Входящий звонок');
    expect(who).toBe('+7 (916) 123-45-67');
    expect(await softphone().getByTestId('softphone-phase').innerText()).toBe('Разговор');
    expect(await softphone().getByTestId('softphone-timer').innerText()).toMatch(/^\d+:\d\d$/);
    expect(received.packets).toBeGreaterThan(0);
    expect(received.energy).toBeGreaterThan(0);
    expect(level).toBeGreaterThan(0);
    expect(await scrollsSideways(anna)).toBe(false);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('mutes: the caller hears silence; holds: the caller hears the hold music and the contact shows the hold; resumes', async () => {
    // Arrange: the caller hears Анна's microphone
    const talking = await callerHears(caller, true);
    // Act
    await softphone().getByRole('button', { name: 'Выкл. микрофон' }).click();
    const muted = await callerHears(caller, false);
    const mutedPhase = await phase();
    await softphone().getByRole('button', { name: 'Удержать' }).click();
    await anna.locator('.softphone[data-phase="on-hold"]').waitFor();
    const heldContact = await eventually(readContact, (c) => c.hold?.since !== undefined);
    const holdMusic = await callerHears(caller, true);
    await softphone().getByRole('button', { name: 'Клавиатура' }).click();
    await anna.screenshot({ path: join(screenshots, 'softphone-hold-ru.png'), animations: 'disabled' });
    await softphone().getByRole('button', { name: 'Клавиатура' }).click();
    await softphone().getByRole('button', { name: 'Вернуть' }).click();
    const resumedContact = await eventually(readContact, (c) => c.hold !== undefined && c.hold.since === undefined);
    const backToMuted = await callerHears(caller, false);

    // Assert
    expect(talking.energy).toBeGreaterThan(1e-3);
    expect(muted.energy).toBeLessThan(1e-4);
    expect(mutedPhase).toBe('muted');
    expect(heldContact.hold).toMatchObject({ count: 1, totalSeconds: 0 });
    expect(holdMusic.energy).toBeGreaterThan(1e-3);
    expect(resumedContact.hold!.totalSeconds).toBeGreaterThan(0);
    expect(backToMuted.energy).toBeLessThan(1e-4);
    expect(await phase()).toBe('muted');
  }, 120_000);

  it('plays keypad tones into the call (heard while the microphone is muted), then unmutes', async () => {
    // Arrange
    const before = await caller.received();
    // Act
    await softphone().getByRole('button', { name: 'Клавиатура' }).click();
    for (const key of ['1', '2', '3', '#']) await softphone().locator(`.keypad__key[data-tone="${key}"]`).click();
    const dialed = await softphone().getByTestId('keypad-dialed').innerText();
    const after = await eventually(() => caller.received(), (r) => r.energy - before.energy > 1e-3);
    await softphone().getByRole('button', { name: 'Вкл. микрофон' }).click();
    // Assert
    expect(dialed).toBe('123#');
    expect(after.energy - before.energy).toBeGreaterThan(1e-3);
    expect(await phase()).toBe('talking');
  }, 120_000);

  it('hangs up: the contact goes to after-contact work, the caller’s call ends, the softphone shows the call ended', async () => {
    // Act
    await softphone().getByRole('button', { name: 'Завершить звонок' }).click();
    const ended = await eventually(readContact, (c) => c.status !== 'connected');
    await anna.locator('.softphone[data-phase="ended"]').waitFor();
    await waitFor(() => harness!.center.voice.emulator.get(callId).state === 'ended', 30_000);
    await anna.screenshot({ path: join(screenshots, 'softphone-ended-ru.png'), animations: 'disabled' });
    // Assert
    expect(ended.status).toBe('after-contact-work');
    expect(ended.hold).toMatchObject({ count: 1 });
    expect(await anna.getByTestId('wrap-up').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
