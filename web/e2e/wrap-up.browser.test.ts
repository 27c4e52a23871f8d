// Browser test (issue #11): wrap-up and quick replies in headless Chromium against the whole local contact center.
// A WhatsApp customer writes; the agent answers with a quick reply picked with `/` (the customer's name filled in),
// ends the chat, sees the after-contact work timer, cannot complete without a topic in a queue that requires one,
// picks a topic and a disposition and completes; when the customer writes again the 360° history shows the topic,
// and the agent keeps notes and tags on the customer. Last, the admin's topics and quick replies screens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { goAvailable, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';
import { eventually } from './eventually.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
  // The demo's support queue, where WhatsApp lands, is made to require a topic.
  const { deps, demo } = harness.center;
  const support = (await deps.queues.get(demo.tenantId, 'support'))!;
  await deps.queues.put({ ...support, topicsRequired: true, afterContactWorkSeconds: 120 });
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** The customer writes on WhatsApp; the agent accepts the offer; answers the connected pane. */
async function offerAndAccept(page: Page, text: string) {
  const whatsapp = harness!.center.demo.channels.find((c) => c.type === 'whatsapp')!;
  await harness!.center.simulator.say(whatsapp.channelId, 'ivan', text);
  const offer = page.locator('.offer-card');
  await offer.waitFor({ timeout: 30_000 });
  await offer.getByRole('button', { name: 'Принять' }).click();
  const pane = page.locator('.pane[data-status="connected"]');
  await pane.locator('.bubble-row[data-side="in"]', { hasText: text }).waitFor({ timeout: 30_000 });
  return pane;
}

