// Browser test: the console in real headless Chromium against the whole local contact center,
// in-process. An agent takes a lunch break; the supervisor's page shows it live, without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { DESKTOP, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('console in Chromium', () => {
  let agentPage: Page;
  let supervisorPage: Page;

  it('signs the demo users in and speaks Russian', async () => {
    // Arrange
    const { browser, center, demoUser, signIn } = harness!;
    const loginPage = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await loginPage.goto(`${center.baseUrl}/`);
    await loginPage.locator('input[type="password"]').fill('wrong');
    await loginPage.locator('input[name="login"]').fill(demoUser('agent').login);
    await loginPage.locator('input[type="password"]').press('Enter');
    // Act
    const loginError = await loginPage.getByRole('alert').textContent();
    await loginPage.screenshot({ path: join(screenshots, 'login.png'), animations: 'disabled' });
    await loginPage.context().close();
    agentPage = await signIn(demoUser('agent').login);
    supervisorPage = await signIn(demoUser('supervisor').login);
    // Assert
    expect(loginError).toContain('Неверный логин или пароль');
    expect(await agentPage.locator('html').getAttribute('lang')).toBe('ru');
    expect(await agentPage.getByRole('navigation').textContent()).toContain('Рабочее место');
    expect(await agentPage.locator('.topbar__title').textContent()).toBe('Рабочее место');
    expect(await agentPage.getByText('Обращений пока нет').isVisible()).toBe(true);
    expect(await supervisorPage.locator('.topbar__title').textContent()).toBe('Супервизор');
    expect(await supervisorPage.getByRole('navigation').textContent()).toContain('Рабочее место');
  });

  it("shows the agent's lunch break on the supervisor's page live, without a reload", async () => {
    // Arrange
    const agent = harness!.demoUser('agent');
    const row = supervisorPage.locator('tr.agent-row', { hasText: agent.name });
    await row.waitFor();
    await supervisorPage.evaluate(() => Object.assign(window, { __sameDocument: true }));
    let listReloads = 0;
    supervisorPage.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/agents') listReloads += 1;
    });

    // Act
    await agentPage.getByRole('button', { name: /Мой статус/ }).click();
    await agentPage.locator('[role="menuitemradio"][data-status="break"][data-reason="lunch"]').click();
    await agentPage.locator('.status-button .status-pill[data-status="break"][data-reason="lunch"]').waitFor();
    await row.locator('.status-pill[data-status="break"][data-reason="lunch"]').waitFor({ timeout: 15_000 });

    // Assert
    expect(await row.locator('.status-pill').textContent()).toBe('Перерыв · Обед');
    expect(await agentPage.locator('.status-card .status-pill').textContent()).toBe('Перерыв · Обед');
    expect(Number(await supervisorPage.getByTestId('count-break').textContent())).toBeGreaterThanOrEqual(1);
    expect(await supervisorPage.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(listReloads).toBe(0);
    expect(harness!.pageErrors).toEqual([]);
  });

  it('looks right on a desktop and fits a 375 px phone without sideways scrolling', async () => {
    // Arrange
    await supervisorPage.getByText('Подключено').waitFor();
    await supervisorPage.locator('.queue-card').first().waitFor();
    // Act
    await agentPage.screenshot({ path: join(screenshots, 'agent-break.png'), animations: 'disabled' });
    await supervisorPage.screenshot({ path: join(screenshots, 'supervisor-1366.png'), fullPage: true, animations: 'disabled' });
    await supervisorPage.setViewportSize(PHONE);
    await supervisorPage.locator('.topbar__menu').waitFor();
    const phoneScrollsSideways = await scrollsSideways(supervisorPage);
    await supervisorPage.screenshot({ path: join(screenshots, 'supervisor-375.png'), fullPage: true, animations: 'disabled' });
    // Assert
    expect(phoneScrollsSideways).toBe(false);
    expect(await supervisorPage.locator('.sidebar').isVisible()).toBe(false);
    expect(harness!.pageErrors).toEqual([]);
  });
});
