// Browser test: a scripted phone call's transcript in the agent's pane, in headless Chromium against the
// whole local contact center. The emulator dials the demo number with the "payment-problem" script; Анна
// accepts the call, and once the caller joins her meeting the script's lines fill in under the call card,
// agent and customer labelled, with offsets into the call; a pushed partial line is shown greyed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { screenshots, startHarness, type Harness } from './harness.ts';
import { eventually } from './eventually.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness({ voiceTiming: { speechMsPerChar: 1, scale: 0.05 } });
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

async function goAvailable(page: Page) {
  await page.getByRole('button', { name: /Мой статус/ }).click();
  await page.locator('[role="menuitemradio"][data-status="available"]').click();
  await page.locator('.status-button .status-pill[data-status="available"]').waitFor();
}

describe('call transcript in Chromium', { timeout: 90_000 }, () => {
  it('fills the transcript of a scripted call live under the call card, greying a partial line', async () => {
    // Arrange: Анна takes calls; a customer calls with a scripted conversation and chooses support
    const { center, signIn } = harness!;
    const page = await signIn('anna@romashka.demo');
    await goAvailable(page);
    const res = await fetch(`${center.baseUrl}/local/voice/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '+79161234567', to: center.demo.phoneNumbers[0]!.e164, script: 'payment-problem' }) });
    const { callId } = (await res.json()) as { callId: string };
    await eventually(() => center.voice.emulator.get(callId).currentAction, (action) => action === 'SpeakAndGetDigits');
    center.voice.emulator.pressDigits(callId, '1');

    // Act: she accepts; the script plays once the caller is in her meeting
    const offer = page.locator('.offer-card');
    await offer.waitFor({ timeout: 20_000 });
    await offer.getByRole('button', { name: 'Ответить' }).click();
    const transcript = page.getByTestId('transcript');
    const lines = transcript.locator('.transcript-line');
    await eventually(async () => [await lines.count(), await transcript.locator('.transcript-line[data-partial]').count()], ([n, partial]) => n === 6 && partial === 0, 60_000);
    // A partial of a next utterance, pushed as the AWS path would post it, shows greyed.
    const contactId = (await page.locator('.pane').getAttribute('data-contact-id'))!;
    await center.services.transcripts.ingest(center.demo.tenantId, contactId, { Transcript: { Results: [{ ResultId: `${callId}-next`, StartTime: 30, EndTime: 31.2, IsPartial: true, ChannelId: 'ch_1', Alternatives: [{ Transcript: 'И ещё один вопрос' }] }] } }, { ch_0: 'agent', ch_1: 'customer' });
    await transcript.locator('.transcript-line[data-partial]').waitFor();
    await page.screenshot({ path: join(screenshots, 'workspace-call-transcript.png'), animations: 'disabled' });

    // Assert
    const texts = await lines.locator('.transcript-line__text').allInnerTexts();
    expect(texts[1]).toBe('Здравствуйте, не могу оплатить заказ картой.');
    expect(texts.at(-1)).toBe('И ещё один вопрос');
    expect(await lines.locator('.transcript-line__who').allInnerTexts()).toEqual(['Агент', 'Клиент', 'Агент', 'Клиент', 'Агент', 'Клиент', 'Клиент']);
    expect(await lines.first().locator('time').innerText()).toBe('0:00');
    expect(await lines.last().locator('time').innerText()).toBe('0:30');
    expect(await transcript.locator('.transcript-line[data-partial] .transcript-line__text').evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
    expect(harness!.pageErrors).toEqual([]);
    center.voice.emulator.hangUp(callId);
  }, 120_000);
});
