// Browser test: calls from the site. On the demo shop page (another origin), a visitor presses the widget's
// call button: the call script loads, takes the (fake) microphone, and the call waits in the queue as a
// `webcall` contact; an agent (through the API) accepts and joins its audio; the visitor hangs up. Screenshots
// of the call in Russian and English land in test-results/screenshots/ (UPDATE_SCREENSHOTS=1: docs/screenshots/).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import type {} from '../../test/global-setup.ts';
import type { Contact } from '@cc/shared/contacts/model';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { scanEntity } from '../messaging/testing/harness.ts';
import { launchChromium, screenshots } from '../../test/browser.ts';
import { waitFor } from '../../test/live.ts';
import { shopSession } from './shop-page.ts';

let center: RunningContactCenter | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

const shop = shopSession(() => ({ browser: browser!, center: center! }), pageErrors);
const { login, api } = shop;
const REFUSE_MICROPHONE = "navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));";
/** The demo shop with the widget open, in a fresh profile; `refuseMicrophone` answers getUserMedia as a refusal does. */
const openShop = (lang: 'ru' | 'en', options: { refuseMicrophone?: boolean } = {}) => shop.openShop(lang, { openWidget: true, ...(options.refuseMicrophone && { initScripts: [REFUSE_MICROPHONE] }) });

const webcalls = async () => (await scanEntity<Contact>(center!.deps, 'contact')).filter((c) => c.channel === 'webcall');

beforeAll(async () => {
  browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--disable-features=WebRtcHideLocalIpsWithMdns']);
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

describe('calls from the site in Chromium', () => {
  it('tells a visitor who refuses the microphone what to do, and places no call', async () => {
    // Arrange: Мария works, so the widget is online and shows the call button
    const agentToken = await login('u-agent-3');
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'break', reason: 'lunch' });
    const page = await openShop('ru', { refuseMicrophone: true });
    // Act
    await page.getByRole('button', { name: 'Позвонить нам' }).click();
    await page.getByText('Нет доступа к микрофону').waitFor();
    await page.screenshot({ path: join(screenshots, 'widget-call-microphone-ru.png'), animations: 'disabled' });
    // Assert
    expect(await page.getByText('Разрешите микрофон для этого сайта').isVisible()).toBe(true);
    expect(await webcalls()).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('queues an English visitor’s call with its place, and abandons it when they hang up while waiting', async () => {
    // Arrange: Мария is on a break, so the call waits
    const page = await openShop('en');
    // Act
    await page.getByRole('button', { name: 'Call us' }).click();
    await page.getByText('You are 1st in the queue').waitFor({ timeout: 20_000 });
    const waiting = await page.locator('[data-call]').textContent();
    await page.screenshot({ path: join(screenshots, 'widget-call-waiting-en.png'), animations: 'disabled' });
    const queued = await waitFor(async () => (await webcalls()).find((c) => c.status === 'queued'));
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByText('You hung up before an agent answered.').waitFor();
    await page.screenshot({ path: join(screenshots, 'widget-call-ended-en.png'), animations: 'disabled' });
    const abandoned = await waitFor(async () => (await webcalls()).find((c) => c.contactId === queued.contactId && c.status === 'abandoned'));
    await page.getByRole('button', { name: 'Back to the chat' }).click();
    // Assert
    expect(waiting).toContain('Calling…');
    expect(queued).toMatchObject({ queueId: 'support', channel: 'webcall' });
    expect(abandoned.history.at(-1)).toMatchObject({ from: 'queued', to: 'abandoned' });
    expect(await page.getByText('Tell us who you are').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('puts a Russian visitor through to the agent who accepts, and ends the call into after-contact work when the visitor hangs up', async () => {
    // Arrange
    const agentToken = await login('u-agent-3');
    const page = await openShop('ru');
    await page.getByRole('button', { name: 'Позвонить нам' }).click();
    await page.getByText('Вы первый в очереди').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(screenshots, 'widget-call-waiting-ru.png'), animations: 'disabled' });

    // Act: Мария comes back, is offered the call, accepts and joins its audio
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'available' });
    const offered = await waitFor(async () => (await webcalls()).find((c) => c.status === 'offered'));
    expect((await api(agentToken, `/contacts/${offered.contactId}/accept`)).status).toBe(200);
    const audio = await api(agentToken, `/contacts/${offered.contactId}/audio`, 'POST', { role: 'agent' });
    await page.getByText('Разговор: Мария Соколова').waitFor();
    await page.getByRole('button', { name: 'Выключить микрофон' }).click();
    await page.getByText('Микрофон выключен').waitFor();
    await page.screenshot({ path: join(screenshots, 'widget-call-talking-ru.png'), animations: 'disabled' });
    await page.getByRole('button', { name: 'Завершить звонок' }).click();
    await page.getByText('Звонок завершён').waitFor();
    await page.screenshot({ path: join(screenshots, 'widget-call-ended-ru.png'), animations: 'disabled' });
    const ended = await waitFor(async () => (await webcalls()).find((c) => c.contactId === offered.contactId && c.status === 'after-contact-work'));
    await api(agentToken, `/contacts/${offered.contactId}/complete`);
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'offline' });

    // Assert
    expect(audio.status).toBe(201);
    expect(ended).toMatchObject({ agentId: 'u-agent-3', queueId: 'support' });
    expect(ended.history.at(-1)).toMatchObject({ from: 'connected', to: 'after-contact-work', reason: 'call ended: the visitor hung up' });
    expect(await page.getByRole('button', { name: 'Вернуться в чат' }).isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
