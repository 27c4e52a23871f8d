// Browser test: the supervisor opens the evaluation forms from the QA sample, finds the demo tenant's twelve-parameter
// standard, reweighs a parameter, then writes a form of their own for the VIP queue with a parameter the analysis
// answers (the agent's swearing); both are stored as typed. The page in English with nothing left in Russian.
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

describe('evaluation forms in Chromium', { timeout: 120_000 }, () => {
  it('lets the supervisor reweigh the standard form and write one for a queue', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const tenantId = center.demo.tenantId;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/qa`);
    await page.getByRole('link', { name: 'Формы оценки →' }).click({ timeout: 20_000 });
    const standard = page.locator('.qa-forms-list__item', { hasText: 'Стандарт качества «Ромашки»' });
    await standard.waitFor({ timeout: 20_000 });
    expect(await standard.innerText()).toMatch(/параметров: 12/);
    // Act: the greeting weighs 20 instead of 10
    await standard.getByRole('button', { name: 'Изменить форму «Стандарт качества «Ромашки»»' }).click();
    const editor = page.getByTestId('qa-form-editor');
    await editor.getByLabel('Вес параметра 1', { exact: true }).fill('20');
    await editor.getByRole('button', { name: 'Сохранить форму' }).click();
    await page.getByText('Форма сохранена').waitFor();
    // …and a form of their own
    await page.getByRole('button', { name: 'Новая форма' }).click();
    await editor.getByLabel('Название', { exact: true }).fill('Звонки VIP');
    for (const queue of ['Поддержка', 'Продажи']) await editor.getByLabel(queue, { exact: true }).uncheck();
    await editor.getByLabel('Название параметра 1', { exact: true }).fill('Без мата');
    await editor.getByLabel('Категория аналитики для параметра 1', { exact: true }).selectOption('profanity');
    await editor.getByLabel('Чья речь для параметра 1', { exact: true }).selectOption('agent');
    await editor.getByRole('button', { name: 'Добавить параметр' }).click();
    await editor.getByLabel('Название параметра 2', { exact: true }).fill('Решил вопрос');
    await editor.getByLabel('Как отвечать на параметр 2', { exact: true }).selectOption('scale_1_5');
    await editor.getByLabel('Вес параметра 2', { exact: true }).fill('30');
    await page.screenshot({ path: join(screenshots, 'qa-forms-ru.png'), animations: 'disabled', fullPage: true });
    await editor.getByRole('button', { name: 'Сохранить форму' }).click();
    await page.locator('.qa-forms-list__item', { hasText: 'Звонки VIP' }).waitFor();
    // Assert
    const forms = await center.deps.qaForms.list(tenantId);
    expect(forms.find((f) => f.name === 'Стандарт качества «Ромашки»')).toMatchObject({ version: 2, parameters: expect.arrayContaining([expect.objectContaining({ parameterId: 'greeting', weight: 20 })]) });
    expect(forms.find((f) => f.name === 'Звонки VIP')).toMatchObject({
      version: 1,
      queueIds: ['vip'],
      parameters: [
        { parameterId: 'p1', name: 'Без мата', kind: 'yes_no', weight: 10, link: { category: 'profanity', speaker: 'agent' } },
        { parameterId: 'p2', name: 'Решил вопрос', kind: 'scale_1_5', weight: 30 },
      ],
    });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('speaks English completely', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/qa/forms`);
    await page.locator('.qa-forms-list__item').first().waitFor({ timeout: 20_000 });
    // Act
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.locator('html[lang="en"]').waitFor();
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByTestId('qa-form-editor').waitFor();
    await page.screenshot({ path: join(screenshots, 'qa-forms-en.png'), animations: 'disabled', fullPage: true });
    // Assert: only the forms' and queues' own names stay Russian
    const forms = await center.deps.qaForms.list(center.demo.tenantId);
    expect(await untranslatedText(page, [...forms.map((f) => f.name), 'Поддержка', 'Продажи', 'VIP', ...center.demo.users.map((u) => u.name)], '[data-testid="qa-forms"]')).toEqual([]);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
