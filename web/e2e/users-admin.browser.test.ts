// Browser test: an admin creates an agent in the console (a skill, an existing demo queue) and sees the one-time
// password once; the new agent signs in with it, is asked for a new password, sets it, lands in the workspace and
// goes available. Real headless Chromium against the whole local contact center.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { DESKTOP, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';

let harness: Harness | undefined;
const LOGIN = 'nadezhda@romashka.demo';
const NAME = 'Надежда Белова';
const NEW_PASSWORD = 'Ромашка-цветёт-2027';

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('users in Administration, in Chromium', { timeout: 90_000 }, () => {
  let adminPage: Page;
  let temporaryPassword = '';

  it('creates an agent with a skill and a demo queue, and shows the one-time password once', async () => {
    // Arrange
    const { center, demoUser, signIn } = harness!;
    adminPage = await signIn(demoUser((u) => u.role === 'admin').login);
    await adminPage.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: center.baseUrl });
    await adminPage.goto(`${center.baseUrl}/#/admin`);
    const section = adminPage.getByRole('region', { name: 'Пользователи' });
    await section.locator('tr.user-row', { hasText: demoUser('agent').name }).waitFor();

    // Act
    await section.getByRole('button', { name: 'Добавить' }).click();
    const form = adminPage.getByRole('dialog', { name: 'Новый пользователь' });
    await form.getByLabel('Логин (e-mail)').fill(LOGIN);
    await form.getByLabel('Имя и фамилия').fill(NAME);
    await form.getByRole('checkbox', { name: 'Поддержка' }).check();
    await form.getByRole('button', { name: 'Добавить навык' }).click();
    await form.getByLabel('Навык', { exact: true }).fill('support');
    await form.getByLabel('Уровень (1–10)').fill('6');
    await form.getByLabel('Звонков').fill('0');
    await form.getByLabel('Чатов').fill('2');
    await adminPage.screenshot({ path: join(screenshots, 'admin-user-form.png'), animations: 'disabled' });
    await form.getByRole('button', { name: 'Создать' }).click();
    const created = adminPage.getByRole('dialog', { name: 'Пользователь создан' });
    temporaryPassword = (await created.getByTestId('one-time-password').textContent()) ?? '';
    await created.getByRole('button', { name: 'Скопировать' }).click();
    await created.getByRole('button', { name: 'Скопировано' }).waitFor();
    const copied = await adminPage.evaluate(() => navigator.clipboard.readText());
    await adminPage.screenshot({ path: join(screenshots, 'admin-user-created.png'), animations: 'disabled' });
    await created.getByRole('button', { name: 'Готово' }).click();

    // Assert
    expect(temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    expect(copied).toBe(temporaryPassword);
    const row = section.locator('tr.user-row', { hasText: NAME });
    expect(await row.locator('.user-status').textContent()).toBe('Приглашён');
    expect(await row.textContent()).toContain('Поддержка');
    expect(await adminPage.getByTestId('one-time-password').count()).toBe(0);
    const stored = await harness!.center.deps.directory.findUserByLogin(LOGIN);
    expect(stored).toMatchObject({ name: NAME, roles: ['agent'], mustChangePassword: true });
    expect(await harness!.center.deps.agents.get(stored!.tenantId, stored!.userId)).toMatchObject({ skills: [{ skill: 'support', level: 6 }], queueIds: ['support'], capacity: { voice: 0, chat: 2 } });
  });

  it('signs the new agent in with it, asks for a new password, and the agent lands in the workspace and goes available', async () => {
    // Arrange
    const { browser, center } = harness!;
    const page = await (await browser.newContext({ viewport: DESKTOP, locale: 'ru-RU', timezoneId: 'Europe/Moscow' })).newPage();
    page.on('pageerror', (error) => harness!.pageErrors.push(`${LOGIN}: ${error.message}`));
    await page.goto(`${center.baseUrl}/`);
    await page.locator('input[name="login"]').fill(LOGIN);
    await page.locator('input[name="password"]').fill(temporaryPassword);

    // Act
    await page.locator('input[name="password"]').press('Enter');
    await page.getByRole('heading', { name: 'Задайте свой пароль' }).waitFor();
    await page.getByLabel('Новый пароль').fill('short');
    const weakRules = await page.locator('.password-rules li[data-met]').count();
    await page.getByLabel('Новый пароль').fill(NEW_PASSWORD);
    await page.getByLabel('Повторите пароль').fill(NEW_PASSWORD);
    await page.screenshot({ path: join(screenshots, 'login-new-password.png'), animations: 'disabled' });
    await page.getByRole('button', { name: 'Сохранить и войти' }).click();
    await page.locator('.topbar').waitFor();
    await page.getByRole('button', { name: /Мой статус/ }).click();
    await page.locator('[role="menuitemradio"][data-status="available"]').click();
    await page.locator('.status-button .status-pill[data-status="available"]').waitFor();

    // Assert
    expect(weakRules).toBe(1);
    expect(await page.locator('.topbar__title').textContent()).toBe('Рабочее место');
    const stored = await center.deps.directory.findUserByLogin(LOGIN);
    expect(stored).toMatchObject({ status: 'active' });
    expect(stored?.mustChangePassword).toBeUndefined();
    expect((await center.deps.agents.get(stored!.tenantId, stored!.userId))?.status).toBe('available');
    const again = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: LOGIN, password: temporaryPassword }) });
    expect(again.status).toBe(401);
    await adminPage.reload();
    const row = adminPage.getByRole('region', { name: 'Пользователи' }).locator('tr.user-row', { hasText: NAME });
    await row.locator('.user-status[data-status="active"]').waitFor();
    expect(harness!.pageErrors).toEqual([]);
  });

  it('fits the users list on a 375 px phone without sideways scrolling', async () => {
    // Act
    await adminPage.setViewportSize(PHONE);
    await adminPage.getByRole('region', { name: 'Пользователи' }).locator('tr.user-row').first().waitFor();
    await adminPage.screenshot({ path: join(screenshots, 'admin-users-375.png'), fullPage: true, animations: 'disabled' });
    // Assert
    expect(await scrollsSideways(adminPage)).toBe(false);
  });
});
