// Browser test: a Telegram customer (through the messenger simulator) sends a photo and a PDF; the
// local contact center fetches both through the fake Bot API, and the agent who accepted the chat sees
// the photo as a thumbnail that opens full size, and the PDF as a link with its name and size.
import { deflateSync, crc32 } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goAvailable, screenshots, startHarness, type Harness } from './harness.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** A real PNG of one colour (the browser must be able to draw it), built byte by byte. */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(head));
    return Buffer.concat([length, head, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(new Array<number>(width).fill(0).flatMap(() => [r, g, b]))]);
  const pixels = deflateSync(Buffer.concat(new Array<Buffer>(height).fill(row)));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]));
}

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('customers\u2019 files in the agent\u2019s conversation, in Chromium', { timeout: 90_000 }, () => {
  it('shows a Telegram customer\u2019s photo as a thumbnail that opens, and a document as a named link', async () => {
    // Arrange: Дмитрий serves the support queue, where Telegram lands
    const { center, signIn } = harness!;
    const page = await signIn('dmitry@romashka.demo');
    await goAvailable(page);
    const telegram = center.demo.channels.find((c) => c.type === 'telegram')!;

    // Act: the customer sends a photo with a caption, the agent accepts, then a PDF arrives
    await center.simulator.sendFile(telegram.channelId, 'anna', { fileName: 'photo.png', contentType: 'image/png', bytes: solidPng(320, 200, [220, 60, 60]), caption: 'Вот так выглядит упаковка' });
    await page.locator('.offer-card').getByRole('button', { name: 'Принять' }).click({ timeout: 20_000 });
    const pane = page.locator('.pane[data-status="connected"]');
    const photo = pane.locator('.bubble-row[data-side="in"]', { hasText: 'Вот так выглядит упаковка' });
    const image = photo.locator('.bubble__thumb img');
    await image.waitFor({ timeout: 20_000 });
    await center.simulator.sendFile(telegram.channelId, 'anna', { fileName: 'Накладная 1042.pdf', contentType: 'application/pdf', bytes: PDF });
    const link = pane.locator('a.bubble__chip[data-attachment="document"]');
    await link.waitFor({ timeout: 20_000 });
    await photo.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'conversation-attachments.png'), animations: 'disabled' });
    const [opened] = await Promise.all([page.waitForEvent('popup'), image.click()]);

    // Assert
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    expect(await image.getAttribute('alt')).toBe('Фото');
    expect(await photo.locator('.bubble__thumb').getAttribute('aria-label')).toBe('Открыть: Фото');
    expect(opened.url()).toMatch(/^blob:/);
    expect(await link.locator('.bubble__file').innerText()).toBe('Накладная 1042.pdf');
    expect(await link.locator('.bubble__file-meta').innerText()).toMatch(/^\d+\s?Б$/);
    expect(harness!.pageErrors).toEqual([]);
  });
});
