// Browser test: every console screen in English has no Russian left but the data people typed, and axe-core
// finds no serious accessibility problem on it, in either language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoCallFlow } from '../../functions/local/seed.ts';
import { DEMO_QUICK_REPLIES, DEMO_TOPICS } from '../../functions/local/seed-wrap-up.ts';
import { DEMO_SCRIPTS } from '../../functions/local/seed-scripts.ts';
import { DEMO_TEAM_MESSAGES } from '../../functions/local/seed-team-chat.ts';
import { DEFAULT_SURVEY_TEXTS } from '@cc/shared/surveys/values';
import { startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';

let harness: Harness | undefined;
/** What the demo and this test typed: names, queues, channels, numbers, the call flow's, the surveys' and the scripts' texts, topics and quick replies, the customer's message. */
let data: string[] = [];
const MESSAGE = 'Здравствуйте! Подскажите статус заказа 2077.';

beforeAll(async () => {
  harness = await startHarness();
  const { center } = harness;
  const queueNames = ['VIP', 'Продажи', 'Поддержка'];
  data = [...center.demo.users.map((user) => user.name), ...queueNames, ...center.demo.channels.map((channel) => channel.name), ...center.demo.phoneNumbers.map((phone) => phone.name), ...stringsOf(demoCallFlow()), ...stringsOf(DEMO_TOPICS), ...stringsOf(DEMO_QUICK_REPLIES), ...stringsOf(DEFAULT_SURVEY_TEXTS), ...stringsOf(DEMO_SCRIPTS).flatMap(aroundPlaceholders), ...center.demo.users.map((user) => user.name.split(' ')[0]!), 'Анна Смирнова', 'Анна', 'Смирнова', MESSAGE, ...DEMO_TEAM_MESSAGES.flatMap((m) => m.text.split(/@[A-Za-z0-9][A-Za-z0-9_.:-]*/).map((part) => part.trim()))];
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** Every string in a value, however deep: the texts a call flow holds. */
const stringsOf = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringsOf) : []);

/** A script's text as shown: the words around its placeholders, which the console fills with names. */
const aroundPlaceholders = (text: string): string[] => text.split(/\{[^}]*\}/);

/** Every section has answered: no skeleton is left (axe and the text check see the page people read). */
const loaded = (page: Page) => page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });

async function inEnglish(page: Page) {
  await page.getByRole('button', { name: 'EN', exact: true }).first().click();
  await page.locator('html[lang="en"]').waitFor();
}

async function expectClean(page: Page, screen: string) {
  expect(await seriousAccessibilityProblems(page), `${screen}: axe`).toEqual([]);
}

/** The screen as it is, in Russian and then in English: accessible both times, nothing left untranslated. */
async function expectCleanInBoth(page: Page, screen: string) {
  await expectClean(page, `${screen} (ru)`);
  await inEnglish(page);
  expect(await untranslatedText(page, data), screen).toEqual([]);
  await expectClean(page, `${screen} (en)`);
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

  it('the supervisor’s wallboard with a live chat open, and the administration pages', async () => {
    // Arrange
    const { signIn, demoUser } = harness!;
    const supervisor = await signIn(demoUser('supervisor').login);
    const admin = await signIn(demoUser((user) => user.role === 'admin').login);
    await supervisor.getByTestId('queue-support').waitFor();
    // The chat the first test left connected, opened live (read-only, with the whisper box).
    await supervisor.locator('[data-testid="live-chats"] .live-chat').getByRole('button', { name: 'Открыть' }).click({ timeout: 30_000 });
    await supervisor.getByTestId('live-chat-view').locator('.bubble-row[data-side="in"]').first().waitFor();

    // Act / Assert
    await expectCleanInBoth(supervisor, 'wallboard');

    await admin.goto(`${harness!.center.baseUrl}/#/admin`);
    await admin.locator('.admin').waitFor();
    // Every section loaded, so the check sees the lists rather than their skeletons.
    await expect.poll(() => admin.locator('.admin .skeleton-list').count(), { timeout: 20_000 }).toBe(0);
    await loaded(admin);
    await expectCleanInBoth(admin, 'admin');

    // The queue form with the demo `sales` queue's business hours shown.
    await admin.getByRole('button', { name: 'Edit: Продажи' }).click();
    const queueForm = admin.getByRole('dialog', { name: 'Queue “Продажи”' });
    await queueForm.getByRole('group', { name: 'Monday' }).waitFor();
    expect(await untranslatedText(admin, data)).toEqual([]);
    await expectClean(admin, 'queue form (en)');
  });

  it('the team chat: a queue’s room with its announcement, mentions and direct rooms', async () => {
    // Arrange
    const { signIn, demoUser } = harness!;
    const supervisor = await signIn(demoUser('supervisor').login);
    await supervisor.goto(`${harness!.center.baseUrl}/#/team/queue:support`);
    await supervisor.locator('.team-room-view .team-message').first().waitFor({ timeout: 20_000 });
    await loaded(supervisor);

    // Act / Assert
    await expectCleanInBoth(supervisor, 'team chat');
  });

  it('the call flow editor of a phone number, with its menu map', async () => {
    // Arrange
    const { signIn, demoUser } = harness!;
    const admin = await signIn(demoUser((user) => user.role === 'admin').login);
    await admin.goto(`${harness!.center.baseUrl}/#/admin`);
    const section = admin.getByRole('region', { name: 'Номера и голосовое меню' });
    await section.getByRole('button', { name: 'Настроить' }).first().click();
    await admin.getByTestId('menu-map').waitFor();
    await loaded(admin);

    // Act / Assert
    await expectCleanInBoth(admin, 'call flow editor');
  });
});
