// Browser test: an admin opens the demo number's call flow at a phone's width, adds a first-level key with a
// submenu and one option in it, saves, reloads and finds it; the API answers the same flow and the change log
// has the save. A key used twice, and a greeting emptied (refused by the API's schema), show field errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import type { AuditPage } from '@cc/shared/audit/values';
import type { CallFlow } from '@cc/shared/voice/flow-config';
import { apiToken, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** A GET as the demo admin, answered 200. */
async function apiGet<T>(path: string): Promise<T> {
  const { center, demoUser } = harness!;
  const token = await apiToken(center, demoUser((user) => user.role === 'admin'));
  const response = await fetch(`${center.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Administration, then the editor of the demo number. */
async function openDemoFlow(page: Page) {
  await page.goto(`${harness!.center.baseUrl}/#/admin`);
  const section = page.getByRole('region', { name: 'Номера и голосовое меню' });
  await section.locator('tr', { hasText: 'Основной номер' }).getByRole('button', { name: 'Настроить' }).click();
  await section.getByRole('heading', { name: 'Сценарий звонка: +7 (495) 123-45-67' }).waitFor();
  return section;
}

describe('the IVR editor in Chromium', { timeout: 120_000 }, () => {
  let page: Page;

  it('saves a second-level option under a new key, and shows it after a reload as the API stores it', async () => {
    // Arrange
    const { demoUser, signIn } = harness!;
    page = await signIn(demoUser((user) => user.role === 'admin').login, PHONE);
    const section = await openDemoFlow(page);
    await page.screenshot({ path: join(screenshots, 'admin-ivr-editor-375.png'), animations: 'disabled' });

    // Act: key 3 opens a submenu whose key 1 goes to the VIP queue
    await section.getByRole('button', { name: 'Добавить вариант', exact: true }).click();
    const row = section.getByTestId('menu.row.2');
    await row.locator('#ivr-menu-row-2-label').fill('VIP-клиенты');
    await row.locator('#ivr-menu-row-2-target').selectOption('submenu');
    await row.locator('#ivr-menu-row-2-submenu-prompt-ru').fill('Персональный менеджер — 1.');
    await row.getByRole('button', { name: 'Добавить вариант подменю' }).click();
    const leaf = row.getByTestId('menu.row.2.submenu.row.0');
    await leaf.locator('#ivr-menu-row-2-submenu-row-0-label').fill('Персональный менеджер');
    await leaf.locator('#ivr-menu-row-2-submenu-row-0-queueId').selectOption({ label: 'VIP' });
    await section.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Сценарий сохранён').waitFor();
    await page.reload();
    const reloaded = await openDemoFlow(page);

    // Assert
    expect(await reloaded.locator('#ivr-menu-row-2-submenu-row-0-label').inputValue()).toBe('Персональный менеджер');
    const map = reloaded.getByTestId('menu-map');
    expect(await map.textContent()).toContain('3→VIP-клиенты');
    expect(await map.textContent()).toContain('1→Персональный менеджер');
    const { flow, configured } = await apiGet<{ flow: CallFlow; configured: boolean }>('/api/phone-numbers/74951234567/flow');
    expect(configured).toBe(true);
    expect(flow.menu?.options['3']).toEqual({ label: 'VIP-клиенты', submenu: { prompt: { ru: 'Персональный менеджер — 1.' }, defaultQueueId: 'support', attempts: 3, timeoutSeconds: 5, options: { '1': { label: 'Персональный менеджер', queueId: 'vip' } } } });
    expect(flow.menu?.options['1']).toEqual({ label: 'Поддержка', queueId: 'support' });
    const audit = await apiGet<AuditPage>('/api/audit?target=phone-number');
    expect(audit.entries[0]).toMatchObject({ targetId: '+74951234567', action: 'updated', after: flow });
    expect(await scrollsSideways(page)).toBe(false);
    await map.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'admin-ivr-375.png'), animations: 'disabled' });
  });

  it('marks a key used twice in one menu, and a greeting the API refuses as empty', async () => {
    // Arrange
    const section = page.getByRole('region', { name: 'Номера и голосовое меню' });
    const before = await apiGet<{ flow: CallFlow }>('/api/phone-numbers/74951234567/flow');

    // Act: key 3 becomes 1 again, which option 1 already has
    await section.locator('#ivr-menu-row-2-digit').selectOption('1');
    await section.getByRole('button', { name: 'Сохранить' }).click();
    const taken = section.locator('#ivr-menu-row-2-digit-error');
    await taken.waitFor();

    // Assert
    expect(await taken.textContent()).toBe('Эта клавиша уже занята');
    expect(await section.locator('#ivr-menu-row-2-digit').getAttribute('aria-invalid')).toBe('true');
    expect((await apiGet<{ flow: CallFlow }>('/api/phone-numbers/74951234567/flow')).flow).toEqual(before.flow);
    await section.locator('#ivr-menu-row-2-digit').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'admin-ivr-digit-taken-375.png'), animations: 'disabled' });

    // Act: the key is free again, the Russian greeting is emptied, and the API's schema refuses it
    await section.locator('#ivr-menu-row-2-digit').selectOption('3');
    await section.locator('#ivr-greeting-ru').fill('');
    await section.getByRole('button', { name: 'Сохранить' }).click();
    const required = section.locator('#ivr-greeting-ru-error');
    await required.waitFor();

    // Assert
    expect(await required.textContent()).toBe('Заполните поле');
    expect(await section.locator('#ivr-menu-row-2-digit-error').count()).toBe(0);
    expect((await apiGet<{ flow: CallFlow }>('/api/phone-numbers/74951234567/flow')).flow).toEqual(before.flow);
  });
});
