// Browser test: a supervisor sets a day plan for each agent in «Планы» (a refused target first, its field error from
// the API shown), sees its attainment in «Отчёты», and Анна, who handled one chat, sees it on «Мои показатели»,
// which follows her next chat without a reload; in English at a phone's width the plan is changed and deleted.
// Screenshots in Russian and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { apiToken, DESKTOP, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';
import { waitFor } from '../../test/live.ts';

let harness: Harness | undefined;
let handle: (contactId: string) => Promise<void>;

beforeAll(async () => {
  harness = await startHarness();
  const { center, demoUser } = harness;
  const { tenantId } = center.demo;
  const { commands } = center.services.routing;
  const token = await apiToken(center, demoUser((u) => u.login === 'anna@romashka.demo'));
  const anna = (method: string, path: string, body?: unknown) => fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  expect((await anna('PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
  // Анна takes a Telegram chat, ends it and completes it: one contact handled today.
  handle = async (contactId) => {
    await commands.createContact(tenantId, { contactId, queueId: 'support', channel: 'telegram', priority: 0, requiredSkills: [] });
    await waitFor(async () => (await center.deps.contacts.get(tenantId, contactId))?.status === 'offered', 30_000);
    for (const step of ['accept', 'end']) expect((await anna('POST', `/contacts/${contactId}/${step}`)).status).toBe(200);
    expect((await anna('POST', `/contacts/${contactId}/complete`, { topics: [] })).status).toBe(200);
  };
  await handle('plan-chat-1');
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

const PACES = /Опережает план|Идёт по плану|Отстаёт от плана|Ahead of plan|On pace|Behind plan/;

/** Анна's row of the each-agent plan in the attainment table, once it shows `percent`. */
async function annaRow(page: Page, percent: RegExp) {
  const row = page.locator('[data-testid="attainment"] tr[data-plan="day.agent.contacts_handled"]', { hasText: 'Анна Петрова' });
  await waitFor(async () => (await row.count()) > 0 && percent.test(await row.innerText()), 60_000, 250);
  return row;
}

describe('plans in Chromium', { timeout: 240_000 }, () => {
  it('lets a supervisor set a plan, shows the API’s refusal by its field, and the attainment in the reports', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/plans`);
    const form = page.getByRole('form', { name: 'Новый план' });
    await form.getByLabel('Показатель').waitFor();
    // Act: a fractional number of contacts first, then a whole one
    await form.getByLabel('Оператор', { exact: true }).selectOption({ label: 'Каждый оператор' });
    await form.getByLabel('Показатель').selectOption({ label: 'Обслужено' });
    await form.getByLabel('Цель').fill('2.5');
    await form.getByRole('button', { name: 'Добавить план' }).click();
    await form.getByText('Проверьте цель').waitFor({ timeout: 30_000 });
    const invalid = await form.getByLabel('Цель').getAttribute('aria-invalid');
    await form.getByLabel('Цель').fill('4');
    await form.getByRole('button', { name: 'Добавить план' }).click();
    const listed = page.locator('.plans-table tr[data-plan="day.agent.contacts_handled"]');
    await listed.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(screenshots, 'plans-ru.png'), animations: 'disabled', fullPage: true });
    // Assert
    expect(invalid).toBe('true');
    expect(await listed.locator('th, td').allInnerTexts()).toEqual(expect.arrayContaining(['Обслужено', 'Каждый оператор', 'День', '4']));
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Act: the reports page shows the plan's attainment for each agent: Анна 1 of 4
    await page.goto(`${center.baseUrl}/#/reports`);
    const row = await annaRow(page, /25\s?%/);
    await page.locator('[data-testid="attainment"]').screenshot({ path: join(screenshots, 'reports-attainment-ru.png'), animations: 'disabled' });
    // Assert
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual(['4', '1']);
    expect(cells[3]).toMatch(PACES);
    expect(await row.locator('.attainment-bar__fill').evaluate((el) => (el as HTMLElement).style.width)).toBe('25%');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('shows Анна her day against her plan, kept fresh without a reload, in Russian and in English on a phone', async () => {
    // Arrange
    const { center, signIn, pageErrors } = harness!;
    const page = await signIn('anna@romashka.demo', DESKTOP);
    await page.goto(`${center.baseUrl}/#/my-figures`);
    const tile = page.locator('.figure-tile[data-metric="contacts_handled"]');
    await waitFor(async () => (await tile.count()) > 0 && /25\s?%/.test(await tile.innerText()), 60_000, 250);
    await page.screenshot({ path: join(screenshots, 'my-figures-ru.png'), animations: 'disabled', fullPage: true });
    expect(await tile.locator('.figure-tile__value').innerText()).toBe('1');
    expect(await tile.innerText()).toContain('План: 4');
    expect(await page.locator('[data-testid="attainment"] tr[data-plan="day.agent.contacts_handled"]').count()).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    // Act: a second chat, and the page, left open, follows it within a refresh or two
    await handle('plan-chat-2');
    await waitFor(async () => (await tile.locator('.figure-tile__value').innerText()) === '2' && /50\s?%/.test(await tile.innerText()), 90_000, 500);
    // Act: English, then a phone's width
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.locator('html[lang="en"]').waitFor();
    await page.setViewportSize(PHONE);
    await page.getByText('Plan: 4').waitFor();
    await page.screenshot({ path: join(screenshots, 'my-figures-en-375.png'), animations: 'disabled', fullPage: true });
    // Assert
    expect(await untranslatedText(page, [...center.demo.users.map((u) => u.name), 'Поддержка', 'Продажи', 'VIP'])).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('reads the plans page in English, fits a phone, and changes and deletes a plan there', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, PHONE);
    await page.goto(`${center.baseUrl}/#/plans`);
    await page.locator('.plans-table tr[data-plan="day.agent.contacts_handled"]').waitFor({ timeout: 30_000 });
    // Act
    await page.getByRole('button', { name: 'Открыть меню' }).click();
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.locator('html[lang="en"]').waitFor();
    await page.keyboard.press('Escape');
    await page.getByText('All plans').waitFor();
    await page.screenshot({ path: join(screenshots, 'plans-en-375.png'), animations: 'disabled', fullPage: true });
    // Assert
    expect(await untranslatedText(page, [...center.demo.users.map((u) => u.name), 'Поддержка', 'Продажи', 'VIP'])).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Act: change the target, then delete the plan
    const row = page.locator('.plans-table tr[data-plan="day.agent.contacts_handled"]');
    await row.getByRole('button', { name: 'Change' }).click();
    const edit = page.getByRole('form', { name: 'Change plan' });
    expect(await edit.getByLabel('Metric').isDisabled()).toBe(true);
    await edit.getByLabel('Target').fill('5');
    await edit.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await row.count()) > 0 && (await row.locator('td').allInnerTexts()).includes('5'), 30_000, 250);
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'Yes, delete' }).click();
    // Assert
    await page.getByText('No plans yet').waitFor({ timeout: 30_000 });
    expect((await harness!.center.deps.plans.list(harness!.center.demo.tenantId)).length).toBe(0);
  });
});
