// Browser test: the admin adds their own escalation phrase «позовите владельца», tries it in the preview (the words
// highlighted, the conversation flagged), saves it with an SMS recipient, and the saved settings hold them; a stale
// save is told apart. The section in English with nothing left in Russian. Screenshots in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, screenshots, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('analytics settings in Chromium', { timeout: 120_000 }, () => {
  it('lets the admin add a phrase, try it on an example and save it', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser((u) => u.role === 'admin').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/admin`);
    const section = page.getByTestId('admin-analytics');
    await section.getByText('Своих правил пока нет: работают встроенные.').waitFor({ timeout: 20_000 });
    // Act: the rule
    await section.getByRole('button', { name: 'Добавить правило' }).click();
    const rule = section.locator('.analytics-rule').first();
    await rule.getByLabel('Категория').selectOption('escalation_request');
    await rule.getByLabel('Фраза').fill('позовите владельца');
    // …tried before saving
    const preview = section.getByTestId('analytics-preview');
    await preview.getByLabel('Текст реплики 1').fill('Позовите, пожалуйста, владельца магазина');
    await preview.getByLabel('Текст реплики 2').fill('Минуту, соединяю');
    await preview.getByRole('button', { name: 'Проверить', exact: true }).click();
    const result = section.getByTestId('analytics-preview-result');
    await result.waitFor();
    // Assert: flagged, the words marked with the category and the rule
    expect(await result.getAttribute('data-flagged')).toBe('true');
    expect(await result.innerText()).toMatch(/Проблемный разговор.+Просьба позвать руководителя \(Клиент\): 1/s);
    const mark = result.locator('mark[data-categories~="escalation_request"]').first();
    expect(await mark.getAttribute('title')).toBe('Просьба позвать руководителя · правило own.1');
    expect((await mark.innerText()).startsWith('Позовите, пожалуйста, владельца')).toBe(true);
    // Act: the recipient and the save
    await section.getByLabel('Получатели').fill('+7 916 555-01-09');
    await section.getByLabel('Низкая лояльность: балл от (0–100)').fill('60');
    await section.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Настройки аналитики сохранены').waitFor();
    await section.screenshot({ path: join(screenshots, 'admin-analytics-ru.png'), animations: 'disabled' });
    // Assert: stored as typed
    const saved = await center.services.analyser.settings(center.demo.tenantId);
    expect(saved).toMatchObject({ version: 1, rules: [{ ruleId: 'own.1', category: 'escalation_request', phrase: 'позовите владельца', negatable: true }], thresholds: { lowLoyaltyScore: 60 }, alerts: { recipients: [{ phone: '+79165550109' }] } });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('reloads the settings when someone else saved first', async () => {
    // Arrange: the form read version 1; another admin saves version 2 meanwhile
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser((u) => u.role === 'admin').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/admin`);
    const section = page.getByTestId('admin-analytics');
    await section.locator('.analytics-rule').first().waitFor({ timeout: 20_000 });
    const current = await center.services.analyser.settings(center.demo.tenantId);
    await center.deps.analyticsSettings.save({ ...current, version: current.version + 1, rules: [] }, current.version);
    // Act
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/analytics/settings') && r.request().method() === 'PUT');
    await section.getByRole('button', { name: 'Сохранить', exact: true }).click();
    // Assert: refused as stale, told, and the fresh settings (no rules) are shown
    expect((await answered).status()).toBe(409);
    await page.getByText('Настройки только что изменил кто-то другой — загрузили свежие').waitFor();
    await section.getByText('Своих правил пока нет: работают встроенные.').waitFor();
  });

  it('speaks English completely', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser((u) => u.role === 'admin').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/admin`);
    const section = page.getByTestId('admin-analytics');
    await section.getByRole('button', { name: 'Добавить правило' }).waitFor({ timeout: 20_000 });
    // Act
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.locator('html[lang="en"]').waitFor();
    await section.getByRole('button', { name: 'Add a rule' }).click();
    await section.getByTestId('analytics-preview').getByLabel('Text of line 1').fill('Where is your manager? I want to file a complaint');
    await section.getByRole('button', { name: 'Try', exact: true }).click();
    await section.getByTestId('analytics-preview-result').waitFor();
    await section.screenshot({ path: join(screenshots, 'admin-analytics-en.png'), animations: 'disabled' });
    // Assert
    expect(await untranslatedText(page, [], '[data-testid="admin-analytics"]')).toEqual([]);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
