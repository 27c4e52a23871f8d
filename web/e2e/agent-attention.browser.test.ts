// Browser test: what draws an agent to new work, and working from the keyboard. With the tab hidden, a new
// WhatsApp chat rings, shows a desktop notification and counts in the tab title; then the agent accepts offers,
// moves between contacts, replies and closes with the keyboard shortcuts listed in the help overlay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { screenshots, startHarness, type Harness } from './harness.ts';
import { eventually } from './eventually.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** Records the tones and notifications the page makes, and lets the test say whether the tab is hidden. */
function recordAttention() {
  const record = window as unknown as { __tones: number[]; __notices: { title: string; body?: string; tag?: string }[]; __hidden: boolean };
  record.__tones = [];
  record.__notices = [];
  record.__hidden = false;
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => record.__hidden });
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
    record.__tones.push(this.frequency.value);
    start.call(this, when);
  };
  const Real = window.Notification;
  class Recorded extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      record.__notices.push({ title, body: options?.body, tag: options?.tag });
    }
  }
  Object.defineProperty(window, 'Notification', { configurable: true, value: Recorded });
}

const recorded = (page: Page) => page.evaluate(() => {
  const record = window as unknown as { __tones: number[]; __notices: { title: string; body?: string; tag?: string }[] };
  return { tones: record.__tones.length, notices: record.__notices };
});

describe('offer alerts and keyboard shortcuts in Chromium', { timeout: 90_000 }, () => {
  let agent: Page;

  it('rings, notifies and counts a new chat in the title while the tab is hidden', async () => {
    // Arrange: Дмитрий serves support, where WhatsApp lands; notifications allowed
    const { center, signIn } = harness!;
    agent = await signIn('dmitry@romashka.demo');
    await agent.context().grantPermissions(['notifications'], { origin: center.baseUrl });
    await agent.addInitScript(recordAttention);
    await agent.reload();
    await agent.locator('.topbar').waitFor();
    await agent.getByRole('button', { name: /Мой статус/ }).click();
    await agent.locator('[role="menuitemradio"][data-status="available"]').click();
    await agent.locator('.status-button .status-pill[data-status="available"]').waitFor();
    await agent.evaluate(() => Object.assign(window, { __hidden: true }));

    // Act
    const whatsapp = center.demo.channels.find((c) => c.type === 'whatsapp')!;
    await center.simulator.say(whatsapp.channelId, 'anna', 'Добрый день! Хочу вернуть товар.');
    await agent.locator('.offer-card').waitFor({ timeout: 20_000 });

    // Assert
    const { tones, notices } = await eventually(() => recorded(agent), (r) => r.tones > 0 && r.notices.length > 0);
    expect(tones).toBeGreaterThan(0);
    expect(notices).toEqual([expect.objectContaining({ title: 'Новое обращение', body: 'WhatsApp' })]);
    expect(await agent.title()).toMatch(/^\(1\) Рабочее место/);
  });

  it('accepts offers, moves between contacts, focuses the reply and sends and closes from the keyboard', async () => {
    // Arrange
    const { center } = harness!;
    await agent.evaluate(() => Object.assign(window, { __hidden: false }));
    const whatsapp = center.demo.channels.find((c) => c.type === 'whatsapp')!;

    // Act: accept the first, then a second customer's chat
    await agent.keyboard.press('Alt+KeyA');
    await agent.locator('.pane[data-status="connected"]').waitFor();
    await center.simulator.say(whatsapp.channelId, 'john', 'Hello, where is my parcel?');
    await agent.locator('.offer-card').waitFor({ timeout: 20_000 });
    await agent.keyboard.press('Alt+KeyA');
    await eventually(() => agent.locator('.contact-item[data-status="connected"]').count(), (n) => n === 2);
    const selected = () => agent.locator('.contact-item[aria-current="true"]').getAttribute('data-contact-id');
    const before = await selected();
    await agent.keyboard.press('Alt+ArrowDown');
    const after = await eventually(selected, (id) => id !== before);
    await agent.keyboard.press('Alt+ArrowUp');
    const back = await eventually(selected, (id) => id === before);
    await agent.keyboard.press('Alt+KeyR');
    const focused = await agent.evaluate(() => document.activeElement?.className ?? '');
    await agent.keyboard.type('Спасибо, всё оформили.');
    await agent.keyboard.press('Control+Shift+Enter');

    // Assert
    expect(after).not.toBe(before);
    expect(back).toBe(before);
    expect(focused).toContain('composer__input');
    await agent.locator(`.contact-item[data-contact-id="${before}"][data-status="after-contact-work"], .pane[data-status="after-contact-work"]`).first().waitFor({ timeout: 20_000 });
    const sent = await center.simulator.waitFor(() => ['anna', 'john'].flatMap((persona) => center.simulator.transcript(whatsapp.channelId, persona)).find((e) => e.from === 'business' && e.text === 'Спасибо, всё оформили.'), 20_000);
    expect(sent.text).toBe('Спасибо, всё оформили.');
    expect(harness!.pageErrors).toEqual([]);
  });

  it('lists every shortcut and the alert settings in the help overlay', async () => {
    // Act
    await agent.locator('body').click({ position: { x: 5, y: 5 } });
    await agent.keyboard.press('Shift+Slash');
    const help = agent.getByRole('dialog', { name: 'Горячие клавиши' });
    await help.waitFor();
    await agent.screenshot({ path: join(screenshots, 'workspace-shortcuts.png'), animations: 'disabled' });
    const text = await help.innerText();
    await agent.keyboard.press('Escape');

    // Assert
    for (const label of ['Следующее обращение', 'Принять предложенное обращение', 'Перейти к ответу', 'Отправить и завершить']) expect(text).toContain(label);
    expect(text).toContain('Уведомления на рабочем столе включены');
    expect(await help.isVisible()).toBe(false);
  });
});
