import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalMediaStore } from './local-media-store.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cc-media-test-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('LocalMediaStore', () => {
  it('keeps a file with its type and name, and tells them without reading the bytes', async () => {
    // Arrange
    const store = new LocalMediaStore(folder);
    // Act
    await store.put('romashka/outbound/ct-1/up_1.pdf', new Uint8Array([1, 2, 3]), 'application/pdf', 'Счёт.pdf');
    // Assert
    expect(await store.head('romashka/outbound/ct-1/up_1.pdf')).toEqual({ contentType: 'application/pdf', sizeBytes: 3, fileName: 'Счёт.pdf' });
    expect(await store.head('romashka/outbound/ct-1/missing.pdf')).toBeUndefined();
  });

  it('signs public links that work until they expire and only for their own key', async () => {
    // Arrange
    const store = new LocalMediaStore(folder, { baseUrl: 'http://127.0.0.1:3000/' });
    // Act
    const link = new URL((await store.publicLink('romashka/outbound/ct-1/up_1.pdf', { seconds: 60 }))!);
    const expires = Number(link.searchParams.get('expires'));
    const signature = link.searchParams.get('signature')!;
    // Assert
    expect(link.pathname).toBe('/local/media/romashka/outbound/ct-1/up_1.pdf');
    expect(store.verifyLink('romashka/outbound/ct-1/up_1.pdf', expires, signature)).toBe(true);
    expect(store.verifyLink('lyutik/outbound/ct-1/up_1.pdf', expires, signature)).toBe(false);
    expect(store.verifyLink('romashka/outbound/ct-1/up_1.pdf', expires + 1, signature)).toBe(false);
    expect(store.verifyLink('romashka/outbound/ct-1/up_1.pdf', expires, signature, expires + 1)).toBe(false);
    expect(await new LocalMediaStore(folder).publicLink('romashka/outbound/ct-1/up_1.pdf', { seconds: 60 })).toBeUndefined();
  });
});
