// Browser test: a supervisor writes the rule «VIP: customers waiting above 0» with an e-mail and a phone; when a
// customer starts waiting, a toast and the bell tell the supervisor at once, and the local outbox page shows the
// e-mail and SMS that would have gone out. A customer asking for a manager in a live chat reaches the bell at once.
// The page in English at a phone's width. Screenshots in Russian and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('alerts in Chromium', { timeout: 120_000 }, () => {
  it('lets a supervisor write a rule and tells them, and the outbox, when it fires', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/alerts`);
    await page.getByTestId('alerts-page').waitFor();
    // Act: the rule, through the form
    await page.getByRole('button', { name: 'Новое правило' }).click();
    const form = page.getByTestId('alert-form');
    await form.getByRole('combobox', { name: /^Очередь/ }).selectOption({ label: 'VIP' });
    await form.getByLabel('Показатель').selectOption('contacts_waiting');
    await form.getByLabel('Порог').fill('0');
    await form.getByLabel('Тишина, секунд').fill('0');
    await form.getByLabel('Получатели').fill('kuznetsov@romashka.demo\n+7 916 555-01-02');
    await form.getByLabel('Название').fill('VIP ждут');
    await form.getByRole('button', { name: 'Создать правило' }).click();
    const rule = page.getByTestId('alert-rule').filter({ hasText: 'VIP ждут' });
    await rule.getByText('В норме').waitFor({ timeout: 20_000 });
    // …then a VIP customer nobody can take starts waiting
    await center.services.routing.commands.createContact(center.demo.tenantId, { contactId: 'alert-vip', queueId: 'vip', channel: 'webchat', priority: 0, requiredSkills: [{ skill: 'nobody-has-it', level: 1 }] });
    // Assert: a toast, the bell's count and the notice in it, the rule breached
    await page.locator('.toast', { hasText: 'Тревога' }).waitFor({ timeout: 30_000 });
    await rule.getByText('Нарушение').waitFor({ timeout: 20_000 });
    const bell = page.getByTestId('alert-bell');
    await page.locator('.alert-bell__badge').waitFor();
    expect(await bell.getAttribute('aria-label')).toMatch(/^Оповещения, новых: 1$/);
    await bell.click();
    const notice = page.locator('.alert-notice--fired').first();
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Ожида.+VIP: 1/s);
    await page.screenshot({ path: join(screenshots, 'alerts-ru.png'), animations: 'disabled', fullPage: true });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    // The outbox page: what SNS and SES would have sent
    const outbox = await page.context().newPage();
    await outbox.setViewportSize(DESKTOP);
    await outbox.goto(`${center.baseUrl}/local/outbox/page`);
    await outbox.getByText('+79165550102').waitFor();
    expect(await outbox.locator('tbody tr', { hasText: 'kuznetsov@romashka.demo' }).innerText()).toMatch(/e-mail.+Тревога: .+ — очередь «VIP».+VIP ждут/s);
    await outbox.screenshot({ path: join(screenshots, 'alerts-outbox-ru.png'), animations: 'disabled', fullPage: true });
    await center.services.routing.commands.abandonContact(center.demo.tenantId, 'alert-vip', 'the visitor closed the chat');
    await page.locator('.toast', { hasText: 'Норма' }).waitFor({ timeout: 30_000 });
  });

  it('tells the supervisor at once when a customer in a live chat asks for a manager', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/supervisor`);
    await page.getByTestId('alert-bell').waitFor();
    const telegram = center.demo.channels.find((c) => c.type === 'telegram')!.channelId;
    // Act: the customer writes while still waiting in the queue
    await center.simulator.say(telegram, 'olga', 'Позовите руководителя, я буду писать претензию');
    // Assert: a toast, then the alert in the bell with the customer's words and a link to the conversation
    await page.locator('.toast', { hasText: 'Проблемный разговор: Клиент просит руководителя' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('alert-bell').click();
    const item = page.locator('.alert-notice--conversation[data-trigger="escalation_request"]');
    await item.waitFor();
    expect(await item.innerText()).toMatch(/идёт сейчас.+Клиент: Позовите руководителя, я буду писать претензию/s);
    const href = await item.getByRole('link', { name: 'Открыть разговор' }).getAttribute('href');
    expect(href).toMatch(/^#\/qa\/contact\/.+/);
    await page.screenshot({ path: join(screenshots, 'alerts-conversation-ru.png'), animations: 'disabled', fullPage: true });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await center.services.routing.commands.abandonContact(center.demo.tenantId, decodeURIComponent(href!.split('/').pop()!), 'the visitor closed the chat');
  });

  it('speaks English completely and fits a phone', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/alerts`);
    await page.getByTestId('alert-rule').first().waitFor();
    // Act
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.locator('html[lang="en"]').waitFor();
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'New rule' }).click();
    await page.getByTestId('alert-form').waitFor();
    await page.getByTestId('alert-bell').click();
    await page.locator('.alert-notice').first().waitFor();
    await page.screenshot({ path: join(screenshots, 'alerts-en-375.png'), animations: 'disabled', fullPage: true });
    // Assert
    const names = [...center.demo.users.map((u) => u.name), 'Поддержка', 'Продажи', 'VIP', 'VIP ждут', 'Позовите руководителя, я буду писать претензию'];
    expect(await untranslatedText(page, names)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
