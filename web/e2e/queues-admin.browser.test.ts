// Browser test: an admin creates a queue with weekday and Saturday hours, a holiday and an overflow target at a
// phone's width, edits it, is shown the field error for an impossible service level, saves a valid one, and
// reads both changes in the change log. Real headless Chromium against the whole local contact center.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

const storedQueue = async (queueId: string) => harness!.center.deps.queues.get(harness!.center.demo.tenantId, queueId);

describe('queues in Administration, in Chromium', { timeout: 90_000 }, () => {
  let page: Page;

  it('creates a queue with hours in Moscow, a Saturday half-day, a holiday and overflow into Support', async () => {
    // Arrange
    const { center, demoUser, signIn } = harness!;
    page = await signIn(demoUser((u) => u.role === 'admin').login, PHONE);
    await page.goto(`${center.baseUrl}/#/admin`);
    const section = page.getByRole('region', { name: 'Очереди' });
    await section.locator('tr.queue-row[data-queue="support"]').waitFor();

    // Act
    await section.getByRole('button', { name: 'Создать очередь' }).click();
    const form = page.getByRole('dialog', { name: 'Новая очередь' });
    await form.getByLabel('Название').fill('Возвраты');
    await form.getByLabel('Приоритет').fill('3');
    await form.getByLabel('Максимальное ожидание, с').fill('120');
    await form.getByLabel('Затем передать в очередь').selectOption({ label: 'Поддержка' });
    await form.getByLabel('Часовой пояс').fill('Europe/Moscow');
    await form.getByRole('checkbox', { name: 'Суббота' }).check();
    await form.getByLabel('Суббота до').fill('14:00');
    await form.getByLabel('Дата').fill('2027-01-01');
    await form.getByRole('button', { name: 'Добавить день' }).click();
    await form.getByText('1 янв. 2027 г.').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(screenshots, 'admin-queue-form-375.png'), animations: 'disabled', fullPage: true });
    await form.getByRole('button', { name: 'Создать' }).click();

    // Assert
    const row = section.locator('tr.queue-row[data-queue="vozvraty"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('По расписанию (Europe/Moscow)');
    const nineToSix = [{ open: '09:00', close: '18:00' }];
    expect(await storedQueue('vozvraty')).toMatchObject({
      name: 'Возвраты', priority: 3, maxWaitSeconds: 120, overflowQueueId: 'support', timeZone: 'Europe/Moscow', version: 1,
      businessHours: { weekly: { mon: nineToSix, fri: nineToSix, sat: [{ open: '09:00', close: '14:00' }] }, holidays: ['2027-01-01'] },
    });
    expect((await storedQueue('vozvraty'))?.businessHours?.weekly.sun).toBeUndefined();
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'admin-queues-375.png'), animations: 'disabled' });
  });

  it('shows the field error for a service level above 100 %, then saves a valid one with topics required', async () => {
    // Arrange
    const section = page.getByRole('region', { name: 'Очереди' });
    await section.getByRole('button', { name: 'Изменить: Возвраты' }).click();
    const form = page.getByRole('dialog', { name: 'Очередь «Возвраты»' });
    const percent = form.getByLabel('Доля ответов, %');

    // Act
    await percent.fill('150');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.getByText('Доля — от 0 до 100 %, время — целое число секунд больше нуля.').waitFor();
    const refusedVersion = (await storedQueue('vozvraty'))?.version;
    expect(await percent.getAttribute('aria-invalid')).toBe('true');
    await percent.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'admin-queue-error-375.png'), animations: 'disabled' });
    await percent.fill('90');
    await form.getByRole('checkbox', { name: 'Тематика обращения обязательна при завершении' }).check();
    await form.getByRole('button', { name: 'Сохранить' }).click();

    // Assert
    await form.waitFor({ state: 'detached' });
    expect(refusedVersion).toBe(1);
    expect(await storedQueue('vozvraty')).toMatchObject({ serviceLevel: { targetPercent: 90, thresholdSeconds: 20 }, topicsRequired: true, overflowQueueId: 'support', version: 2 });
    expect(await section.locator('tr.queue-row[data-queue="vozvraty"]').textContent()).toContain('90');
  });

  it('lists the creation and the change in the change log, with the old and new service level', async () => {
    // Act
    await page.reload();
    const rows = page.locator('.audit__table tbody tr', { hasText: 'очереди vozvraty' });
    await rows.first().waitFor();
    const changed = page.locator('.audit__table tbody tr', { hasText: 'Изменение очереди vozvraty' });
    await changed.getByText('Подробнее').click();

    // Assert
    expect(await rows.count()).toBe(2);
    expect(await page.locator('.audit__table tbody tr', { hasText: 'Создание очереди vozvraty' }).count()).toBe(1);
    const serviceLevel = changed.locator('.audit__diff-row', { hasText: 'serviceLevel' });
    expect(JSON.parse((await serviceLevel.locator('.audit__before').textContent()) ?? '')).toEqual({ targetPercent: 80, thresholdSeconds: 20 });
    expect(JSON.parse((await serviceLevel.locator('.audit__after').textContent()) ?? '')).toEqual({ targetPercent: 90, thresholdSeconds: 20 });
    // Only what the admin changed (and the version) is listed, though the form sends every field.
    expect(await changed.locator('.audit__diff-row dt').allTextContents()).toEqual(['serviceLevel', 'topicsRequired', 'version']);
    expect(await scrollsSideways(page)).toBe(false);
    expect(harness!.pageErrors).toEqual([]);
  });
});
