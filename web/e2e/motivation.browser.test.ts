// Browser test (issue #14): gamification in headless Chromium against the whole local contact center. The admin
// adds an achievement and the supervisor a quest in the settings; the supervisor's motivation board (the team's
// plan, the leaderboard, fresh awards) is open while Дмитрий handles a WhatsApp chat: the achievement and the
// quest arrive on the board by push, and Дмитрий's workspace shows his rank, points and a toast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { apiToken, DESKTOP, goAvailable, PHONE, screenshots, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';

let harness: Harness | undefined;
const RULE = { ru: 'Первое обращение', en: 'First contact' };
const QUEST = { ru: 'Разминка', en: 'Warm-up' };
const typed = [RULE.ru, 'Обслужить одно обращение за день.', QUEST.ru, 'Одно обращение с тематикой.', 'Обслужить обращение'];

beforeAll(async () => {
  harness = await startHarness();
  // A team plan for the board: fifty contacts handled today.
  const { center, demoUser } = harness;
  const token = await apiToken(center, demoUser('supervisor'));
  const plan = await fetch(`${center.baseUrl}/api/plans`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ metric: 'contacts_handled', scope: { dimension: 'tenant' }, period: 'day', target: 50 }) });
  expect(plan.status).toBe(201);
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** Fills a Russian and English pair of a form by its legend. */
async function fillBoth(scope: ReturnType<Page['locator']>, legend: string, ru: string, en: string) {
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByRole('textbox', { name: 'По-русски' }).fill(ru);
  await group.getByRole('textbox', { name: 'По-английски' }).fill(en);
}

