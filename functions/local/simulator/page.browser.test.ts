// Browser test: the simulator page in real headless Chromium against the whole local contact
// center, in-process. A customer writes in Telegram and WhatsApp, our side answers through the real
// senders (as the outbox would), delivery ticks arrive, a forged webhook is refused, and a switched
// "blocked" failure shows in the chat. Screenshots land in test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import type {} from '../../../test/global-setup.ts';
import { channelCredentials } from '@cc/shared/tenancy/channel-secrets';
import { sendThroughChannel } from '../../adapters/messengers/index.ts';
import { startContactCenter, type RunningContactCenter } from '../contact-center.ts';
import { customerIdentity, DEFAULT_PERSONAS } from './personas.ts';
import { launchChromium, screenshots } from '../../../test/browser.ts';


let center: RunningContactCenter | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

/** Our side answering a persona, through the real sender and the channel's stored credentials. */
async function reply(kind: 'telegram' | 'whatsapp', personaId: string, text: string, buttons?: { title: string; payload: string }[]) {
  const channel = center!.demo.channels.find((c) => c.type === kind)!;
  const credentials = channelCredentials({ kind, name: channel.name, settings: {} }, channel.auth)!;
  const identity = customerIdentity(DEFAULT_PERSONAS.find((p) => p.id === personaId)!, channel.channelId);
  const to = kind === 'telegram' ? String(identity.telegramUserId) : identity.waId;
  return sendThroughChannel(center!.deps.senders, credentials, { conversationExternalId: to, text, ...(buttons ? { buttons } : {}), idempotencyKey: `${kind}-${text}` });
}

async function openPage(viewport: { width: number; height: number }, lang: 'ru' | 'en' = 'ru'): Promise<Page> {
  const context = await browser!.newContext({ viewport, locale: lang === 'ru' ? 'ru-RU' : 'en-GB', timezoneId: 'Europe/Moscow' });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${center!.baseUrl}/simulator/`);
  await page.locator('.channel').first().waitFor();
  return page;
}

const bubble = (page: Page, text: string) => page.locator('.bubble', { hasText: text });

beforeAll(async () => {
  browser = await launchChromium();
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

describe('simulator page', () => {
  it('plays a Telegram customer: the message reaches our webhook, a reply with buttons arrives, a blocked send shows', async () => {
    // Arrange
    const page = await openPage({ width: 1280, height: 900 });
    await page.locator('.channel', { hasText: 'Telegram' }).click();
    // Act: the customer writes
    await page.locator('#text').fill('Здравствуйте! Не могу оплатить заказ 104523');
    await page.locator('#text').press('Enter');
    const sent = bubble(page, 'Не могу оплатить заказ');
    await sent.locator('.tick').first().waitFor();
    // Act: our side answers through the real Telegram sender, then the next send is switched to fail
    const answered = await reply('telegram', 'anna', 'Здравствуйте, Анна! Проверяю оплату заказа 104523.', [{ title: 'Заказ оплачен', payload: 'paid:104523' }, { title: 'Позвать оператора', payload: 'agent' }]);
    await bubble(page, 'Проверяю оплату').waitFor();
    await page.locator('#fail-blocked').click();
    await page.locator('#failures', { hasText: 'заблокирован' }).waitFor();
    // The button's switch targets Anna's chat, but a queue notice to her may still take it on a busy
    // machine: a second switch aimed at this reply's text makes the reply fail either way.
    const tgChannel = center!.demo.channels.find((c) => c.type === 'telegram')!.channelId;
    center!.simulator.failNext(tgChannel, 'blocked', { personaId: 'anna', textIncludes: 'Ещё одно сообщение' });
    const blocked = await reply('telegram', 'anna', 'Ещё одно сообщение');
    await page.locator('.system.api_error', { hasText: '403' }).waitFor();
    // Act: a forged webhook
    await page.locator('#forge').click();
    await page.locator('#text').fill('Это поддельный вебхук');
    await page.locator('#text').press('Enter');
    await bubble(page, 'поддельный вебхук').locator('.tick.bad').waitFor();
    await page.screenshot({ path: join(screenshots, 'simulator-telegram-ru.png') });
    // Assert
    expect(answered).toMatchObject({ ok: true });
    expect(blocked).toMatchObject({ ok: false, category: 'recipient_unreachable', providerCode: '403' });
    expect(await bubble(page, 'Проверяю оплату').locator('.buttons button').allTextContents()).toEqual(['Заказ оплачен', 'Позвать оператора']);
    expect(await bubble(page, 'поддельный вебхук').locator('.tick.bad').textContent()).toMatch(/HTTP 4\d\d · поддельный/);
    expect(await sent.locator('.tick').getAttribute('title')).toMatch(/HTTP \d{3}/);
  });

  it('shows WhatsApp delivery ticks going from sent to read while the chat is open', async () => {
    // Arrange
    const page = await openPage({ width: 1280, height: 900 });
    await page.locator('.channel', { hasText: 'WhatsApp' }).click();
    await page.locator('#persona').selectOption('ivan');
    await page.locator('#text').fill('Добрый день! Когда приедет курьер?');
    await page.locator('#text').press('Enter');
    await bubble(page, 'Когда приедет курьер').locator('.tick').first().waitFor();
    // Act
    const answered = await reply('whatsapp', 'ivan', 'Курьер будет у вас сегодня с 14:00 до 16:00.');
    // Assert: the simulator reports delivered, the open page reads it, WhatsApp reports read
    expect(answered).toMatchObject({ ok: true });
    await bubble(page, 'Курьер будет у вас').locator('.tick.read').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(screenshots, 'simulator-whatsapp-ru.png') });
  });

  it('sends a customer\u2019s file on VK with the paperclip: the webhook is accepted and the chat shows it', async () => {
    // Arrange
    const page = await openPage({ width: 1280, height: 900 });
    await page.locator('.channel', { hasText: 'ВКонтакте' }).click();
    await page.locator('#persona').selectOption('john');
    // Act: the text in the box becomes the caption
    await page.locator('#text').fill('Here is the receipt');
    await page.locator('#file').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const sent = page.locator('.bubble.mine', { hasText: 'Here is the receipt' });
    await sent.locator('.tick.ok').waitFor({ timeout: 15_000 });
    // Assert: a link to the simulator's copy, which serves the bytes VK's webhook points at
    const link = sent.locator('a.file[data-file="receipt.pdf"]');
    const served = await page.request.get(`${center!.baseUrl}${await link.getAttribute('href')}`);
    expect(await served.text()).toBe('%PDF-1.4\n%%EOF\n');
    expect(await page.locator('#text').inputValue()).toBe('');
    expect(await page.locator('#attach').isDisabled()).toBe(false);
    await page.locator('.channel', { hasText: 'Алиса' }).click();
    expect(await page.locator('#attach').isDisabled()).toBe(true);
  });

  it('switches to English and fits a phone screen without sideways scrolling', async () => {
    // Arrange
    const page = await openPage({ width: 375, height: 812 }, 'en');
    // Act
    await page.locator('[data-lang="en"]').click();
    await page.locator('.channel', { hasText: 'Telegram' }).click();
    await bubble(page, 'Проверяю оплату').waitFor();
    // Assert
    expect(await page.locator('h1').textContent()).toBe('Messenger simulator');
    expect(await page.locator('#fail-429').textContent()).toBe('Next send: 429');
    const sideways = await page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
    expect(sideways).toBe(false);
    expect(await page.locator('.system.api_error').first().textContent()).toContain('not delivered, 403 bot was blocked by the user');
    await page.screenshot({ path: join(screenshots, 'simulator-phone-en.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