describe('wrap-up and quick replies in Chromium', { timeout: 90_000 }, () => {
  let agent: Page;

  it('inserts a quick reply chosen with / and the keyboard, with the customer’s and the agent’s names filled in', async () => {
    // Arrange: Дмитрий serves support
    agent = await harness!.signIn('dmitry@romashka.demo');
    await goAvailable(agent);
    await offerAndAccept(agent, 'Здравствуйте, где мой заказ?');
    const composer = agent.getByRole('textbox', { name: 'Напишите ответ…' });
    // Act: "/" opens the list; typing searches it; Esc closes it; arrows and Enter pick
    await composer.pressSequentially('/');
    const list = agent.getByTestId('quick-replies');
    await list.waitFor();
    await list.getByRole('option').first().waitFor();
    const all = await list.getByRole('option').count();
    await composer.press('ArrowDown');
    const secondSelected = await list.getByRole('option').nth(1).getAttribute('aria-selected');
    await composer.press('Escape');
    await list.waitFor({ state: 'detached' });
    await composer.press('Backspace');
    await composer.pressSequentially('/при');
    await eventually(() => list.getByRole('option').count(), (n) => n === 1);
    const titles = await list.locator('.quick-replies__title').allInnerTexts();
    await agent.screenshot({ path: join(screenshots, 'quick-replies-menu.png'), animations: 'disabled' });
    await composer.press('Enter');
    await list.waitFor({ state: 'detached' });
    const inserted = await composer.inputValue();
    await composer.press('Enter');
    const pane = agent.locator('.pane[data-status="connected"]');
    await pane.locator('.bubble-row[data-side="out"]', { hasText: 'Здравствуйте, Иван!' }).waitFor({ timeout: 30_000 });
    // Assert
    expect(all).toBeGreaterThanOrEqual(4);
    expect(secondSelected).toBe('true');
    expect(titles).toEqual(['Приветствие']);
    expect(inserted).toBe('Здравствуйте, Иван! Меня зовут Дмитрий, чем могу помочь?');
    expect(harness!.pageErrors).toEqual([]);
  });

  it('leaves a placeholder the contact cannot fill visible and says so', async () => {
    // Act
    const composer = agent.getByRole('textbox', { name: 'Напишите ответ…' });
    await composer.pressSequentially('/сроки');
    await agent.getByTestId('quick-replies').getByRole('option', { name: /Сроки доставки/ }).waitFor();
    await composer.press('Enter');
    const value = await composer.inputValue();
    const warning = await agent.locator('.composer__unfilled').innerText();
    await composer.fill('Спасибо ');
    // An emoji from the lazily loaded picker goes in at the caret
    await agent.getByRole('button', { name: 'Эмодзи' }).click();
    const picker = agent.getByTestId('emoji-picker');
    await picker.locator('em-emoji-picker').waitFor();
    await picker.locator('input[type="search"]').fill('heart');
    await picker.locator('.category button[aria-label]').first().waitFor();
    await agent.screenshot({ path: join(screenshots, 'composer-emoji.png'), animations: 'disabled' });
    await picker.locator('.category button[aria-label]').first().click();
    // The picker inserts through React state: read the box once it has re-rendered, not in the same tick as the click.
    const withEmoji = await agent.waitForFunction(() => {
      const text = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Напишите ответ…"]')?.value ?? '';
      return text.length > 'Спасибо '.length ? text : undefined;
    }, undefined, { timeout: 10_000 }).then((handle) => handle.jsonValue() as Promise<string>);
    await composer.press('Escape');
    await composer.fill('');
    // Assert
    expect(withEmoji).toMatch(/^Спасибо \p{Extended_Pictographic}/u);
    expect(value).toContain('Номер заказа: {order.id}');
    expect(warning).toContain('{order.id}');
  });

  it('ends the chat into wrap-up with the ACW timer, refuses to complete without a topic, then completes with a topic and a disposition', async () => {
    // Act: end the chat
    await agent.locator('.pane').getByRole('button', { name: 'Завершить', exact: true }).click();
    const form = agent.getByTestId('wrap-up');
    await form.waitFor();
    const timer = await form.getByTestId('acw-timer').innerText();
    // Complete without a topic
    await form.getByRole('button', { name: 'Завершить', exact: true }).click();
    const problem = await form.getByTestId('wrap-up-problem').innerText();
    await agent.screenshot({ path: join(screenshots, 'wrap-up-required-topic.png'), animations: 'disabled' });
    const stillWrapping = await agent.locator('.pane[data-status="after-contact-work"]').count();
    // Pick a topic found by search, a disposition and a note
    await form.getByRole('searchbox', { name: 'Найти тематику' }).fill('опл');
    await form.getByRole('checkbox', { name: 'Оплата' }).check();
    await form.getByRole('combobox', { name: 'Результат' }).selectOption({ label: 'Вопрос решён' });
    await form.getByRole('textbox', { name: 'Заметка' }).fill('Клиент уточнил способ оплаты');
    await agent.screenshot({ path: join(screenshots, 'wrap-up-form.png'), animations: 'disabled' });
    await form.getByRole('button', { name: 'Завершить', exact: true }).click();
    await agent.locator('.pane').waitFor({ state: 'detached' });
    // Assert
    expect(timer).toMatch(/^Осталось [0-2]:\d\d$/);
    expect(problem).toBe('Выберите хотя бы одну тематику: в этой очереди она обязательна.');
    expect(stillWrapping).toBe(1);
    expect(await agent.getByTestId('contacts-count').innerText()).toBe('0');
    expect(harness!.pageErrors).toEqual([]);
  });

  it('shows the topic, the disposition and the note in the customer’s history when the customer writes again, and keeps notes and tags', async () => {
    // Arrange
    const pane = await offerAndAccept(agent, 'И ещё вопрос про доставку');
    const customer = pane.getByTestId('customer-panel');
    // Act
    const previous = customer.getByTestId('history-wrap-up').first();
    await previous.waitFor();
    const history = await previous.innerText();
    const notes = customer.getByTestId('customer-notes');
    await notes.getByRole('textbox', { name: 'Добавить метку' }).fill('Постоянный клиент');
    await notes.getByRole('textbox', { name: 'Добавить метку' }).press('Enter');
    await notes.getByRole('textbox', { name: 'Заметки о клиенте' }).fill('Предпочитает оплату картой');
    await notes.getByRole('button', { name: 'Сохранить' }).click();
    await agent.getByText('Заметки сохранены').waitFor();
    await agent.screenshot({ path: join(screenshots, 'customer-notes-history.png'), animations: 'disabled' });
    const { deps, demo } = harness!.center;
    const contact = (await deps.contacts.listHeldBy(demo.tenantId, 'u-agent-2'))[0]!;
    const stored = await deps.customers.get(demo.tenantId, contact.customerId!);
    // Assert
    expect(history).toContain('Оплата');
    expect(history).toContain('Вопрос решён');
    expect(history).toContain('Клиент уточнил способ оплаты');
    expect(stored).toMatchObject({ notes: 'Предпочитает оплату картой', tags: ['Постоянный клиент'] });
    expect(await notes.getByTestId('customer-tags').innerText()).toContain('Постоянный клиент');
  });

  it('lets the admin add a topic and a quick reply, and fits them on a 375 px phone', async () => {
    // Arrange
    const admin = await harness!.signIn('admin@romashka.demo');
    await admin.goto(`${harness!.center.baseUrl}/#/admin`);
    const topics = admin.getByTestId('admin-topics');
    await topics.getByText('Оплата').waitFor();
    // Act
    await topics.getByRole('textbox', { name: 'Название тематики' }).fill('Гарантия');
    await topics.getByRole('button', { name: 'Добавить' }).click();
    await topics.locator('.admin-list__item', { hasText: 'Гарантия' }).waitFor();
    const replies = admin.getByTestId('admin-quick-replies');
    await replies.getByRole('textbox', { name: 'Название' }).fill('Гарантия');
    await replies.getByRole('textbox', { name: 'Текст ответа' }).fill('{customer.firstName}, гарантия на товар — 12 месяцев.');
    await replies.getByRole('button', { name: 'Добавить ответ' }).click();
    await replies.locator('.admin-list__item', { hasText: 'гарантия на товар' }).waitFor();
    await admin.setViewportSize(PHONE);
    await topics.scrollIntoViewIfNeeded();
    const sideways = await scrollsSideways(admin);
    await admin.screenshot({ path: join(screenshots, 'admin-topics-375.png'), fullPage: true, animations: 'disabled' });
    const { deps, demo } = harness!.center;
    // Assert
    expect(sideways).toBe(false);
    expect((await deps.topics.list(demo.tenantId)).map((t) => t.name)).toContain('Гарантия');
    expect((await deps.quickReplies.list(demo.tenantId)).map((r) => r.title)).toContain('Гарантия');
    expect(harness!.pageErrors).toEqual([]);
  });
});
