// Browser test: real audio of a call from the site. The visitor calls from the demo shop page (Chromium's fake,
// beeping microphone); the agent accepts and joins the call's audio from a bare page of the API's origin
// (web/e2e/rtc-page.ts, the local WebRTC client the console uses); both ends must receive audio packets with
// energy, over the local WebRTC rooms; the visitor hangs up and the contact ends.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import type {} from '../../test/global-setup.ts';
import type { Contact } from '@cc/shared/contacts/model';
import { json } from '../../test/json.ts';
import { startContactCenter, type RunningContactCenter } from '../../functions/local/contact-center.ts';
import { scanEntity } from '../../functions/messaging/testing/harness.ts';
import { launchChromium, screenshots } from '../../test/browser.ts';
import { waitFor } from '../../test/live.ts';
import { tmpdir } from 'node:os';
import { fakeMediaArgs, openRtcPage, writeToneWav } from './rtc-page.ts';
import { shopSession } from '../../functions/widget/shop-page.ts';

/** Every RTCPeerConnection a page makes, so the test can read its inbound audio stats. */
const RECORD_PEER_CONNECTIONS = `(() => {
  const Native = window.RTCPeerConnection;
  window.__ccPeers = [];
  window.RTCPeerConnection = function (...args) { const pc = new Native(...args); window.__ccPeers.push(pc); return pc; };
  window.RTCPeerConnection.prototype = Native.prototype;
})();`;
/** Audio received over a page's peer connections: packets and energy of every inbound audio stream. */
const INBOUND_AUDIO = `(async () => {
  let packets = 0, energy = 0;
  for (const pc of window.__ccPeers || []) for (const s of (await pc.getStats()).values()) if (s.type === 'inbound-rtp' && s.kind === 'audio') { packets += s.packetsReceived || 0; energy += s.totalAudioEnergy || 0; }
  return { packets, energy };
})()`;

let center: RunningContactCenter | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

const shop = shopSession(() => ({ browser: browser!, center: center! }), pageErrors);
const { login, api } = shop;
/** The demo shop with the widget open, in a fresh profile, its peer connections recorded. */
const openShop = (lang: 'ru' | 'en') => shop.openShop(lang, { openWidget: true, initScripts: [RECORD_PEER_CONNECTIONS] });

const webcalls = async () => (await scanEntity<Contact>(center!.deps, 'contact')).filter((c) => c.channel === 'webcall');

beforeAll(async () => {
  browser = await launchChromium(fakeMediaArgs(writeToneWav(join(tmpdir(), 'widget-call-visitor.wav'), 523)));
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

describe('real audio of a call from the site in Chromium', () => {
  it('carries real audio both ways between the visitor’s page and the agent, until the visitor hangs up', async () => {
    // Arrange: the visitor calls; Мария accepts and joins the audio from a page of her own
    const agentToken = await login('u-agent-3');
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'break', reason: 'lunch' });
    const page = await openShop('ru');
    await page.getByRole('button', { name: 'Позвонить нам' }).click();
    await page.getByText('Вы первый в очереди').waitFor({ timeout: 20_000 });
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'available' });
    const offered = await waitFor(async () => (await webcalls()).find((c) => c.status === 'offered'));
    await api(agentToken, `/contacts/${offered.contactId}/accept`);
    const ticket = await json(await api(agentToken, `/contacts/${offered.contactId}/audio`, 'POST', { role: 'agent' }));
    const agent = await openRtcPage(await browser!.newContext(), center!.baseUrl, pageErrors);
    // Act: the agent's side speaks with a tone of its own (the rtc helper's page), the visitor with the fake microphone
    await agent.join(ticket, { toneHz: 330 });
    await page.getByText('Разговор: Мария Соколова').waitFor();
    const visitorHeard = await waitFor(async () => {
      const received = (await page.evaluate(INBOUND_AUDIO)) as { packets: number; energy: number };
      return received.packets > 0 && received.energy > 0 ? received : undefined;
    });
    const agentHeard = await waitFor(async () => {
      const received = await agent.received();
      return received.packets > 0 && received.energy > 0 ? received : undefined;
    });
    await page.screenshot({ path: join(screenshots, 'widget-call-audio-ru.png'), animations: 'disabled' });
    await page.getByRole('button', { name: 'Завершить звонок' }).click();
    const ended = await waitFor(async () => (await webcalls()).find((c) => c.contactId === offered.contactId && c.status === 'after-contact-work'));
    await agent.page.evaluate('window.audio.leave()');
    await api(agentToken, `/contacts/${offered.contactId}/complete`);
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'offline' });
    // Assert
    expect(visitorHeard.energy).toBeGreaterThan(0);
    expect(agentHeard.energy).toBeGreaterThan(0);
    expect(await page.getByText('Нет звука').count()).toBe(0);
    expect(ended.agentId).toBe('u-agent-3');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
