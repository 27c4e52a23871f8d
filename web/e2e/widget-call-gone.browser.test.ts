// Browser test: a call from the site whose visitor's tab dies mid-conversation. The visitor calls from the demo shop
// page (Chromium's fake microphone); Мария answers in the console and talks; then the visitor's tab crashes (no
// pagehide, no hang-up: the renderer is gone). The page's beats stop, the visitor check (a beat a second here, gone
// after two missed) ends the call as a hang-up would, and Мария's softphone shows the call ended, with wrap-up. The
// visitor has a Chromium of their own: the crash must take their renderer only, never the console's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shopSession } from '../../functions/widget/shop-page.ts';
import { launchChromium } from '../../test/browser.ts';
import { eventually } from './eventually.ts';
import { goAvailable, screenshots, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems } from './quality.ts';
import { fakeMediaArgs, writeToneWav } from './rtc-page.ts';

let harness: Harness | undefined;
let visitorBrowser: Browser | undefined;
const shopErrors: string[] = [];
const shop = shopSession(() => ({ browser: visitorBrowser!, center: harness!.center }), shopErrors);

beforeAll(async () => {
  const wav = writeToneWav(join(mkdtempSync(join(tmpdir(), 'widget-call-gone-')), 'visitor-523hz.wav'), 523);
  harness = await startHarness({ chromiumArgs: fakeMediaArgs(wav), env: { WEBCALL_HEARTBEAT_SECONDS: '1', WEBCALL_MISSED_BEATS: '2' } });
  visitorBrowser = await launchChromium(fakeMediaArgs(wav));
}, 600_000);

afterAll(async () => {
  await visitorBrowser?.close().catch(() => undefined);
  await harness?.stop();
});

describe('a call from the site whose visitor’s tab dies', () => {
  it('ends the call on the agent’s softphone when the visitor’s tab crashes mid-conversation, without a hang-up', async () => {
    // Arrange: Мария is signed in on a break (the widget offers calls); the visitor calls and waits
    const { center, signIn, pageErrors } = harness!;
    const maria = await signIn('maria@romashka.demo');
    const token = await shop.login('u-agent-3');
    await shop.api(token, '/agents/me/status', 'PUT', { status: 'break', reason: 'lunch' });
    const visitor = await shop.openShop('ru', { openWidget: true });
    await visitor.getByRole('button', { name: 'Позвонить нам' }).click();
    await visitor.getByText('Вы первый в очереди').waitFor({ timeout: 30_000 });
    // Мария comes back and answers in the console; the visitor talks with her
    await goAvailable(maria);
    const offer = maria.locator('.offer-card[data-call="webcall"]');
    await offer.waitFor({ timeout: 30_000 });
    const contactId = (await offer.getAttribute('data-contact-id'))!;
    await offer.getByRole('button', { name: 'Ответить' }).click();
    await visitor.getByText('Разговор: Мария Соколова').waitFor({ timeout: 30_000 });
    await maria.locator('.softphone[data-phase="talking"]').waitFor({ timeout: 30_000 });

    // Act: the visitor's renderer crashes: no pagehide, no keepalive hang-up, the beats just stop
    const cdp = await visitor.context().newCDPSession(visitor);
    // The answer never comes (the renderer is gone): not awaited.
    void cdp.send('Page.crash').catch(() => undefined);
    await maria.locator('.softphone[data-phase="ended"]').waitFor({ timeout: 60_000 });
    const ended = await eventually(() => center.deps.contacts.get(center.demo.tenantId, contactId), (c) => c?.status === 'after-contact-work');
    await maria.screenshot({ path: join(screenshots, 'widget-call-visitor-gone-ru.png'), animations: 'disabled' });

    // Assert
    expect(ended?.history.at(-1)).toMatchObject({ from: 'connected', to: 'after-contact-work', reason: 'call ended: customer gone, the visitor’s page stopped answering' });
    expect(await maria.getByTestId('wrap-up').count()).toBe(1);
    expect(await seriousAccessibilityProblems(maria)).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The crashed tab's own errors are the crash's; the page was clean before it.
    expect(shopErrors.filter((e) => !/crash|Target closed|Page crashed/i.test(e))).toEqual([]);
  }, 180_000);
});
