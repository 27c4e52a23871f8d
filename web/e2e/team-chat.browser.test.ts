// Browser test (issue #14): the team chat in headless Chromium against the whole local contact center. Дмитрий and
// Мария, two agents of «Поддержка», write to each other live in two browsers: a mention lights Мария's badge and shows
// a toast; a direct room opens for both and follows Дмитрий's presence; a contact Дмитрий shares from the workspace
// opens for him and for the supervisor, while Мария, who never handled it, is refused. A user of another tenant signs
// in and sees nothing of «Ромашка», and its API calls to «Ромашка»'s rooms are 404s. Accessible, and English throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../functions/auth/password.ts';
import { DEMO_TEAM_MESSAGES } from '../../functions/local/seed-team-chat.ts';
import { DESKTOP, goAvailable, PHONE, screenshots, scrollsSideways, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';

let harness: Harness | undefined;
let dmitry: Page;
let maria: Page;
let contactId = '';
const OTHER = { tenantId: 'vasilek', userId: 'u-olga', login: 'olga@vasilek.demo', password: 'Vasilek-Demo-2026!' };

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** The count on the navigation's «Команда» item (0 when it shows none). */
const navCount = async (page: Page) => Number((await page.locator('.nav-link[href="#/team"] [data-testid="team-nav-badge"]').getAttribute('data-count', { timeout: 1000 }).catch(() => null)) ?? 0);
/** The page's room list entry. */
const roomLink = (page: Page, roomId: string) => page.locator(`.team-room[data-room-id="${roomId}"]`);
const roomView = (page: Page, roomId: string) => page.locator(`.team-room-view[data-room-id="${roomId}"]`);
const composer = (page: Page) => page.getByRole('textbox', { name: 'Сообщение' });

describe('the team chat in Chromium', { timeout: 120_000 }, () => {
  it('lets two agents write to each other live, a mention lighting the badge and a toast', async () => {
    // Arrange: both sign in; Дмитрий opens his queue's room, Мария stays in the workspace.
    const { center, signIn } = harness!;
    dmitry = await signIn('dmitry@romashka.demo', DESKTOP);
    maria = await signIn('maria@romashka.demo', DESKTOP);
    await dmitry.locator('.nav-link[href="#/team"] [data-testid="team-nav-badge"][data-mentions]').waitFor({ timeout: 20_000 });
    await dmitry.goto(`${center.baseUrl}/#/team`);
    await roomLink(dmitry, 'queue:support').click();
    await roomView(dmitry, 'queue:support').locator('.team-message').nth(3).waitFor({ timeout: 20_000 });
    const seededMention = await roomView(dmitry, 'queue:support').locator('.team-message[data-mentions-me] .team-mention[data-self]').innerText();
    await dmitry.getByTestId('unread-divider').waitFor();
    await roomLink(dmitry, 'queue:support').locator('[data-testid="room-unread"]').waitFor({ state: 'detached' });
    await maria.locator('.nav-link[href="#/team"] [data-testid="team-nav-badge"]').waitFor({ timeout: 20_000 });
    const mariaBefore = await navCount(maria);

    // Act: Дмитрий mentions Мария through the picker and sends.
    await composer(dmitry).fill('@Мар');
    await dmitry.locator('[data-testid="mention-picker"] button[data-user-id="u-agent-3"]').waitFor();
    await composer(dmitry).press('Enter');
    await composer(dmitry).pressSequentially('посмотри, пожалуйста, клиента с возвратом');
    const typed = await composer(dmitry).inputValue();
    await composer(dmitry).press('Enter');
    const sent = roomView(dmitry, 'queue:support').locator('.team-message[data-side="out"]:not([data-pending])', { hasText: 'клиента с возвратом' });
    await sent.waitFor({ timeout: 10_000 });

    // Assert: Мария's badge grows live, with the mention, and a toast names Дмитрий.
    await maria.locator(`.nav-link[href="#/team"] [data-testid="team-nav-badge"][data-count="${mariaBefore + 1}"][data-mentions]`).waitFor({ timeout: 15_000 });
    const toast = await maria.locator('.toast', { hasText: 'упоминает вас' }).innerText({ timeout: 10_000 });
    await maria.screenshot({ path: join(screenshots, 'team-chat-mention-toast.png'), animations: 'disabled' });
    expect(seededMention).toBe('@Дмитрий Иванов');
    expect(typed).toBe('@u-agent-3 посмотри, пожалуйста, клиента с возвратом');
    expect(await sent.locator('.team-mention').innerText()).toBe('@Мария Соколова');
    expect(toast).toContain('Дмитрий Иванов упоминает вас в чате «Поддержка»: @Мария Соколова посмотри, пожалуйста');

    // Act: Мария opens the room and answers; Дмитрий, looking at it, sees the answer arrive and counts nothing unread.
    await maria.locator('.nav-link[href="#/team"]').click();
    await roomLink(maria, 'queue:support').click();
    const received = roomView(maria, 'queue:support').locator('.team-message[data-side="in"][data-mentions-me]', { hasText: 'клиента с возвратом' });
    await received.waitFor({ timeout: 10_000 });
    await composer(maria).fill('Сейчас посмотрю, Дмитрий!');
    await composer(maria).press('Enter');
    await roomView(dmitry, 'queue:support').locator('.team-message[data-side="in"]', { hasText: 'Сейчас посмотрю' }).waitFor({ timeout: 15_000 });
    await dmitry.screenshot({ path: join(screenshots, 'team-chat-room.png'), animations: 'disabled' });
    await maria.screenshot({ path: join(screenshots, 'team-chat-room-maria.png'), animations: 'disabled' });
    expect(await received.locator('.team-mention[data-self]').innerText()).toBe('@Мария Соколова');
    expect(await roomLink(dmitry, 'queue:support').locator('[data-testid="room-unread"]').count()).toBe(0);
    const { messages } = await center.deps.teamChat.page(center.demo.tenantId, 'queue:support', { limit: 2 });
    expect(messages.map((m) => [m.senderId, m.mentions ?? []])).toEqual([['u-agent-3', []], ['u-agent-2', ['u-agent-3']]]);
    expect(await seriousAccessibilityProblems(dmitry)).toEqual([]);
    expect(harness!.pageErrors).toEqual([]);
  });

  it('opens a direct room for both people, which follows the colleague’s presence from his status', async () => {
    // Act: Дмитрий writes to Мария directly.
    await dmitry.getByRole('button', { name: 'Написать коллеге' }).click();
    await dmitry.locator('[data-testid="team-people"] button[data-user-id="u-agent-3"]').click();
    await roomView(dmitry, 'dm:u-agent-2:u-agent-3').waitFor();
    await composer(dmitry).fill('Мария, подменишь меня в 16:00 на полчаса?');
    await composer(dmitry).press('Enter');
    // Assert: the room appears in Мария's list with one unread; Дмитрий going available turns his dot green there.
    const direct = roomLink(maria, 'dm:u-agent-2:u-agent-3');
    await direct.locator('[data-testid="room-unread"][data-count="1"]').waitFor({ timeout: 15_000 });
    await direct.click();
    await roomView(maria, 'dm:u-agent-2:u-agent-3').locator('.team-message', { hasText: 'подменишь' }).waitFor();
    const before = await roomView(maria, 'dm:u-agent-2:u-agent-3').locator('.team-room-view__meta .team-presence').getAttribute('data-status');
    await goAvailable(dmitry);
    await roomView(maria, 'dm:u-agent-2:u-agent-3').locator('.team-room-view__meta .team-presence[data-status="available"]').waitFor({ timeout: 15_000 });
    expect(before).toBe('offline');
    expect(await direct.locator('[data-testid="room-unread"]').count()).toBe(0);
  });

  it('shares a contact from the workspace; its link opens for the agent and the supervisor, and refuses a colleague who never handled it', async () => {
    // Arrange: a WhatsApp customer reaches Дмитрий, who is available.
    const { center, signIn, demoUser } = harness!;
    await dmitry.goto(`${center.baseUrl}/#/workspace`);
    const whatsapp = center.demo.channels.find((c) => c.type === 'whatsapp')!;
    await center.simulator.say(whatsapp.channelId, 'ivan', 'Добрый день! Пришёл не тот размер, хочу обменять.');
    await dmitry.locator('.offer-card').getByRole('button', { name: 'Принять' }).click({ timeout: 30_000 });
    const pane = dmitry.locator('.pane[data-status="connected"]');
    await pane.locator('.bubble-row[data-side="in"]', { hasText: 'не тот размер' }).waitFor({ timeout: 30_000 });
    contactId = (await pane.getAttribute('data-contact-id'))!;
    // Act: share it into the support room with a comment.
    await pane.getByTestId('share-contact').click();
    const dialog = dmitry.getByRole('dialog', { name: 'Поделиться обращением' });
    const room = await dialog.getByRole('combobox', { name: 'Чат' }).inputValue();
    await dialog.getByRole('textbox', { name: 'Комментарий' }).fill('Посмотрите этого клиента: обмен без чека');
    await dialog.getByRole('button', { name: 'Отправить' }).click();
    await dmitry.locator('.toast', { hasText: 'Обращение отправлено в чат «Поддержка»' }).waitFor({ timeout: 10_000 });
    // Assert: Мария sees the card live, and opening it is refused; Дмитрий and the supervisor see the conversation.
    await maria.locator('.nav-link[href="#/team"]').click();
    await roomLink(maria, 'queue:support').click();
    const card = roomView(maria, 'queue:support').locator(`.team-message__contact[data-contact-id="${contactId}"]`);
    await card.waitFor({ timeout: 15_000 });
    const label = await card.locator('.team-message__contact-name').innerText();
    await card.click();
    await maria.getByTestId('shared-contact-refused').waitFor({ timeout: 10_000 });
    const refused = await maria.getByTestId('shared-contact-refused').innerText();
    await dmitry.goto(`${center.baseUrl}/#/team/queue:support`);
    await roomView(dmitry, 'queue:support').locator(`.team-message__contact[data-contact-id="${contactId}"]`).click();
    await dmitry.locator('.team-contact[data-state="ready"] .bubble-row', { hasText: 'не тот размер' }).waitFor({ timeout: 10_000 });
    await dmitry.screenshot({ path: join(screenshots, 'team-chat-shared-contact.png'), animations: 'disabled' });
    const supervisor = await signIn(demoUser('supervisor').login, DESKTOP);
    await supervisor.goto(`${center.baseUrl}/#/team/contact/${contactId}`);
    await supervisor.locator('.team-contact[data-state="ready"] .bubble-row', { hasText: 'не тот размер' }).waitFor({ timeout: 10_000 });
    const stored = (await center.deps.teamChat.page(center.demo.tenantId, 'queue:support', { limit: 1 })).messages[0]!;
    expect(room).toBe('queue:support');
    expect(label).toBe('Иван Петров');
    expect(refused).toContain('Нет доступа к этому обращению');
    expect(await supervisor.getByRole('link', { name: 'Открыть в контроле качества' }).count()).toBe(1);
    expect(stored).toMatchObject({ senderId: 'u-agent-2', text: 'Посмотрите этого клиента: обмен без чека', contactRef: { contactId, channel: 'whatsapp', label: 'Иван Петров' } });
    expect(await seriousAccessibilityProblems(dmitry)).toEqual([]);
  });

  it('shows a user of another tenant none of «Ромашка»’s rooms, messages or people, and refuses its API calls to them', async () => {
    // Arrange: «Василёк», with a support queue of its own and an agent who signs in with a password like the demo users.
    const { center, browser } = harness!;
    const at = new Date().toISOString();
    await center.deps.directory.putTenant({ tenantId: OTHER.tenantId, name: 'ООО «Василёк»', timeZone: 'Europe/Moscow', locale: 'ru', createdAt: at });
    await center.deps.directory.putUser({ tenantId: OTHER.tenantId, userId: OTHER.userId, login: OTHER.login, name: 'Ольга Васильева', roles: ['agent'], passwordHash: await hashPassword(OTHER.password) });
    await center.deps.agents.put({ tenantId: OTHER.tenantId, agentId: OTHER.userId, name: 'Ольга Васильева', status: 'offline', statusSince: at, skills: [], queueIds: ['support'], version: 1 });
    await center.deps.queues.put({ tenantId: OTHER.tenantId, queueId: 'support', name: 'Поддержка Василька', priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    const olga = await context.newPage();
    await olga.goto(`${center.baseUrl}/`);
    await olga.locator('input[name="login"]').fill(OTHER.login);
    await olga.locator('input[type="password"]').fill(OTHER.password);
    await olga.locator('input[type="password"]').press('Enter');
    await olga.locator('.topbar').waitFor();
    // Act
    await olga.goto(`${center.baseUrl}/#/team/queue:support`);
    await roomView(olga, 'queue:support').locator('.team-room-view__empty').waitFor({ timeout: 20_000 });
    const rooms = await olga.locator('.team-room').evaluateAll((links) => links.map((a) => a.getAttribute('data-room-id')));
    const text = await olga.locator('.team').innerText();
    await olga.getByRole('button', { name: 'Написать коллеге' }).click();
    const colleagues = await olga.locator('[data-testid="team-people"] button, .modal .muted').allInnerTexts();
    await olga.screenshot({ path: join(screenshots, 'team-chat-other-tenant.png'), animations: 'disabled' });
    const login = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: OTHER.login, password: OTHER.password }) });
    const { token } = (await login.json()) as { token: string };
    const api = (method: string, path: string, body?: unknown) => fetch(`${center.baseUrl}/api/team-chat${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const statuses = [
      (await api('GET', '/rooms/dm:u-agent-1:u-supervisor/messages')).status,
      (await api('POST', '/rooms/dm:u-agent-1:u-supervisor/messages', { clientMessageId: 'x-1', text: 'Привет' })).status,
      (await api('GET', '/rooms/queue:sales/messages')).status,
      (await api('PUT', '/rooms/queue:vip/read', { sentAt: at, messageId: 'tm-1' })).status,
      (await api('POST', '/direct', { userId: 'u-agent-2' })).status,
    ];
    const own = (await (await api('GET', '/rooms/queue:support/messages')).json()) as { messages: unknown[] };
    const search = (await (await api('GET', `/search?q=${encodeURIComponent('планёрка')}`)).json()) as { hits: unknown[] };
    // Assert
    expect(rooms).toEqual(['team', 'queue:support']);
    for (const seeded of [...DEMO_TEAM_MESSAGES.map((m) => m.text.slice(-20)), 'Дмитрий', 'Олег', 'Анна', 'Мария', 'Ромашка']) expect(text, seeded).not.toContain(seeded);
    expect(colleagues).toEqual(['Других сотрудников пока нет.']);
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
    expect(own.messages).toEqual([]);
    expect(search.hits).toEqual([]);
    await context.close();
  });

  it('fits a 375 px phone, the rooms and the open room taking turns', async () => {
    // Arrange
    const { center } = harness!;
    await maria.setViewportSize(PHONE);
    await maria.goto(`${center.baseUrl}/#/team`);
    await roomLink(maria, 'queue:support').waitFor();
    const listSideways = await scrollsSideways(maria);
    // Act
    await roomLink(maria, 'queue:support').click();
    await roomView(maria, 'queue:support').locator('.team-message').first().waitFor();
    const roomSideways = await scrollsSideways(maria);
    await maria.screenshot({ path: join(screenshots, 'team-chat-375.png'), animations: 'disabled' });
    // Assert
    expect([listSideways, roomSideways]).toEqual([false, false]);
    expect(await maria.locator('.team__side').isVisible()).toBe(false);
    await maria.getByRole('link', { name: '← К чатам' }).click();
    await roomLink(maria, 'queue:support').waitFor();
    await maria.setViewportSize(DESKTOP);
  });

  it('speaks English completely in the team chat', async () => {
    // Arrange
    const { center } = harness!;
    await dmitry.goto(`${center.baseUrl}/#/team/queue:support`);
    await roomView(dmitry, 'queue:support').locator('.team-message').first().waitFor({ timeout: 20_000 });
    // Act
    await dmitry.getByRole('button', { name: 'EN', exact: true }).first().click();
    await dmitry.locator('html[lang="en"]').waitFor();
    await dmitry.getByRole('textbox', { name: 'Message' }).fill('@');
    await dmitry.locator('[data-testid="mention-picker"]').waitFor();
    await dmitry.screenshot({ path: join(screenshots, 'team-chat-en.png'), animations: 'disabled' });
    // Assert: only what people typed is in Russian (names, queues, messages, the customer).
    const rooms = await Promise.all(['team', 'queue:support', 'dm:u-agent-2:u-agent-3'].map((roomId) => center.deps.teamChat.page(center.demo.tenantId, roomId, { limit: 100 })));
    const texts = [...DEMO_TEAM_MESSAGES.map((m) => m.text), ...rooms.flatMap((page) => page.messages.map((m) => m.text))].flatMap((text) => text.split(/@[A-Za-z0-9][A-Za-z0-9_.:-]*/));
    const data = [...center.demo.users.map((u) => u.name), 'Поддержка', 'Продажи', 'VIP', 'Иван Петров', ...texts.map((t) => t.trim()).filter(Boolean)];
    expect(await untranslatedText(dmitry, data, '.team')).toEqual([]);
    expect(await seriousAccessibilityProblems(dmitry)).toEqual([]);
    expect(harness!.pageErrors).toEqual([]);
  });
});
