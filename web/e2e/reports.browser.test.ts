// Browser test: after Анна handles a chat and a visitor leaves one waiting, a supervisor opens the reports and
// sees them per queue as a trend, bars and a totals table, downloads the CSV, and reads it all in English and
// at a phone's width; Анна sees only her own figures. Screenshots in Russian and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { apiToken, DESKTOP, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';
import { waitFor } from '../../test/live.ts';

let harness: Harness | undefined;
/** The demo tenant's calendar day (Moscow) when the figures were made: a run that crosses midnight reads them as yesterday's. */
const tenantDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(at);
let dataDay = '';
const dataPeriod = () => (tenantDay(new Date()) === dataDay ? 'today' : 'yesterday');

beforeAll(async () => {
  harness = await startHarness();
  const { center, demoUser } = harness;
  const { tenantId } = center.demo;
  const { commands } = center.services.routing;
  const token = await apiToken(center, demoUser((u) => u.login === 'anna@romashka.demo'));
  const anna = (method: string, path: string, body?: unknown) => fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  expect((await anna('PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
  await commands.createContact(tenantId, { contactId: 'report-handled', queueId: 'support', channel: 'telegram', priority: 0, requiredSkills: [] });
  await waitFor(async () => (await center.deps.contacts.get(tenantId, 'report-handled'))?.status === 'offered');
  for (const step of ['accept', 'end']) expect((await anna('POST', `/contacts/report-handled/${step}`)).status).toBe(200);
  expect((await anna('POST', '/contacts/report-handled/complete', { topics: [] })).status).toBe(200);
  await commands.createContact(tenantId, { contactId: 'report-left', queueId: 'vip', channel: 'webchat', priority: 0, requiredSkills: [{ skill: 'nobody-has-it', level: 1 }] });
  await commands.abandonContact(tenantId, 'report-left', 'the visitor closed the chat');
  dataDay = tenantDay(new Date());
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** The totals row of a group once the figures arrived (the stream folds them in a moment). */
async function totalsRow(page: Page, group: string, handled: string) {
  const row = page.locator('.reports__table tbody tr', { has: page.locator('th', { hasText: group }) });
  await waitFor(async () => {
    if ((await row.count()) === 0 || !(await row.first().innerText()).includes(handled)) {
      const period = dataPeriod();
      await page.getByLabel(/Период|Period/).selectOption(period === 'today' ? 'yesterday' : 'today');
      await page.getByLabel(/Период|Period/).selectOption(period);
      return false;
    }
    return true;
  }, 30_000, 500);
  return row.first();
}

describe('reports in Chromium', { timeout: 120_000 }, () => {
  it('shows today per queue as a trend, bars and totals, and downloads them as CSV', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    // Act
    await page.goto(`${center.baseUrl}/#/reports`);
    const support = await totalsRow(page, 'Поддержка', '1');
    await totalsRow(page, 'VIP', '1');
    await page.locator('[data-testid="trend-chart"] .recharts-line').first().waitFor();
    await page.locator('[data-testid="totals-chart"] .recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: join(screenshots, 'reports-ru.png'), animations: 'disabled', fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    // Assert
    const headers = await page.locator('.reports__table thead th').allTextContents();
    const cells = await support.locator('td').allInnerTexts();
    expect(cells[headers.indexOf('Обслужено') - 1]).toBe('1');
    const vip = await totalsRow(page, 'VIP', '1');
    expect((await vip.locator('td').allInnerTexts())[headers.indexOf('Потеряно') - 1]).toBe('1');
    expect(csv.split('\r\n')[0]).toMatch(/^Очередь,Начало интервала,Обслужено,Потеряно,/);
    expect(csv).toMatch(/\r\nsupport,\d{4}-\d{2}-\d{2}T\d{2}:00:00\+03:00,1,0,/);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('speaks English completely and fits a phone', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/reports`);
    await totalsRow(page, 'Поддержка', '1');
    // Act: English from the side bar, then a phone's width (where the side bar folds into a drawer)
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.locator('html[lang="en"]').waitFor();
    await page.setViewportSize(PHONE);
    await page.getByText('Totals for the period').waitFor();
    await page.screenshot({ path: join(screenshots, 'reports-en-375.png'), animations: 'disabled', fullPage: true });
    // Assert
    const names = [...center.demo.users.map((u) => u.name), 'Поддержка', 'Продажи', 'VIP'];
    expect(await untranslatedText(page, names)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await page.locator('.reports__table thead th').allTextContents()).toContain('Contacts handled');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('shows an agent their own figures only', async () => {
    // Arrange
    const { center, signIn } = harness!;
    const page = await signIn('anna@romashka.demo', DESKTOP);
    // Act
    await page.goto(`${center.baseUrl}/#/reports`);
    const own = await totalsRow(page, 'Анна Петрова', '1');
    await page.screenshot({ path: join(screenshots, 'reports-agent-ru.png'), animations: 'disabled', fullPage: true });
    // Assert
    expect(await page.locator('.reports__table tbody tr').count()).toBe(1);
    expect(await own.innerText()).toContain('Анна Петрова');
    expect(await page.getByLabel('Разрез').count()).toBe(0);
  });

  it('shows today’s KPI tiles on the wallboard and moves them live as a customer leaves', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/supervisor`);
    const vip = page.locator('[data-testid="kpi-tiles"] tr[data-queue="vip"]');
    const abandoned = async () => (await vip.locator('td').allInnerTexts())[1];
    // Today's tiles: one abandoned already, unless the run crossed the tenant's midnight since.
    await waitFor(async () => (await vip.count()) > 0 && (await abandoned()) === (dataPeriod() === 'today' ? '1' : '0'), 30_000, 200);
    const before = Number(await abandoned());
    // Act: another VIP customer leaves while the page is open
    const { commands } = center.services.routing;
    await commands.createContact(center.demo.tenantId, { contactId: 'report-left-2', queueId: 'vip', channel: 'webchat', priority: 0, requiredSkills: [{ skill: 'nobody-has-it', level: 1 }] });
    await commands.abandonContact(center.demo.tenantId, 'report-left-2', 'the visitor closed the chat');
    // Assert: pushed, no reload
    await waitFor(async () => Number(await abandoned()) === before + 1, 30_000, 200);
    expect(await page.locator('[data-testid="kpi-tiles"] .kpi-tile[data-metric="contacts_handled"] .kpi-tile__value').innerText()).toBe(before === 1 ? '1' : '0');
    await page.locator('[data-testid="kpi-tiles"]').screenshot({ path: join(screenshots, 'wallboard-kpi-ru.png'), animations: 'disabled' });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
