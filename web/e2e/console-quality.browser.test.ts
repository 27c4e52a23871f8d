// Browser test: every console screen in English has no Russian left but the data people typed, and axe-core
// finds no serious accessibility problem on it, in either language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';

let harness: Harness | undefined;
/** What the demo and this test typed: names, queues, channels, the customer's message. */
let data: string[] = [];
const MESSAGE = 'Здравствуйте! Подскажите статус заказа 2077.';

beforeAll(async () => {
  harness = await startHarness();
  const { center } = harness;
  const queueNames = ['VIP', 'Продажи', 'Поддержка'];
  data = [...center.demo.users.map((user) => user.name), ...queueNames, ...center.demo.channels.map((channel) => channel.name), 'Анна Смирнова', 'Анна', 'Смирнова', MESSAGE];
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

async function inEnglish(page: Page) {
  await page.getByRole('button', { name: 'EN', exact: true }).first().click();
  await page.locator('html[lang="en"]').waitFor();
}

async function expectClean(page: Page, screen: string) {
  expect(await seriousAccessibilityProblems(page), `${screen}: axe`).toEqual([]);
}

describe('every console screen in Chromium', { timeout: 120_000 }, () => {
  it('the workspace with a live chat: accessible in Russian; in English, nothing left untranslated', async () => {
    // Arrange
    const { center, signIn } = harness!;
    const agent = await signIn('dmitry@romashka.demo');
    await agent.getByRole('button', { name: /Мой статус/ }).click();
    await agent.locator('[role="menuitemradio"][data-status="available"]').click();
    await agent.locator('.status-button .status-pill[data-status="available"]').waitFor();
    const whatsapp = center.demo.channels.find((c) => c.type === 'whatsapp')!;
    await center.simulator.say(whatsapp.channelId, 'anna', MESSAGE);
    await agent.locator('.offer-card').waitFor({ timeout: 20_000 });
    await expectClean(agent, 'workspace offer (ru)');
    await agent.locator('.offer-card').getByRole('button', { name: 'Принять' }).click();
    await agent.locator('.pane[data-status="connected"] .bubble-row[data-side="in"]').first().waitFor();

    // Act / Assert
    await expectClean(agent, 'workspace chat (ru)');
    await inEnglish(agent);
    await agent.getByRole('textbox', { name: 'Write a reply…' }).waitFor();
    expect(await untranslatedText(agent, data)).toEqual([]);
    await expectClean(agent, 'workspace chat (en)');
  });

  it('the supervisor’s wallboard and the administration pages', async () => {
    // Arrange
    const { signIn, demoUser } = harness!;
    const supervisor = await signIn(demoUser('supervisor').login);
    const admin = await signIn(demoUser((user) => user.role === 'admin').login);
    await supervisor.getByTestId('queue-support').waitFor();

    // Act / Assert
    await expectClean(supervisor, 'wallboard (ru)');
    await inEnglish(supervisor);
    expect(await untranslatedText(supervisor, data)).toEqual([]);
    await expectClean(supervisor, 'wallboard (en)');

    await admin.goto(`${harness!.center.baseUrl}/#/admin`);
    await admin.locator('.admin').waitFor();
    await expectClean(admin, 'admin (ru)');
    await inEnglish(admin);
    expect(await untranslatedText(admin, data)).toEqual([]);
    await expectClean(admin, 'admin (en)');
  });
});
