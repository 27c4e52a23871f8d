// Browser test (issue #14): call scripts in headless Chromium against the whole local contact center. A WhatsApp
// customer asks to return an order; the agent follows the demo's hybrid returns script beside the chat (the order
// number the customer wrote is filled in, a step's text goes into the reply, an answer button branches) to its
// outcome; the supervisor's funnel counts the run stage by stage; the flowchart editor draws every step and saves a
// version attached to WhatsApp, whose branches a second customer's conversation follows into the new funnel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, goAvailable, screenshots, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('call scripts in Chromium', { timeout: 120_000 }, () => {
  it('lets an agent follow a script beside the chat, and the funnel counts the path taken', async () => {
    // Arrange: Дмитрий serves support, where WhatsApp lands and the returns script is attached.
    const { center, signIn } = harness!;
    const agent = await signIn('dmitry@romashka.demo', DESKTOP);
    await goAvailable(agent);
    const whatsapp = center.demo.channels.find((c) => c.type === 'whatsapp')!;
    await center.simulator.say(whatsapp.channelId, 'ivan', 'Здравствуйте! Хочу вернуть заказ № 48213');
    const offer = agent.locator('.offer-card');
    await offer.waitFor({ timeout: 30_000 });
    await offer.getByRole('button', { name: 'Принять' }).click();
    const pane = agent.locator('.pane[data-status="connected"]');
    await pane.locator('.bubble-row[data-side="in"]', { hasText: '48213' }).waitFor({ timeout: 30_000 });
    const panel = pane.locator('.script-panel');
    await panel.waitFor({ timeout: 20_000 });

    // Act: the greeting goes into the reply, then the agent follows the script to its outcome.
    // The greeting is filled once the customer's profile has loaded.
    const greeting = await panel.locator('.script-step__text', { hasText: 'Иван' }).innerText({ timeout: 20_000 });
    await panel.getByRole('button', { name: 'Вставить в ответ' }).click();
    const composer = agent.getByRole('textbox', { name: 'Напишите ответ…' });
    const inserted = await composer.inputValue();
    await panel.getByRole('button', { name: 'Далее' }).click();
    await agent.locator('.script-panel[data-step="order"]').waitFor();
    const orderText = await panel.locator('.script-step__text').innerText();
    await panel.getByRole('button', { name: 'Далее' }).click();
    await agent.locator('.script-panel[data-step="reason"]').waitFor();
    await panel.getByRole('button', { name: 'Брак' }).click();
    await agent.locator('.script-panel[data-step="photo"]').waitFor();
    await panel.getByRole('button', { name: 'Далее' }).click();
    await agent.locator('.script-panel[data-result="completed"]').waitFor();
    const outcome = await panel.locator('.script-step__outcome').innerText();
    const trail = await panel.locator('.script-panel__trail li').allInnerTexts();
    await agent.screenshot({ path: join(screenshots, 'script-panel.png'), animations: 'disabled' });

    // Assert: what the agent saw, and the run the server recorded.
    expect(greeting).toBe('Здравствуйте, Иван! Меня зовут Дмитрий. Чем могу помочь?');
    expect(inserted).toBe(greeting);
    expect(orderText).toContain('Вижу заказ 48213');
    expect(outcome).toBe('Итог: Возврат');
    expect(trail).toEqual(['Приветствие', 'Номер заказа', 'Причина возврата', 'Фото брака', 'Возврат']);
    const contactId = (await pane.getAttribute('data-contact-id'))!;
    const [run] = await center.deps.scripts.runsOfContact(center.demo.tenantId, contactId);
    expect(run).toMatchObject({ scriptId: 'demo-returns', version: 1, result: 'completed', outcome: 'refund' });
    expect(run!.path.map((p) => `${p.stepId}:${p.via}`)).toEqual(['greet:start', 'order:next', 'reason:next', 'photo:answer', 'refund:next']);
    expect(harness!.pageErrors).toEqual([]);

    // The supervisor's funnel of the version counts the run at every stage it reached.
    const supervisor = await signIn('supervisor@romashka.demo', DESKTOP);
    await supervisor.goto(`${center.baseUrl}/#/scripts/demo-returns/funnel`);
    await supervisor.getByTestId('script-funnel').waitFor({ timeout: 20_000 });
    const started = await supervisor.locator('[data-total="started"] dd').innerText();
    const completed = await supervisor.locator('[data-total="completed"] dd').innerText();
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    const reachedPhoto = plain(await supervisor.locator('tr[data-stage="photo"] [data-cell="reached"]').innerText());
    const reachedExchange = plain(await supervisor.locator('tr[data-stage="exchange"] [data-cell="reached"]').innerText());
    const refund = await supervisor.locator('[data-outcome="refund"]').innerText();
    await supervisor.screenshot({ path: join(screenshots, 'script-funnel.png'), animations: 'disabled', fullPage: true });
    expect([started, completed]).toEqual(['1', '1']);
    expect(reachedPhoto).toBe('1 (100 %)');
    expect(reachedExchange).toBe('0 (0 %)');
    expect(refund).toContain('Возврат 1');
    expect(await seriousAccessibilityProblems(supervisor)).toEqual([]);
  });

  it('draws a script as a flowchart to edit, and saving makes a new version', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/scripts`);
    await page.locator('.scripts-list__item').first().waitFor({ timeout: 20_000 });
    // Act: open the sales flowchart, pick a step, reword it and save.
    await page.getByRole('link', { name: 'Изменить скрипт «Подключение тарифа»' }).click();
    await page.getByTestId('script-editor').waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    const nodes = await page.locator('.react-flow__node').count();
    const edges = await page.locator('.react-flow__edge').count();
    await page.locator('.step-node[data-step-id="need"]').click();
    const text = page.getByRole('textbox', { name: 'Текст' });
    await text.fill('Что для вас важнее в интернете: скорость или цена?');
    // The sales flowchart is also for WhatsApp customers of support (more specific than support's own script).
    await page.getByRole('checkbox', { name: 'Поддержка' }).check();
    await page.getByRole('checkbox', { name: 'WhatsApp' }).check();
    await page.screenshot({ path: join(screenshots, 'script-editor.png'), animations: 'disabled' });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('heading', { name: 'Подключение тарифа · версия 2' }).waitFor();
    // Assert
    expect(nodes).toBe(8);
    expect(edges).toBe(12);
    const stored = await center.deps.scripts.get(center.demo.tenantId, 'demo-sales');
    expect(stored).toMatchObject({ version: 2, attach: { queueIds: ['sales', 'support'], channels: ['whatsapp'] } });
    expect(stored!.steps.find((s) => s.id === 'need')!.text).toBe('Что для вас важнее в интернете: скорость или цена?');
    expect((await center.deps.scripts.getVersion(center.demo.tenantId, 'demo-sales', 1))!.steps.find((s) => s.id === 'need')!.text).toContain('Подскажите');
    expect(harness!.pageErrors).toEqual([]);
  });

  it('records a flowchart’s branches and its outcome, and the new version’s funnel counts the path', async () => {
    // Arrange: a second WhatsApp customer now gets the sales flowchart (version 2).
    const { center, signIn } = harness!;
    const agent = await signIn('dmitry@romashka.demo', DESKTOP);
    const whatsapp = center.demo.channels.find((c) => c.type === 'whatsapp')!;
    await center.simulator.say(whatsapp.channelId, 'olga', 'Хочу подключить интернет');
    const offer = agent.locator('.offer-card');
    await offer.waitFor({ timeout: 30_000 });
    await offer.getByRole('button', { name: 'Принять' }).click();
    const panel = agent.locator('.pane[data-status="connected"] .script-panel');
    await panel.locator('.script-panel__name', { hasText: 'Подключение тарифа' }).waitFor({ timeout: 30_000 });
    const contactId = (await agent.locator('.pane[data-status="connected"]').getAttribute('data-contact-id'))!;
    // The supervisor watches the chat live, with the agent's place in the script.
    const supervisor = await signIn('supervisor@romashka.demo', DESKTOP);
    await supervisor.locator(`[data-testid="live-chats"] .live-chat[data-contact-id="${contactId}"]`).getByRole('button', { name: 'Открыть' }).click({ timeout: 30_000 });
    const watched = supervisor.getByTestId('live-chat-view').locator('.script-panel');
    await watched.locator('.script-panel__name', { hasText: 'Подключение тарифа' }).waitFor({ timeout: 20_000 });
    const watchedAtStart = await watched.getAttribute('data-step');
    // Act: greet → the need (unsure) → how they use it (films) → the fast offer (will think) → a callback.
    await panel.getByRole('button', { name: 'Далее' }).click();
    await agent.locator('.script-panel[data-step="need"]').waitFor();
    await panel.getByRole('button', { name: 'Не знает' }).click();
    await agent.locator('.script-panel[data-step="usage"]').waitFor();
    await panel.getByRole('button', { name: 'Фильмы и игры' }).click();
    await agent.locator('.script-panel[data-step="offer-fast"]').waitFor();
    await panel.getByRole('button', { name: 'Подумаю' }).click();
    await agent.locator('.script-panel[data-result="completed"]').waitFor();
    // The supervisor's view followed by push, without a reload.
    await supervisor.getByTestId('live-chat-view').locator('.script-panel[data-result="completed"][data-step="callback"]').waitFor({ timeout: 20_000 });
    const watchedButtons = await watched.locator('.script-panel__actions button:enabled').count();
    expect(watchedAtStart).toBe('greet');
    expect(watchedButtons).toBe(0);
    // Assert: the funnel of version 2 has the run on its path, ending in a callback.
    await supervisor.goto(`${center.baseUrl}/#/scripts/demo-sales/funnel`);
    await supervisor.getByTestId('script-funnel').waitFor({ timeout: 20_000 });
    const paths = await supervisor.locator('.funnel-paths li').allInnerTexts();
    const callback = await supervisor.locator('[data-outcome="callback"]').innerText();
    const usage = await supervisor.locator('tr[data-stage="usage"] [data-cell="reached"]').innerText();
    expect(paths.map((p) => p.replace(/[\u00a0\u202f]/g, ' '))).toEqual(['Приветствие → Потребность → Как пользуется → Тариф «Быстрый» → Перезвон Перезвон 1 (100 %)']);
    expect(callback).toContain('Перезвон 1');
    expect(usage.startsWith('1')).toBe(true);
    expect(harness!.pageErrors).toEqual([]);
  });

  it('speaks English completely on the scripts screens', async () => {
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/scripts/demo-returns/funnel`);
    await page.getByTestId('script-funnel').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.locator('html[lang="en"]').waitFor();
    await page.screenshot({ path: join(screenshots, 'script-funnel-en.png'), animations: 'disabled', fullPage: true });
    const script = (await center.deps.scripts.get(center.demo.tenantId, 'demo-returns'))!;
    const data = [script.name, ...script.steps.flatMap((s) => [s.title, ...(s.answers ?? []).map((a) => a.label), ...(s.outcome ? [s.outcome.label] : [])])];
    expect(await untranslatedText(page, data, '[data-testid="script-funnel"]')).toEqual([]);
  });
});
