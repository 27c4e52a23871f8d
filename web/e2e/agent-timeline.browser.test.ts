// Browser test: an agent's day as a strip, in headless Chromium against the whole local contact center. Анна goes
// available, takes a Telegram chat (the simulator's customer writes), ends and wraps it up, and goes to lunch; the
// supervisor opens her day from the agents table and sees the statuses and the chat, in Russian and in English, at
// a desktop's width and a phone's; Анна opens her own day from her status card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import type { AgentTimeline } from '@cc/shared/timeline/values';
import { apiToken, DESKTOP, goAvailable, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';
import { eventually } from './eventually.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('an agent’s day in Chromium', { timeout: 120_000 }, () => {
  let agentPage: Page;
  let supervisorPage: Page;
  const agentId = 'u-agent-1';
  const anna = () => harness!.demoUser((user) => user.login === 'anna@romashka.demo');
  const openDay = async (page: Page, name: string) => {
    await page.locator(`tr.agent-row[data-agent-id="${agentId}"]`).getByRole('button', { name }).click();
  };

  it('records the agent going available, taking a chat and going to lunch', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const channelId = center.demo.channels.find((c) => c.type === 'telegram')!.channelId;
    agentPage = await signIn(anna().login);
    supervisorPage = await signIn(demoUser('supervisor').login);
    await goAvailable(agentPage);

    // Act: the customer writes, Анна accepts, ends the chat, wraps it up, then goes to lunch
    await center.simulator.say(channelId, 'ivan', 'Здравствуйте! Где мой заказ 1042?');
    await agentPage.locator('.offer-card').getByRole('button', { name: 'Принять' }).click({ timeout: 30_000 });
    const pane = agentPage.locator('.pane[data-status="connected"]');
    await pane.locator('.bubble-row[data-side="in"]', { hasText: 'Заказ 1042' }).waitFor({ timeout: 30_000 });
    await agentPage.locator('.pane').getByRole('button', { name: 'Завершить', exact: true }).click();
    // The chat has ended on the server (the pane follows the pushed status) before its wrap-up is completed.
    await agentPage.locator('.pane[data-status="after-contact-work"]').waitFor({ timeout: 30_000 });
    const wrapUp = agentPage.getByTestId('wrap-up');
    await wrapUp.getByRole('button', { name: 'Завершить', exact: true }).click({ timeout: 30_000 });
    await wrapUp.waitFor({ state: 'detached', timeout: 30_000 });
    await agentPage.getByRole('button', { name: /Мой статус/ }).click();
    await agentPage.locator('[role="menuitemradio"][data-status="break"][data-reason="lunch"]').click();
    await agentPage.locator('.status-button .status-pill[data-status="break"][data-reason="lunch"]').waitFor();

    // Assert: the day log has caught up with all of it (written off the stream)
    const token = await apiToken(center, demoUser('supervisor'));
    const day = await eventually(
      async () => (await (await fetch(`${center.baseUrl}/api/agents/${agentId}/timeline`, { headers: { authorization: `Bearer ${token}` } })).json()) as AgentTimeline,
      (d) => d.segments.at(-1)?.breakReason === 'lunch' && d.contacts.some((c) => c.outcome === 'completed'),
    );
    expect(day.segments.map((s) => s.status)).toEqual(expect.arrayContaining(['available', 'busy', 'break']));
    expect(day.contacts).toEqual([expect.objectContaining({ channel: 'telegram', queueId: 'support', customerName: 'Иван Петров', outcome: 'completed', offeredAt: expect.any(String), connectedAt: expect.any(String), closedAt: expect.any(String) })]);
  });

  it('shows the supervisor the strip, the legend with totals and the lists of statuses and contacts, in Russian', async () => {
    // Act
    await openDay(supervisorPage, 'Лента дня: Анна Петрова');
    const dialog = supervisorPage.getByRole('dialog', { name: 'Лента дня: Анна Петрова' });
    const segments = dialog.getByTestId('timeline-segments');
    await segments.locator('li[data-status="break"][data-reason="lunch"]').waitFor({ timeout: 30_000 });

    // Assert
    expect(await segments.locator('li').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^\d\d:\d\d–\d\d:\d\d · Доступен · /), expect.stringMatching(/ · Перерыв · Обед · /)]));
    const contact = dialog.getByTestId('timeline-contacts').locator('li');
    expect(await contact.count()).toBe(1);
    expect(await contact.innerText()).toMatch(/Telegram · Иван Петров · Поддержка[\s\S]*Завершено[\s\S]*предложено \d\d:\d\d, принято \d\d:\d\d/);
    expect(await dialog.locator('.timeline__segment[data-status="break"]').count()).toBe(1);
    expect(await dialog.locator('.timeline__contact').count()).toBe(1);
    expect(await dialog.getByTestId('timeline-total-break').innerText()).toMatch(/Перерыв\s+\d+ с/);
    expect(await dialog.getByText('Время: Europe/Moscow').isVisible()).toBe(true);
    expect(await seriousAccessibilityProblems(supervisorPage)).toEqual([]);
    await supervisorPage.screenshot({ path: join(screenshots, 'agent-timeline-ru.png'), animations: 'disabled' });
  });

  it('fits a 375 px phone: the page never scrolls sideways, the strip scrolls inside itself and opens at now', async () => {
    // Arrange
    const dialog = supervisorPage.getByRole('dialog', { name: 'Лента дня: Анна Петрова' });
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
    await supervisorPage.setViewportSize(PHONE);
    // Act
    await openDay(supervisorPage, 'Лента дня: Анна Петрова');
    await dialog.getByTestId('timeline-segments').waitFor({ timeout: 30_000 });
    const scroller = dialog.getByRole('region', { name: 'Статусы и обращения по часам' });
    const sideways = await scrollsSideways(supervisorPage);
    const strip = await scroller.evaluate((element) => {
      const now = element.querySelector('.timeline__now')?.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return { scrolls: element.scrollWidth > element.clientWidth, nowInView: !!now && now.left >= box.left && now.right <= box.right };
    });
    await supervisorPage.screenshot({ path: join(screenshots, 'agent-timeline-375.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
    await supervisorPage.setViewportSize(DESKTOP);
    // Assert
    expect(sideways).toBe(false);
    expect(strip).toEqual({ scrolls: true, nowInView: true });
    await dialog.waitFor({ state: 'detached' });
  });

  it('speaks English completely', async () => {
    // Arrange
    await supervisorPage.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'EN' }).click();
    // Act
    await openDay(supervisorPage, 'Day timeline: Анна Петрова');
    const dialog = supervisorPage.getByRole('dialog', { name: 'Day timeline: Анна Петрова' });
    await dialog.getByTestId('timeline-segments').locator('li[data-status="break"]').waitFor({ timeout: 30_000 });
    const data = [...harness!.center.demo.users.map((u) => u.name), 'Иван Петров', 'Поддержка', 'Продажи', 'VIP', 'Ромашка'];
    // Assert
    expect(await dialog.getByTestId('timeline-segments').innerText()).toContain('Break · Lunch');
    expect(await dialog.getByTestId('timeline-contacts').innerText()).toMatch(/Completed[\s\S]*offered \d\d:\d\d, accepted \d\d:\d\d/);
    expect(await untranslatedText(supervisorPage, data)).toEqual([]);
    expect(await seriousAccessibilityProblems(supervisorPage)).toEqual([]);
    await supervisorPage.screenshot({ path: join(screenshots, 'agent-timeline-en.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await supervisorPage.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'RU' }).click();
  });

  it('lets the agent open their own day from the status card', async () => {
    // Act
    await agentPage.locator('.status-card').getByRole('button', { name: 'Мой день' }).click();
    const dialog = agentPage.getByRole('dialog', { name: 'Мой день' });
    await dialog.getByTestId('timeline-segments').locator('li[data-status="break"]').waitFor({ timeout: 30_000 });
    // Assert
    expect(await dialog.getByTestId('timeline-contacts').locator('li').count()).toBe(1);
    expect(await seriousAccessibilityProblems(agentPage)).toEqual([]);
    await agentPage.screenshot({ path: join(screenshots, 'agent-timeline-own.png'), animations: 'disabled' });
    expect(harness!.pageErrors).toEqual([]);
  });
});
