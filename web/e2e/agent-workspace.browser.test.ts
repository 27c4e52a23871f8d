// Browser test: the agent workspace and the supervisor wallboard on real contacts, in headless
// Chromium against the whole local contact center. A customer writes on WhatsApp through the
// messenger simulator; the agent goes available, is offered the chat, accepts, replies (delivery
// ticks arrive live, a provider failure shows its reason and is sent again), ends, wraps up and
// completes, while the supervisor's wallboard follows the queue. Then a callback shows the caller's
// number and the softphone (this browser has no microphone to give, which it says), and is transferred to another queue. Last, a web chat visitor
// (through the widget API, with an e-mail from the pre-chat form) types: the agent sees the dots, and
// the agent's typing is sent to the widget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { DESKTOP, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';
import { eventually } from './eventually.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

const figure = (card: Locator, field: string) => card.locator(`[data-field="${field}"]`).innerText();

/** Sets the agent's status through the top-bar menu and waits until the server confirmed it. */
async function goAvailable(page: Page) {
  await page.getByRole('button', { name: /Мой статус/ }).click();
  await page.locator('[role="menuitemradio"][data-status="available"]').click();
  await page.locator('.status-button .status-pill[data-status="available"]').waitFor();
}

describe('agent workspace and wallboard in Chromium', () => {
  let agentPage: Page;
  let supervisorPage: Page;
  let supportCard: Locator;
  let handledBefore: number;
  const persona = 'ivan';

  it('offers a WhatsApp chat to the agent who went available', async () => {
    // Arrange: Дмитрий serves the support queue, where WhatsApp lands
    const { center, signIn, demoUser } = harness!;
    agentPage = await signIn('dmitry@romashka.demo');
    supervisorPage = await signIn(demoUser('supervisor').login);
    supportCard = supervisorPage.getByTestId('queue-support');
    await supportCard.waitFor();
    handledBefore = Number(await figure(supportCard, 'handled'));
    await goAvailable(agentPage);
    await eventually(() => supportCard.locator('[data-testid="queue-support-available"]').count(), (n) => n === 1);

    // Act: the customer writes
    const whatsapp = center.demo.channels.find((c) => c.type === 'whatsapp')!;
    await center.simulator.say(whatsapp.channelId, persona, 'Здравствуйте! Заказ 1042 не пришёл, подскажите, где он?');
    const offer = agentPage.locator('.offer-card');
    await offer.waitFor({ timeout: 20_000 });
    await agentPage.screenshot({ path: join(screenshots, 'workspace-offer.png'), animations: 'disabled' });

    // Assert
    expect(await offer.innerText()).toContain('WhatsApp · Поддержка');
    // The name comes with the customer's profile, which may load just after the card (a busy machine shows the gap).
    await eventually(() => offer.locator('.offer-card__name').innerText(), (name) => name === 'Иван Петров');
    expect(await offer.getByTestId('offer-countdown').innerText()).toMatch(/^0:[0-2]\d$/);
    expect(harness!.pageErrors).toEqual([]);
  });

  it('accepts the chat, shows the customer 360° and the conversation, and replies with live delivery ticks', async () => {
    // Act
    await agentPage.locator('.offer-card').getByRole('button', { name: 'Принять' }).click();
    const pane = agentPage.locator('.pane[data-status="connected"]');
    await pane.waitFor();
    await pane.locator('.bubble-row[data-side="in"]', { hasText: 'Заказ 1042' }).waitFor();
    await agentPage.getByRole('textbox', { name: 'Напишите ответ…' }).fill('Добрый день, Иван! Проверяю заказ 1042.');
    await agentPage.getByRole('textbox', { name: 'Напишите ответ…' }).press('Enter');
    const reply = pane.locator('.bubble-row[data-side="out"]', { hasText: 'Проверяю заказ 1042' });
    await reply.waitFor();
    // WhatsApp reports delivery on its own; the customer then reads it.
    await reply.locator('.tick[data-ticks="2"]').waitFor({ timeout: 20_000 });
    const whatsapp = harness!.center.demo.channels.find((c) => c.type === 'whatsapp')!;
    await harness!.center.simulator.read(whatsapp.channelId, persona);
    await reply.locator('.tick--read').waitFor({ timeout: 20_000 });
    await harness!.center.simulator.say(whatsapp.channelId, persona, 'Спасибо, жду.');
    await pane.locator('.bubble-row[data-side="in"]', { hasText: 'Спасибо, жду' }).waitFor({ timeout: 20_000 });
    const handledAfter = Number(await eventually(() => figure(supportCard, 'handled'), (text) => Number(text) === handledBefore + 1));

    // Assert
    expect(await pane.locator('.pane__name').innerText()).toBe('Иван Петров');
    expect(await pane.locator('.pane__meta').innerText()).toContain('+7 (903) 111-22-33');
    const customer = pane.getByTestId('customer-panel');
    expect(await customer.getByTestId('customer-phone').innerText()).toBe('+7 (903) 111-22-33');
    expect(await customer.getByTestId('history-messages').innerText()).toContain('Заказ 1042');
    expect(await agentPage.getByTestId('contacts-count').innerText()).toBe('1');
    expect(await reply.locator('.tick--read').getAttribute('aria-label')).toBe('Прочитано');
    expect(handledAfter).toBe(handledBefore + 1);
    expect(await figure(supportCard, 'waiting')).toBe('0');
    expect(harness!.pageErrors).toEqual([]);
  });

  it('shows a provider failure with its reason, and sends the reply again', async () => {
    // Arrange: the next WhatsApp send is refused as if the customer had blocked us
    const { center } = harness!;
    const whatsapp = center.demo.channels.find((c) => c.type === 'whatsapp')!;
    center.simulator.failNext(whatsapp.channelId, 'blocked');
    const pane = agentPage.locator('.pane[data-status="connected"]');
    // Act
    await agentPage.getByRole('textbox', { name: 'Напишите ответ…' }).fill('Курьер привезёт заказ завтра до 14:00.');
    await agentPage.getByRole('button', { name: 'Отправить' }).click();
    const reply = pane.locator('.bubble-row[data-side="out"]', { hasText: 'Курьер привезёт' });
    await reply.locator('.bubble-failure').waitFor({ timeout: 20_000 });
    const failure = await reply.locator('.bubble-failure__text').innerText();
    await agentPage.screenshot({ path: join(screenshots, 'workspace-failure.png'), animations: 'disabled' });
    await reply.getByRole('button', { name: 'Отправить снова' }).click();
    await reply.locator('.tick[data-ticks="2"]').waitFor({ timeout: 20_000 });
    // Assert
    expect(failure).toMatch(/^Не доставлено: .+/);
    expect(await reply.locator('.bubble-failure').count()).toBe(0);
    expect(harness!.pageErrors).toEqual([]);
  });

  it('fits the open chat on a 375 px phone without sideways scrolling', async () => {
    // Arrange
    await agentPage.getByText('Подключено').waitFor();
    await agentPage.screenshot({ path: join(screenshots, 'agent-workspace.png'), animations: 'disabled' });
    // Act
    await agentPage.setViewportSize(PHONE);
    await agentPage.locator('.pane__back').waitFor();
    const sideways = await scrollsSideways(agentPage);
    await agentPage.screenshot({ path: join(screenshots, 'workspace-chat-375.png'), animations: 'disabled' });
    await agentPage.getByRole('tab', { name: 'Клиент' }).click();
    await agentPage.getByTestId('customer-panel').waitFor();
    const customerSideways = await scrollsSideways(agentPage);
    await agentPage.screenshot({ path: join(screenshots, 'workspace-customer-375.png'), animations: 'disabled' });
    await agentPage.getByRole('tab', { name: 'Переписка' }).click();
    await agentPage.setViewportSize(DESKTOP);
    // Assert
    expect(sideways).toBe(false);
    expect(customerSideways).toBe(false);
  });

  it('ends the chat into wrap-up with the queue’s countdown, and completes it', async () => {
    // Act
    await agentPage.locator('.pane').getByRole('button', { name: 'Завершить', exact: true }).click();
    const wrapUp = agentPage.getByTestId('wrap-up');
    await wrapUp.waitFor();
    const countdown = await wrapUp.getByTestId('acw-timer').innerText();
    const state = await agentPage.locator('.contact-item .contact-state').innerText();
    await agentPage.screenshot({ path: join(screenshots, 'workspace-wrap-up.png'), animations: 'disabled' });
    await wrapUp.getByRole('button', { name: 'Завершить', exact: true }).click();
    await agentPage.locator('.pane').waitFor({ state: 'detached' });
    // Assert: the support queue gives 30 s of wrap-up
    expect(countdown).toMatch(/Осталось 0:[0-3]\d/);
    expect(state).toBe('Постобработка');
    expect(await agentPage.getByTestId('contacts-count').innerText()).toBe('0');
    await agentPage.locator('.status-button .status-pill[data-status="available"]').waitFor();
    expect(harness!.pageErrors).toEqual([]);
  });

  it('shows a callback’s number and the softphone, says the microphone is missing, and transfers it to another queue', async () => {
    // Arrange: Анна serves sales and takes calls; a supervisor books a callback there through the API
    const { center, signIn, demoUser } = harness!;
    const annaPage = await signIn(demoUser('agent').login);
    // Each wait gives up well inside the test's time, so a stuck step fails naming what it waited for.
    annaPage.setDefaultTimeout(15_000);
    await goAvailable(annaPage);
    const supervisor = demoUser('supervisor');
    const { token } = (await (await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: supervisor.login, password: supervisor.password }) })).json()) as { token: string };
    const created = await fetch(`${center.baseUrl}/api/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ queueId: 'sales', channel: 'callback', callback: { phone: '+74957654321', note: 'Хочу обсудить оптовый заказ' } }),
    });
    expect(created.status).toBe(201);

    // Act
    const offer = annaPage.locator('.offer-card');
    await offer.waitFor({ timeout: 20_000 });
    const offerName = await offer.locator('.offer-card__name').innerText();
    await offer.getByRole('button', { name: 'Принять' }).click();
    const pane = annaPage.locator('.pane[data-status="connected"]');
    await pane.waitFor();
    const number = await pane.getByTestId('caller-number').innerText();
    const softphone = pane.getByTestId('softphone');
    const problem = softphone.getByRole('alert');
    await problem.waitFor();
    const phase = await softphone.getAttribute('data-phase');
    const retry = await problem.getByRole('button', { name: 'Повторить' }).count();
    await annaPage.screenshot({ path: join(screenshots, 'workspace-callback.png'), animations: 'disabled' });
    await pane.getByRole('button', { name: 'Перевести' }).click();
    const dialog = annaPage.getByRole('dialog', { name: 'Перевод обращения' });
    await dialog.getByRole('radio', { name: 'Поддержка' }).check();
    await annaPage.screenshot({ path: join(screenshots, 'workspace-transfer.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Перевести' }).click();
    await annaPage.locator('.pane').waitFor({ state: 'detached' });
    const toast = await annaPage.locator('.toast').innerText();

    // Assert
    expect(offerName).toBe('+7 (495) 765-43-21');
    expect(number).toBe('+7 (495) 765-43-21');
    // Headless Chromium here has no microphone and grants none: the agent is told so, with a retry.
    expect(['microphone-denied', 'microphone-unavailable']).toContain(phase);
    expect(retry).toBe(1);
    expect(toast).toContain('Обращение переведено в очередь «Поддержка»');
    expect(harness!.pageErrors).toEqual([]);
  }, 60_000);

  it('shows the wallboard with the transferred callback waiting, on a desktop and on a 375 px phone', async () => {
    // Act: nobody in support takes calls now (Дмитрий has no voice capacity), so the callback waits there
    await eventually(() => figure(supportCard, 'waiting'), (text) => text === '1');
    await eventually(() => figure(supportCard, 'oldest'), (text) => /^0:0[1-9]|^0:[1-5]\d/.test(text));
    await supervisorPage.screenshot({ path: join(screenshots, 'wallboard-1366.png'), fullPage: true, animations: 'disabled' });
    await supervisorPage.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'EN' }).click();
    const englishTitle = await supervisorPage.locator('#wallboard-title').innerText();
    const englishWaiting = await supportCard.locator('.figure__label').first().innerText();
    await supervisorPage.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'RU' }).click();
    await supervisorPage.setViewportSize(PHONE);
    await supervisorPage.locator('.topbar__menu').waitFor();
    const sideways = await scrollsSideways(supervisorPage);
    await supervisorPage.screenshot({ path: join(screenshots, 'wallboard-375.png'), fullPage: true, animations: 'disabled' });
    // Assert
    expect(sideways).toBe(false);
    expect(englishTitle).toBe('Queues');
    expect(englishWaiting).toBe('Waiting');
    expect(await supportCard.getAttribute('data-sl')).not.toBe('none');
    expect(harness!.pageErrors).toEqual([]);
  });

  it('shows a web chat visitor’s e-mail and typing, and tells the widget when the agent types', async () => {
    // Arrange: a visitor on the demo shop page fills in the pre-chat form for support and writes
    const { center } = harness!;
    const channelId = center.demo.channels.find((c) => c.type === 'webchat')!.channelId;
    const origin = new URL(center.widgetDemoUrl).origin;
    const widget = async (path: string, token?: string, body: unknown = {}) => {
      const res = await fetch(`${center.baseUrl}/widget/${channelId}${path}`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      });
      expect(res.status).toBeLessThan(300);
      return (await res.json()) as Record<string, unknown>;
    };
    const visitor = (await widget('/sessions')) as { token: string; conversationId: string };
    await widget('/prechat', visitor.token, { name: 'Ольга Смирнова', email: 'olga@example.com', queueId: 'support' });
    await widget(`/conversations/${visitor.conversationId}/messages`, visitor.token, { clientMessageId: 'e2e-1', text: 'Можно оплатить картой при получении?' });
    await agentPage.locator('.offer-card').waitFor({ timeout: 20_000 });
    await agentPage.locator('.offer-card').getByRole('button', { name: 'Принять' }).click();
    const pane = agentPage.locator('.pane[data-status="connected"]');
    await pane.locator('.bubble-row[data-side="in"]', { hasText: 'картой' }).waitFor();
    const email = pane.getByTestId('customer-email').getByRole('link');
    await email.waitFor();

    // Act: the agent types (the console tells the widget), then the visitor types
    const agentTyping = agentPage.waitForRequest((request) => request.method() === 'POST' && /\/api\/contacts\/[^/]+\/typing$/.test(request.url()));
    await agentPage.getByRole('textbox', { name: 'Напишите ответ…' }).fill('Да, ');
    const typingRequest = await agentTyping;
    const delivered = await widget(`/conversations/${visitor.conversationId}/typing`, visitor.token);
    const indicator = pane.getByTestId('typing-indicator');
    await indicator.waitFor();
    const indicatorText = await indicator.innerText();
    await agentPage.screenshot({ path: join(screenshots, 'workspace-webchat-typing.png'), animations: 'disabled' });
    // Act: the visitor's message ends their typing
    await widget(`/conversations/${visitor.conversationId}/messages`, visitor.token, { clientMessageId: 'e2e-2', text: 'И ещё: доставка в субботу есть?' });
    await pane.locator('.bubble-row[data-side="in"]', { hasText: 'в субботу' }).waitFor({ timeout: 20_000 });
    await indicator.waitFor({ state: 'detached' });

    // Assert
    expect(await pane.locator('.pane__name').innerText()).toBe('Ольга Смирнова');
    expect(await email.innerText()).toBe('olga@example.com');
    expect(await email.getAttribute('href')).toBe('mailto:olga@example.com');
    expect((await typingRequest.response())?.status()).toBe(202);
    expect(delivered).toEqual({ delivered: true });
    expect(indicatorText).toContain('Клиент печатает…');
    expect(harness!.pageErrors).toEqual([]);
  });
});
