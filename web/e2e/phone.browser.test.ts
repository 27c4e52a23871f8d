// Browser test: a person calls the contact center from the local phone page (/phone/). The page dials the demo
// number on the SMA emulator, shows what the voice menu says, sends the key press, shows the hold announcements;
// an agent accepts through the API and joins the audio with the real client (e2e/rtc-page.ts); sound flows both
// ways; the agent ends the call and the caller rates it on the page's keypad. Screenshots in Russian and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import { signIn, waitFor } from '../../test/live.ts';
import { callContactId } from '../../functions/voice/call-effects.ts';
import { PHONE, screenshots, startHarness, scrollsSideways, type Harness } from './harness.ts';
import { fakeMediaArgs, openRtcPage, writeToneWav, type RtcPage } from './rtc-page.ts';
import { eventually } from './eventually.ts';

// Waiting and announcements run 20× faster; where a person presses keys the test switches to the real pace.
const HOLD_SCALE = 0.05;
let harness: Harness | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  const wav = writeToneWav(join(mkdtempSync(join(tmpdir(), 'phone-page-')), 'caller.wav'));
  harness = await startHarness({ chromiumArgs: fakeMediaArgs(wav), voiceTiming: { speechMsPerChar: 5, scale: HOLD_SCALE } });
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('the local phone page', { timeout: 90_000 }, () => {
  let phone: Page;
  let agent: RtcPage;
  let callId: string;
  let contactId: string;
  let anna: (method: string, path: string, body?: unknown) => Promise<Response>;

  it('dials the demo number, shows the menu, sends the key and shows the hold announcements', async () => {
    // Arrange
    const { center, browser } = harness!;
    const context = await browser.newContext({ viewport: PHONE, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    phone = await context.newPage();
    phone.on('pageerror', (error) => pageErrors.push(error.message));
    await phone.goto(`${center.baseUrl}/phone/`);
    await phone.getByRole('option', { name: '+7 (495) 123-45-67' }).waitFor({ state: 'attached' });
    await phone.screenshot({ path: join(screenshots, 'phone-ru.png'), animations: 'disabled' });

    // Act: a person takes a moment to find the key, so the menu waits at its real pace (the hold goes fast again)
    center.voice.emulator.timing.scale = 1;
    await phone.getByLabel('Ваш номер').fill('+79031112233');
    await phone.getByRole('button', { name: 'Позвонить' }).click();
    await phone.locator('.heard__item', { hasText: 'нажмите 1' }).first().waitFor({ timeout: 30_000 });
    // As a person would, press once the menu is asking (a key during the greeting is not a choice).
    callId = await waitFor(() => center.voice.emulator.list().find((c) => c.legs[0]?.From === '+79031112233')?.callId);
    await waitFor(() => center.voice.emulator.get(callId).currentAction === 'SpeakAndGetDigits', 30_000);
    await phone.getByRole('group', { name: 'Клавиатура' }).getByRole('button', { name: '1', exact: true }).click();
    await waitFor(() => center.voice.emulator.get(callId).digitsPressed.includes('1'));
    center.voice.emulator.timing.scale = HOLD_SCALE;
    await phone.locator('.heard__item', { hasText: 'Чтобы мы перезвонили вам' }).first().waitFor({ timeout: 30_000 });
    await phone.locator('.heard__item', { hasText: 'Музыка ожидания' }).first().waitFor();
    await phone.screenshot({ path: join(screenshots, 'phone-hold-ru.png'), animations: 'disabled' });

    // Assert
    const call = center.voice.emulator.get(callId);
    expect(call.digitsPressed).toContain('1');
    expect(await phone.getByTestId('call-state').innerText()).toBe('На линии');
    expect(await phone.getByText('Вы нажали 1').count()).toBe(1);
    expect(await scrollsSideways(phone)).toBe(false);
    contactId = callContactId(callId);
    expect(pageErrors).toEqual([]);
  });

  it('talks with the agent who accepted: the caller joins with the microphone and audio flows both ways', async () => {
    // Arrange: Анна goes available and accepts the offer through the API
    const { center, demoUser, browser } = harness!;
    const { token } = await signIn(center.baseUrl, demoUser('agent'));
    anna = (method, path, body) => fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
    expect((await anna('PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
    await waitFor(async () => (await center.deps.contacts.get(center.demo.tenantId, contactId))?.status === 'offered', 30_000);
    expect((await anna('POST', `/contacts/${contactId}/accept`)).status).toBe(200);

    // Act: the agent joins the audio with an oscillator for a microphone
    const ticket = (await (await anna('POST', `/contacts/${contactId}/audio`, { role: 'agent' })).json()) as AudioTicket;
    agent = await openRtcPage(await browser.newContext(), center.baseUrl, pageErrors);
    await agent.join(ticket, { toneHz: 660 });
    await phone.getByTestId('call-state').getByText('Разговор с оператором').waitFor({ timeout: 30_000 });
    const atAgent = await eventually(() => agent.received(), (r) => r.packets > 0 && r.energy > 0);
    const meter = await eventually(async () => Number(await phone.getByTestId('remote-level').getAttribute('aria-valuenow')), (level) => level > 0);
    await phone.screenshot({ path: join(screenshots, 'phone-agent-ru.png'), animations: 'disabled' });

    // Assert: the agent hears the caller's microphone; the caller's meter moves with the agent's voice
    expect(atAgent.energy).toBeGreaterThan(0);
    expect(meter).toBeGreaterThan(0);
    expect(await phone.getByRole('button', { name: 'Выключить микрофон' }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('speaks English completely after the switch', async () => {
    // Act
    await phone.getByRole('button', { name: 'EN', exact: true }).click();
    await phone.getByTestId('call-state').getByText('Talking with an agent').waitFor();
    await phone.screenshot({ path: join(screenshots, 'phone-agent-en.png'), animations: 'disabled' });
    // Assert
    expect(await phone.getByRole('heading', { level: 1 }).innerText()).toBe('Phone');
    expect(await phone.getByRole('button', { name: 'Mute microphone' }).count()).toBe(1);
    expect(await phone.getByRole('button', { name: 'Hang up' }).count()).toBe(1);
  });

  it('shows the survey when the agent ends the call, takes the rating from the keypad and shows the end', async () => {
    // Act: the survey waits at its real pace, as a person needs a moment for the keypad
    const { emulator } = harness!.center.voice;
    emulator.timing.scale = 1;
    expect((await anna('POST', `/contacts/${contactId}/end`)).status).toBe(200);
    await phone.locator('.heard__item', { hasText: 'оцените разговор' }).first().waitFor({ timeout: 30_000 });
    await waitFor(() => emulator.get(callId).currentAction === 'SpeakAndGetDigits', 30_000);
    await phone.getByRole('group', { name: 'Keypad' }).getByRole('button', { name: '5', exact: true }).click();
    await phone.getByTestId('call-ended').waitFor({ timeout: 30_000 });
    await phone.screenshot({ path: join(screenshots, 'phone-ended-en.png'), animations: 'disabled', fullPage: true });
    const rated = await waitFor(async () => (await harness!.center.deps.contacts.get(harness!.center.demo.tenantId, contactId))?.survey, 30_000);
    // Assert
    expect(rated).toMatchObject({ score: 5, via: 'keypad' });
    expect(await phone.getByTestId('call-state').innerText()).toBe('Call ended');
    expect(await phone.getByRole('button', { name: 'Call again' }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
