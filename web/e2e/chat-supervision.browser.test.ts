// Browser test: a supervisor in a live Telegram chat, in headless Chromium against the whole local contact center.
// The agent (Дмитрий) accepts the chat; the supervisor opens it live from the wallboard, whispers (the agent sees it
// marked as a whisper, the simulator's Bot API never receives it), barges in (the customer receives the reply, signed)
// and takes the chat over (it leaves the agent's list and becomes the supervisor's, the agent's chat slot is freed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { DESKTOP, goAvailable, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';
import { eventually } from './eventually.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('chat supervision in Chromium', { timeout: 90_000 }, () => {
  let agentPage: Page;
  let supervisorPage: Page;
  let channelId: string;
  const persona = 'ivan';
  const texts = () => harness!.center.simulator.calls(channelId).filter((c) => c.method === 'sendMessage').map((c) => String(c.params['text']));

  it('shows the agent a whisper marked as such, and the provider never receives it', async () => {
    // Arrange: Дмитрий serves support, where Telegram lands; he accepts the customer's chat
    const { center, signIn, demoUser } = harness!;
    channelId = center.demo.channels.find((c) => c.type === 'telegram')!.channelId;
    agentPage = await signIn('dmitry@romashka.demo');
    supervisorPage = await signIn(demoUser('supervisor').login);
    await goAvailable(agentPage);
    await center.simulator.say(channelId, persona, 'Здравствуйте! Заказ 1042 задерживается?');
    await agentPage.locator('.offer-card').getByRole('button', { name: 'Принять' }).click({ timeout: 30_000 });
    const pane = agentPage.locator('.pane[data-status="connected"]');
    await pane.locator('.bubble-row[data-side="in"]', { hasText: 'Заказ 1042' }).waitFor();

    // Act: the supervisor opens the chat live and whispers
    const row = supervisorPage.locator('[data-testid="live-chats"] .live-chat');
    await row.getByRole('button', { name: 'Открыть' }).click({ timeout: 30_000 });
    const view = supervisorPage.getByTestId('live-chat-view');
    await view.locator('.bubble-row[data-side="in"]', { hasText: 'Заказ 1042' }).waitFor();
    expect(await view.getByTestId('live-chat-mode').innerText()).toMatch(/Только просмотр/);
    expect(await view.getByRole('textbox', { name: 'Напишите ответ…' }).isDisabled()).toBe(true);
    await view.getByLabel('Подсказка оператору (клиент её не увидит)').fill('Предложите бесплатную доставку');
    await view.getByRole('button', { name: 'Подсказать' }).click();

    // Assert: the agent sees it, marked in words; then a reply of the agent reaches the provider, the whisper never
    const whisper = pane.locator('.bubble-row[data-whisper]', { hasText: 'Предложите бесплатную доставку' });
    await whisper.waitFor();
    expect(await whisper.getByTestId('whisper-mark').innerText()).toMatch(/Подсказка супервизора Олег Кузнецов/i);
    await agentPage.screenshot({ path: join(screenshots, 'chat-whisper-agent.png'), animations: 'disabled' });
    await agentPage.getByRole('textbox', { name: 'Напишите ответ…' }).fill('Секунду, уточняю');
    await agentPage.getByRole('textbox', { name: 'Напишите ответ…' }).press('Enter');
    await eventually(texts, (sent) => sent.includes('Секунду, уточняю'));
    expect(texts().some((text) => text.includes('бесплатную доставку'))).toBe(false);
  });

  it('barges in: the customer receives the supervisor’s reply, signed with their name', async () => {
    // Act
    const view = supervisorPage.getByTestId('live-chat-view');
    await view.getByRole('button', { name: 'Подключиться к чату' }).click();
    await view.getByTestId('live-chat-mode').filter({ hasText: 'Вы в чате' }).waitFor();
    await view.getByRole('textbox', { name: 'Напишите ответ…' }).fill('Доставим завтра, бесплатно');
    await view.getByRole('textbox', { name: 'Напишите ответ…' }).press('Enter');
    // Assert
    await eventually(texts, (sent) => sent.includes('Олег Кузнецов: Доставим завтра, бесплатно'));
    await agentPage.locator('.bubble-row[data-side="out"]', { hasText: 'Доставим завтра' }).locator('.bubble__author', { hasText: 'Олег Кузнецов' }).waitFor();
    await view.scrollIntoViewIfNeeded();
    await supervisorPage.screenshot({ path: join(screenshots, 'chat-barge-supervisor.png'), animations: 'disabled' });
  });

  it('fits the live chat and the agent’s whisper on a 375 px phone without sideways scrolling', async () => {
    // Act
    await supervisorPage.setViewportSize(PHONE);
    await agentPage.setViewportSize(PHONE);
    await supervisorPage.getByTestId('live-chat-view').scrollIntoViewIfNeeded();
    const supervisorSideways = await scrollsSideways(supervisorPage);
    await supervisorPage.screenshot({ path: join(screenshots, 'chat-supervision-375.png'), animations: 'disabled' });
    await agentPage.locator('.bubble-row[data-whisper]').scrollIntoViewIfNeeded();
    const agentSideways = await scrollsSideways(agentPage);
    await agentPage.screenshot({ path: join(screenshots, 'chat-whisper-agent-375.png'), animations: 'disabled' });
    await supervisorPage.setViewportSize(DESKTOP);
    await agentPage.setViewportSize(DESKTOP);
    // Assert
    expect(supervisorSideways).toBe(false);
    expect(agentSideways).toBe(false);
  });

  it('takes the chat over: the agent’s list loses it, the supervisor’s gains it', async () => {
    // Act
    const view = supervisorPage.getByTestId('live-chat-view');
    await view.getByRole('button', { name: 'Забрать чат' }).click();
    // Assert
    await view.getByTestId('live-chat-mode').filter({ hasText: 'Чат теперь ваш' }).waitFor();
    await supervisorPage.locator('[data-testid="live-chats"] .live-chat[data-mine]').waitFor();
    await agentPage.locator('.pane[data-status="connected"]').waitFor({ state: 'detached' });
    const { tenantId } = harness!.center.demo;
    const contactId = (await view.getAttribute('data-contact-id'))!;
    expect((await harness!.center.deps.routing.readContact(tenantId, contactId))?.agentId).toBe(harness!.demoUser('supervisor').userId);
    expect((await harness!.center.deps.agents.get(tenantId, 'u-agent-2'))?.load?.chat ?? 0).toBe(0);
    await view.getByRole('textbox', { name: 'Напишите ответ…' }).fill('Я помогу дальше сам');
    await view.getByRole('textbox', { name: 'Напишите ответ…' }).press('Enter');
    await eventually(texts, (sent) => sent.includes('Я помогу дальше сам'));
    await view.scrollIntoViewIfNeeded();
    await supervisorPage.screenshot({ path: join(screenshots, 'chat-takeover-supervisor.png'), animations: 'disabled' });
    await agentPage.screenshot({ path: join(screenshots, 'chat-takeover-agent.png'), animations: 'disabled' });
    expect(harness!.pageErrors).toEqual([]);
  });
});
