// Browser test (issue #11, test 3): a Telegram customer sends a photo through the messenger simulator and
// it shows inline in the agent's window; the agent attaches a file with the paperclip, sees it as a chip,
// sends it with a caption, and the fake Telegram Bot API receives sendDocument with the very bytes.
import { createHash } from 'node:crypto';
import { deflateSync, crc32 } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.ts';
import { goAvailable, screenshots, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems } from './quality.ts';

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

/** A real PNG of one colour (the browser must be able to draw it), built byte by byte. */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
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
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(new Array<number>(width).fill(0).flatMap(() => [r, g, b]))]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(new Array<Buffer>(height).fill(row)))), chunk('IEND', Buffer.alloc(0))]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('agents send files back, in Chromium', { timeout: 120_000 }, () => {
  it('shows the customer\u2019s photo inline, and the agent\u2019s attached file reaches Telegram by sendDocument', async () => {
    // Arrange: Дмитрий serves the support queue, where Telegram lands
    const { center, signIn } = harness!;
    const page = await signIn('dmitry@romashka.demo');
    await goAvailable(page);
    const telegram = center.demo.channels.find((c) => c.type === 'telegram')!;

    // Act: the customer sends a photo; the agent accepts and sees it in place
    await center.simulator.sendFile(telegram.channelId, 'olga', { fileName: 'коробка.png', contentType: 'image/png', bytes: new Uint8Array(solidPng(320, 200, [60, 140, 220])), caption: 'Коробка пришла мятой' });
    await page.locator('.offer-card').getByRole('button', { name: 'Принять' }).click({ timeout: 30_000 });
    const pane = page.locator('.pane[data-status="connected"]');
    const photo = pane.locator('.bubble-row[data-side="in"]', { hasText: 'Коробка пришла мятой' }).locator('.bubble__thumb img');
    await photo.waitFor({ timeout: 30_000 });

    // Act: a file the console refuses at once, then the invoice, uploaded with its progress shown
    const input = pane.getByTestId('composer-file-input');
    await input.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    const refused = pane.getByTestId('composer-file');
    await refused.locator('[role="alert"]').waitFor({ timeout: 10_000 });
    const refusal = await refused.innerText();
    await refused.getByRole('button', { name: 'Убрать файл setup.exe' }).click();
    await input.setInputFiles({ name: 'Счёт 1042.pdf', mimeType: 'application/pdf', buffer: PDF });
    const chip = pane.locator('[data-testid="composer-file"][data-state="ready"]');
    await chip.waitFor({ timeout: 30_000 });
    await pane.getByRole('textbox', { name: 'Напишите ответ…' }).fill('Отправляю счёт, оплатите до пятницы');
    await page.screenshot({ path: join(screenshots, 'composer-file-chip.png'), animations: 'disabled' });
    const axe = await seriousAccessibilityProblems(page);
    await pane.getByRole('button', { name: 'Отправить' }).click();

    // Assert: the fake Bot API got sendDocument with the file's bytes, name and caption
    const call = await eventually(
      () => center.simulator.calls(telegram.channelId).find((c) => c.method === 'sendDocument'),
      (found) => found !== undefined,
    );
    expect(call).toMatchObject({ status: 200, params: { caption: 'Отправляю счёт, оплатите до пятницы', document: { file: 'Счёт 1042.pdf', type: 'application/pdf', size: PDF.byteLength, sha256: sha256(PDF) } } });
    // …and the agent's conversation shows the sent file like the customer's, delivered
    const sent = pane.locator('.bubble-row[data-side="out"][data-status="sent"]', { hasText: 'Отправляю счёт' });
    await sent.waitFor({ timeout: 30_000 });
    expect(await sent.locator('a.bubble__chip[data-attachment="document"] .bubble__file').innerText()).toBe('Счёт 1042.pdf');
    await sent.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'conversation-file-sent.png'), animations: 'disabled' });
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    expect(refusal).toContain('Такой тип файла отправить нельзя');
    expect(await pane.getByTestId('composer-file').count()).toBe(0);
    expect(center.simulator.transcript(telegram.channelId, 'olga').at(-1)).toMatchObject({ from: 'business', file: { name: 'Счёт 1042.pdf' } });
    expect(axe).toEqual([]);
    expect(harness!.pageErrors).toEqual([]);
  });
});
