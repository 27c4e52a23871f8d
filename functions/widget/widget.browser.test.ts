// Browser test: the web chat widget in headless Chromium on the demo shop page, which is served from
// another origin than the contact center (as on a customer's site). A visitor leaves an offline request
// with a callback; another fills in the pre-chat form, writes, sees their place in the queue; an agent
// (through the API) accepts, types and replies; the widget shows it all live. Screenshots land in
// test-results/screenshots/ (UPDATE_SCREENSHOTS=1: docs/screenshots/widget-*.png).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import type {} from '../../test/global-setup.ts';
import type { Contact } from '@cc/shared/contacts/model';
import { json } from '../../test/json.ts';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { scanEntity } from '../messaging/testing/harness.ts';
import { launchChromium, screenshots } from '../../test/browser.ts';
import { waitFor } from '../../test/live.ts';
import { shopSession } from './shop-page.ts';

const DESKTOP = { width: 1280, height: 800 };

let center: RunningContactCenter | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

const shop = shopSession(() => ({ browser: browser!, center: center! }), pageErrors);
const { login, api } = shop;
/** The demo shop page (another origin) in a fresh browser profile, with the widget loaded. */
const openShop = (lang: 'ru' | 'en', viewport = DESKTOP) => shop.openShop(lang, { viewport });


beforeAll(async () => {
  browser = await launchChromium();
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

describe('web chat widget in Chromium', () => {
  it('shows the offline form in English when nobody works, and books the callback it asks for', async () => {
    // Arrange: every demo agent is offline
    const page = await openShop('en');
    await page.locator('.launcher').click();
    await page.getByText('Nobody is here right now').waitFor();
    await page.screenshot({ path: join(screenshots, 'widget-offline.png'), animations: 'disabled' });
    // Act
    await page.getByLabel('Name').fill('John Smith');
    await page.getByLabel('Phone').fill('+7 916 555-44-33');
    await page.getByLabel('Message').fill('Do you deliver on Sundays?');
    await page.getByLabel('Call me back').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you!').waitFor();
    const callback = await waitFor(async () => (await scanEntity<Contact>(center!.deps, 'contact')).find((c) => c.channel === 'callback' && c.callback?.phone === '+79165554433'));
    const left = await waitFor(async () => (await scanEntity<Contact>(center!.deps, 'contact')).find((c) => c.channel === 'webchat' && c.status === 'queued'));
    // Assert
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(callback).toMatchObject({ status: 'queued', channelId: left.channelId });
    expect(await page.getByText('We will call you at +7 916 555-44-33').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('takes a visitor from the pre-chat form to their place in the queue and shows the agent’s typing and reply live', async () => {
    // Arrange: Дмитрий (support) is at work, on a break; two callers wait in support before the visitor
    const agentToken = await login('u-agent-2');
    const supervisorToken = await login('u-supervisor');
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'break', reason: 'lunch' });
    for (const _ of [1, 2]) expect((await api(supervisorToken, '/contacts', 'POST', { queueId: 'support', channel: 'voice' })).status).toBe(201);
    const page = await openShop('ru');
    await page.locator('.launcher').click();
    await page.getByText('Представьтесь, пожалуйста').waitFor();
    await page.screenshot({ path: join(screenshots, 'widget-prechat.png'), animations: 'disabled' });

    // Act: the pre-chat form, then the first message
    await page.getByLabel('Имя').fill('Ольга');
    await page.getByLabel('Телефон').fill('8 900 123-45-67');
    await page.getByRole('button', { name: 'Начать чат' }).click();
    const input = page.getByPlaceholder('Напишите сообщение…');
    await input.fill('Здравствуйте! Курьер не приехал, заказ 104523');
    await input.press('Enter');
    const place = page.locator('.banner', { hasText: 'в очереди' });
    await place.waitFor({ timeout: 20_000 });
    const placeText = await place.textContent();
    await page.screenshot({ path: join(screenshots, 'widget-waiting.png'), animations: 'disabled' });

    // Act: Дмитрий comes back, is offered the chat, accepts, types and replies
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'available' });
    const contact = await waitFor(async () => (await scanEntity<Contact>(center!.deps, 'contact')).find((c) => c.channel === 'webchat' && c.queueId === 'support' && c.status === 'offered'));
    expect((await api(agentToken, `/contacts/${contact.contactId}/accept`)).status).toBe(200);
    await page.locator('.banner', { hasText: 'Дмитрий Иванов на связи' }).waitFor();
    await api(agentToken, `/contacts/${contact.contactId}/typing`);
    await page.getByText('Дмитрий печатает…').waitFor();
    const typingShown = await page.locator('.typing .dots').isVisible();
    const reply = await json(await api(agentToken, `/contacts/${contact.contactId}/messages`, 'POST', { text: 'Ольга, здравствуйте! Курьер будет через 15 минут, приносим извинения.' }));
    await page.locator('.msg.agent', { hasText: 'Курьер будет через 15 минут' }).waitFor();
    const read = await waitFor(async () => {
      const stored = await center!.deps.messaging.getMessage(center!.demo.tenantId, reply.message.messageId);
      return stored?.status === 'read' ? stored : undefined;
    });
    await page.screenshot({ path: join(screenshots, 'widget-chat.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 375, height: 720 });
    await page.screenshot({ path: join(screenshots, 'widget-phone.png'), animations: 'disabled' });

    // Assert
    expect(placeText).toMatch(/^Вы третий в очереди/);
    expect(typingShown).toBe(true);
    expect(read.statusHistory.map((s) => s.status)).toEqual(['pending', 'sent', 'read']);
    expect(await page.locator('.msg.visitor', { hasText: 'Курьер не приехал' }).textContent()).toContain('✓');
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
