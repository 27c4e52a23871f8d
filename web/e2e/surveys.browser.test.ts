// Browser test: the admin turns chat surveys on in the console; a widget visitor's chat is handled and ended by Анна,
// the widget shows the rating card, the visitor rates 4 and answers NPS 9; the supervisor's report shows the CSI,
// the NPS and the response rate for the visitor's queue, in Russian and in English. Screenshots in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Contact } from '@cc/shared/contacts/model';
import type { ReportPage } from '@cc/shared/metrics/report';
import { apiToken, DESKTOP, screenshots, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';
import { waitFor } from '../../test/live.ts';
import { shopSession } from '../../functions/widget/shop-page.ts';
import { scanEntity } from '../../functions/messaging/testing/harness.ts';

let harness: Harness | undefined;
let contactId: string;
/** The visitor's department (the widget's first): the report row to read. */
let queueId: string;
const QUEUE_NAMES: Record<string, string> = { support: 'Поддержка', sales: 'Продажи', vip: 'VIP' };
const shopErrors: string[] = [];
const shop = shopSession(() => ({ browser: harness!.browser, center: harness!.center }), shopErrors);

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** The visitor's queue's survey figures of the last day through the API, once the stream has folded the NPS answer in. */
async function foldedSurveyFigures(token: string): Promise<Record<string, number | null>> {
  const { center } = harness!;
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 3_600_000).toISOString();
  const query = new URLSearchParams({ groupBy: 'queue', interval: 'total', from, to, metrics: 'csat_average,nps,survey_response_rate' });
  return waitFor(async () => {
    const page = (await (await fetch(`${center.baseUrl}/api/reports?${query}`, { headers: { authorization: `Bearer ${token}` } })).json()) as ReportPage;
    const row = page.rows?.find((r) => r.group.queueId === queueId);
    return row?.values['nps'] !== null && row?.values['nps'] !== undefined ? row.values : undefined;
  }, 30_000, 1000);
}

describe('surveys in Chromium', { timeout: 180_000 }, () => {
  it('lets the admin switch chat surveys on', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser((u) => u.role === 'admin').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/admin`);
    const section = page.getByTestId('admin-surveys');
    // Act
    await section.getByLabel('Отправлять опрос, когда оператор завершил чат').check({ timeout: 20_000 });
    await section.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Настройки опросов сохранены').waitFor();
    await section.screenshot({ path: join(screenshots, 'admin-surveys-ru.png'), animations: 'disabled' });
    // Assert
    expect(await center.services.surveys.settings(center.demo.tenantId)).toMatchObject({ chats: true, nps: true, timeoutHours: 24 });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('shows the widget visitor the rating card after the agent ends the chat, then the NPS card, and records both', async () => {
    // Arrange: a visitor writes; Анна takes the chat, ends it and completes the wrap-up
    const { center } = harness!;
    const anna = await shop.login('u-agent-1');
    expect((await shop.api(anna, '/agents/me/status', 'PUT', { status: 'available' })).status).toBe(200);
    const page = await shop.openShop('ru', { openWidget: true });
    await page.getByLabel('Имя').fill('Ольга');
    await page.getByLabel('Телефон').fill('8 900 123-45-67');
    await page.getByRole('button', { name: 'Начать чат' }).click();
    const input = page.getByPlaceholder('Напишите сообщение…');
    await input.fill('Здравствуйте! Курьер не приехал');
    await input.press('Enter');
    const offered = await waitFor(async () => (await scanEntity<Contact>(center.deps, 'contact')).find((c) => c.channel === 'webchat' && c.status === 'offered'), 30_000);
    contactId = offered.contactId;
    queueId = offered.queueId;
    for (const step of ['accept', 'end', 'complete']) expect((await shop.api(anna, `/contacts/${contactId}/${step}`, 'POST', {})).status).toBe(200);
    // Act: the rating card comes; the visitor presses 4, then 9 on the NPS card
    const card = page.locator('.choices.rating').first();
    await card.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(screenshots, 'widget-survey-ru.png'), animations: 'disabled' });
    await card.getByRole('button', { name: '4', exact: true }).click();
    const nps = page.locator('.choices.rating', { has: page.getByRole('button', { name: '10', exact: true }) });
    await nps.waitFor({ timeout: 30_000 });
    await nps.getByRole('button', { name: '9', exact: true }).click();
    await page.locator('.msg', { hasText: 'Спасибо за оценку!' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(screenshots, 'widget-survey-nps-ru.png'), animations: 'disabled' });
    const rated = await waitFor(async () => ((await center.deps.contacts.get(center.demo.tenantId, contactId))?.survey?.nps !== undefined ? center.deps.contacts.get(center.demo.tenantId, contactId) : undefined), 30_000);
    // Assert
    expect(await card.locator('button').count()).toBe(5);
    expect(await card.getByRole('button', { name: '1', exact: true }).isDisabled()).toBe(true);
    expect(rated!.survey).toMatchObject({ score: 4, nps: 9, via: 'widget' });
    expect(shopErrors).toEqual([]);
  });

  it('shows the supervisor the CSI, the NPS and the response rate of the queue, in Russian and in English', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    const figures = await foldedSurveyFigures(await apiToken(center, demoUser('supervisor')));
    await page.goto(`${center.baseUrl}/#/reports`);
    await page.locator('.reports__metrics summary').click();
    for (const name of ['Индекс лояльности (NPS)', 'Доля ответивших на опрос']) await page.locator('.reports__metric', { hasText: name }).locator('input').check();
    await page.locator('.reports__metrics summary').click();
    // Act
    const row = page.locator('.reports__table tbody tr', { has: page.locator('th', { hasText: QUEUE_NAMES[queueId] ?? queueId }) }).first();
    await page.locator('.reports__table thead th', { hasText: 'Доля ответивших на опрос' }).waitFor({ timeout: 30_000 });
    const { headers, cells } = await waitFor(async () => {
      const shown = { headers: await page.locator('.reports__table thead th').allTextContents(), cells: await row.locator('td').allInnerTexts() };
      // The table may redraw column by column as the metrics answer: wait until every asked figure is in.
      const figure = (name: string) => shown.cells[shown.headers.indexOf(name) - 1];
      return shown.cells.length === shown.headers.length - 1 && ['Средняя оценка (CSI)', 'Индекс лояльности (NPS)', 'Доля ответивших на опрос'].every((name) => ![undefined, '—'].includes(figure(name))) ? shown : undefined;
    }, 30_000, 250);
    await page.screenshot({ path: join(screenshots, 'reports-surveys-ru.png'), animations: 'disabled', fullPage: true });
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.locator('html[lang="en"]').waitFor();
    await page.locator('.reports__table thead th', { hasText: 'Net promoter score' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'reports-surveys-en.png'), animations: 'disabled', fullPage: true });
    // Assert: one answered survey of one sent, a 4, and a promoter (9)
    expect(figures).toMatchObject({ csat_average: 4, nps: 100, survey_response_rate: 100 });
    const cell = (name: string) => cells[headers.indexOf(name) - 1];
    expect(cell('Средняя оценка (CSI)')).toBe('4');
    expect(cell('Индекс лояльности (NPS)')).toBe('100');
    expect(cell('Доля ответивших на опрос')).toMatch(/^100\s*%$/);
    expect(await untranslatedText(page, [...center.demo.users.map((u) => u.name), 'Поддержка', 'Продажи', 'VIP'])).toEqual([]);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