describe('the motivation board in Chromium', { timeout: 120_000 }, () => {
  let supervisor: Page;

  it('lets the admin add an achievement and the supervisor a quest', async () => {
    // Arrange
    const { center, signIn } = harness!;
    const admin = await signIn('admin@romashka.demo', DESKTOP);
    await admin.goto(`${center.baseUrl}/#/motivation/settings`);
    await admin.getByTestId('rule-list').locator('li').first().waitFor();

    // Act: an achievement for the first contact of the day
    await admin.getByRole('button', { name: 'Новое достижение' }).click();
    const ruleForm = admin.locator('form.game-form');
    await fillBoth(ruleForm, 'Название', RULE.ru, RULE.en);
    await fillBoth(ruleForm, 'Описание', typed[1]!, 'One contact handled in a day.');
    await ruleForm.getByRole('radio', { name: 'Звезда' }).check();
    await ruleForm.getByRole('textbox', { name: /Порог/ }).fill('1');
    await ruleForm.getByRole('spinbutton', { name: 'Баллы' }).fill('10');
    await ruleForm.getByRole('button', { name: 'Сохранить' }).click();
    await admin.getByTestId('rule-list').locator('li', { hasText: RULE.ru }).waitFor();
    await admin.screenshot({ path: join(screenshots, 'motivation-settings.png'), animations: 'disabled', fullPage: true });

    // The supervisor sets a quest of one step
    supervisor = await signIn('supervisor@romashka.demo', DESKTOP);
    await supervisor.goto(`${center.baseUrl}/#/motivation/settings`);
    await supervisor.getByRole('button', { name: 'Новое задание' }).click();
    const questForm = supervisor.locator('form.game-form');
    await fillBoth(questForm, 'Название', QUEST.ru, QUEST.en);
    await fillBoth(questForm, 'Описание', typed[3]!, 'One contact given a topic.');
    await fillBoth(questForm, 'Шаг 1', typed[4]!, 'Handle a contact');
    await questForm.getByRole('combobox', { name: 'Показатель' }).selectOption('contacts_handled');
    await questForm.getByRole('spinbutton', { name: 'Сколько нужно' }).fill('1');
    await questForm.getByRole('spinbutton', { name: 'Награда, баллов' }).fill('15');
    await questForm.getByRole('button', { name: 'Сохранить' }).click();
    await supervisor.getByTestId('quest-list').locator('li', { hasText: QUEST.ru }).waitFor();
    const ruleEdit = await supervisor.getByRole('button', { name: `Изменить «${RULE.ru}»` }).count();

    // Assert: the rules as the API keeps them; a supervisor reads achievements but does not edit them
    const token = await apiToken(center, harness!.demoUser('supervisor'));
    const rules = (await (await fetch(`${center.baseUrl}/api/achievements/rules`, { headers: { authorization: `Bearer ${token}` } })).json()) as { rules: { name: { ru: string }; metric: string; threshold?: number; points: number; icon: string }[] };
    expect(rules.rules.find((r) => r.name.ru === RULE.ru)).toMatchObject({ metric: 'contacts_handled', threshold: 1, points: 10, icon: 'star' });
    expect(ruleEdit).toBe(0);
    expect(harness!.pageErrors).toEqual([]);
  });

  it('puts an agent’s achievement and quest on the board by push, with the rank and points in the workspace', async () => {
    // Arrange: the board on the supervisor's screen; Дмитрий takes chats
    const { center, signIn } = harness!;
    await supervisor.goto(`${center.baseUrl}/#/motivation`);
    await supervisor.getByTestId('leaderboard').waitFor({ timeout: 20_000 });
    await supervisor.getByText('Достижений пока нет — всё впереди.').waitFor();
    const agent = await signIn('dmitry@romashka.demo', DESKTOP);
    await goAvailable(agent);
    await agent.getByTestId('rank-card').waitFor();

    // Act: a WhatsApp customer writes; Дмитрий accepts, answers, ends and completes with a topic
    const whatsapp = center.demo.channels.find((c) => c.type === 'whatsapp')!;
    await center.simulator.say(whatsapp.channelId, 'olga', 'Добрый день! Как оплатить заказ картой?');
    await agent.locator('.offer-card').waitFor({ timeout: 30_000 });
    await agent.locator('.offer-card').getByRole('button', { name: 'Принять' }).click();
    const composer = agent.getByRole('textbox', { name: 'Напишите ответ…' });
    await composer.fill('Здравствуйте! Картой можно оплатить на сайте при оформлении.');
    await composer.press('Enter');
    await agent.locator('.pane').getByRole('button', { name: 'Завершить', exact: true }).click();
    const wrapUp = agent.getByTestId('wrap-up');
    await wrapUp.getByRole('checkbox', { name: 'Оплата' }).check();
    await wrapUp.getByRole('button', { name: 'Завершить', exact: true }).click();
    const feed = supervisor.getByTestId('award-feed');
    await feed.locator('li', { hasText: RULE.ru }).waitFor({ timeout: 30_000 });
    await feed.locator('li', { hasText: QUEST.ru }).waitFor({ timeout: 30_000 });
    await supervisor.locator('[data-testid="leaderboard"] tr[data-agent="u-agent-2"] [data-cell="value"]', { hasText: '25' }).waitFor({ timeout: 20_000 });
    const toast = agent.getByText(`Новое достижение: «${RULE.ru}»`);
    await toast.waitFor({ timeout: 20_000 });
    await agent.getByTestId('rank-card').locator('[data-testid="my-points"]', { hasText: '25 баллов' }).waitFor({ timeout: 20_000 });
    await supervisor.screenshot({ path: join(screenshots, 'motivation-board.png'), animations: 'disabled', fullPage: true });
    await agent.screenshot({ path: join(screenshots, 'motivation-rank-card.png'), animations: 'disabled' });

    // Assert
    const rows = await supervisor.locator('[data-testid="leaderboard"] tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-agent'), tr.getAttribute('data-rank')]));
    expect(rows[0]).toEqual(['u-agent-2', '1']);
    expect(rows.slice(1).every(([, rank]) => rank === '2')).toBe(true);
    expect(await feed.locator('li', { hasText: RULE.ru }).innerText()).toContain('Дмитрий Иванов');
    expect(await feed.locator('li', { hasText: RULE.ru }).innerText()).toContain('+10 баллов');
    expect(await agent.getByTestId('my-rank').innerText()).toMatch(/^Место 1 из \d+$/);
    expect(await agent.getByTestId('rank-card').locator('.rank-card__badges li').allInnerTexts()).toEqual(expect.arrayContaining([RULE.ru, QUEST.ru]));
    const plan = await supervisor.getByTestId('team-plan').innerText();
    expect(plan).toMatch(/из 50/);
    expect(harness!.pageErrors).toEqual([]);
  });

  it('speaks English completely on the board and the settings, is accessible, and fits a phone', async () => {
    // Arrange
    const { center, signIn } = harness!;
    const data = [...center.demo.users.map((u) => u.name), ...typed, 'Поддержка', 'Продажи', 'VIP'];
    // The Russian toast of the quest saved before is gone (a notice shown in the language it was raised in).
    await expect.poll(() => supervisor.locator('.toasts > *').count(), { timeout: 15_000 }).toBe(0);
    // Act
    await supervisor.getByRole('button', { name: 'EN', exact: true }).first().click();
    await supervisor.locator('html[lang="en"]').waitFor();
    await supervisor.getByRole('heading', { name: 'Team leaderboard' }).waitFor();
    const boardLeft = await untranslatedText(supervisor, data);
    const boardAxe = await seriousAccessibilityProblems(supervisor);
    await supervisor.goto(`${center.baseUrl}/#/motivation/settings`);
    await supervisor.getByTestId('quest-list').locator('li').first().waitFor();
    const settingsLeft = await untranslatedText(supervisor, data);
    const settingsAxe = await seriousAccessibilityProblems(supervisor);
    const phone = await signIn('anna@romashka.demo', PHONE);
    await phone.goto(`${center.baseUrl}/#/motivation`);
    await phone.getByTestId('leaderboard').waitFor({ timeout: 20_000 });
    await phone.screenshot({ path: join(screenshots, 'motivation-board-phone.png'), animations: 'disabled', fullPage: true });
    const wide = await phone.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    // Assert
    expect(boardLeft).toEqual([]);
    expect(settingsLeft).toEqual([]);
    expect(boardAxe).toEqual([]);
    expect(settingsAxe).toEqual([]);
    expect(await seriousAccessibilityProblems(phone)).toEqual([]);
    expect(wide).toBe(false);
  });
});
