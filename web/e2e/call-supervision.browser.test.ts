// Browser test: live call supervision. A caller dials the demo number through the SMA emulator and Анна
// answers in her console; the supervisor's Live calls panel shows the call (agent, queue, number, talk
// time), in Russian and in English. Listen and Whisper are then pressed, and the supervision is recorded
// on the contact and announced (or not) to the agent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import type { Contact } from '@cc/shared/contacts/model';
import { signIn as apiSignIn, waitFor } from '../../test/live.ts';
import { screenshots, startHarness, type Harness } from './harness.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness({ voiceTiming: { speechMsPerChar: 1, scale: 0.01 } });
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

const stored = (contactId: string) => harness!.center.deps.routing.readContact(harness!.center.demo.tenantId, contactId) as Promise<Contact>;

describe('live call supervision in Chromium', () => {
  let agentPage: Page;
  let supervisorPage: Page;
  let contactId: string;

  it('shows the connected call on the supervisor’s Live calls panel, in Russian and in English', async () => {
    // Arrange: Анна takes calls in support; the caller presses 1
    const { center, signIn, demoUser } = harness!;
    agentPage = await signIn('anna@romashka.demo');
    supervisorPage = await signIn(demoUser('supervisor').login);
    await supervisorPage.getByTestId('live-calls').waitFor();
    await goAvailable(agentPage);
    const dialled = await fetch(`${center.baseUrl}/local/voice/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: CALLER, to: center.demo.phoneNumbers[0]!.e164 }) });
    const { callId } = (await dialled.json()) as { callId: string };
    await waitFor(() => center.voice.emulator.get(callId).currentAction === 'SpeakAndGetDigits');
    center.voice.emulator.pressDigits(callId, '1');

    // Act: Анна accepts the offer
    await agentPage.locator('.offer-card').getByRole('button', { name: 'Принять' }).click({ timeout: 20_000 });
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

  it('tells the agent when a supervisor whispers or barges in, not when one listens, and drops the notice on leave', async () => {
    // Arrange: Ирина (an administrator, so a supervisor too) steps in through the API the panel uses
    const { center, demoUser } = harness!;
    const irina = demoUser('admin');
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
