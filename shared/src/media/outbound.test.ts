import { describe, expect, it } from 'vitest';
import { CHANNEL_KINDS } from '../channels/catalog.ts';
import { cleanFileName, decideOutboundFile, fileSendOf, MAX_OUTBOUND_FILE_BYTES, UPLOAD_ID_PATTERN, uploadObjectKey, VIBER_PICTURE_MAX_BYTES } from './outbound.ts';
import { tenantOfObjectKey } from './model.ts';

const facts = (declaredType: string | undefined, sniffedType: string | undefined, extra: { sizeBytes?: number; looksLikeText?: boolean } = {}) => ({ declaredType, sniffedType, sizeBytes: extra.sizeBytes ?? 1000, looksLikeText: extra.looksLikeText ?? false });

describe('which files agents may send', () => {
  it('takes images, PDF and office documents whose bytes are what they claim', () => {
    expect(decideOutboundFile(facts('image/png', 'image/png'))).toEqual({ ok: true, contentType: 'image/png', extension: 'png', image: true });
    expect(decideOutboundFile(facts('application/pdf; charset=binary', 'application/pdf'))).toMatchObject({ ok: true, contentType: 'application/pdf', image: false });
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(decideOutboundFile(facts(docx, docx))).toMatchObject({ ok: true, extension: 'docx' });
    // Legacy Office files are OLE containers: the bytes say only that, the declared type says which.
    expect(decideOutboundFile(facts('application/msword', 'application/x-cfb'))).toMatchObject({ ok: true, extension: 'doc' });
  });

  it('takes text only when the bytes have no signature and read as text', () => {
    expect(decideOutboundFile(facts('text/plain', undefined, { looksLikeText: true }))).toMatchObject({ ok: true, extension: 'txt' });
    expect(decideOutboundFile(facts('text/plain', undefined, { looksLikeText: false }))).toMatchObject({ ok: false, status: 415 });
    expect(decideOutboundFile(facts('text/plain', 'application/x-msdownload'))).toMatchObject({ ok: false, status: 415 });
  });

  it('refuses other types with 415 and a reason, and a renamed file whose bytes disagree', () => {
    expect(decideOutboundFile(facts('application/x-msdownload', 'application/x-msdownload'))).toEqual({ ok: false, status: 415, reason: expect.stringContaining('application/x-msdownload cannot be sent') });
    expect(decideOutboundFile(facts('text/html', undefined, { looksLikeText: true }))).toMatchObject({ ok: false, status: 415 });
    expect(decideOutboundFile(facts(undefined, 'image/png'))).toMatchObject({ ok: false, status: 415, reason: expect.stringContaining('unknown') });
    expect(decideOutboundFile(facts('image/jpeg', 'application/x-msdownload'))).toMatchObject({ ok: false, status: 415, reason: "The file's content is application/x-msdownload, not image/jpeg as declared" });
    expect(decideOutboundFile(facts('application/msword', 'application/zip'))).toMatchObject({ ok: false, status: 415 });
  });

  it('refuses an empty file with 400 and one over the limit with 413', () => {
    expect(decideOutboundFile(facts('image/png', undefined, { sizeBytes: 0 }))).toMatchObject({ ok: false, status: 400 });
    expect(decideOutboundFile(facts('image/png', 'image/png', { sizeBytes: MAX_OUTBOUND_FILE_BYTES + 1 }))).toMatchObject({ ok: false, status: 413 });
    expect(decideOutboundFile(facts('image/png', 'image/png', { sizeBytes: MAX_OUTBOUND_FILE_BYTES }))).toMatchObject({ ok: true });
  });

  it('keeps a file name without its path or control characters, and gives it the extension when it has none', () => {
    expect(cleanFileName('C:\\Users\\anna\\Счёт 1042.pdf', 'pdf')).toBe('Счёт 1042.pdf');
    expect(cleanFileName('../../etc/passwd', 'txt')).toBe('passwd.txt');
    expect(cleanFileName('a\u0000b\u0007.png', 'png')).toBe('ab.png');
    expect(cleanFileName(undefined, 'jpg')).toBe('file.jpg');
    expect(cleanFileName('x'.repeat(300), 'pdf')).toHaveLength(200);
  });

  it('keys an upload under its tenant and contact', () => {
    const key = uploadObjectKey('romashka', 'ct-1', 'up_0123456789abcdef0123456789abcdef.pdf');
    expect(key).toBe('romashka/outbound/ct-1/up_0123456789abcdef0123456789abcdef.pdf');
    expect(tenantOfObjectKey(key)).toBe('romashka');
    expect(UPLOAD_ID_PATTERN.test('up_0123456789abcdef0123456789abcdef.pdf')).toBe(true);
    expect(UPLOAD_ID_PATTERN.test('../romashka/x.pdf')).toBe(false);
  });
});

describe('how each channel carries a file', () => {
  const png = { contentType: 'image/png', sizeBytes: 1000 };
  const webp = { contentType: 'image/webp', sizeBytes: 1000 };
  const pdf = { contentType: 'application/pdf', sizeBytes: 1000 };

  it('takes files on the messengers with a send API and the widget, and none on Alice or calls', () => {
    const taking = CHANNEL_KINDS.filter((kind) => fileSendOf(kind, png) !== undefined);
    expect(taking).toEqual(['telegram', 'whatsapp', 'vk', 'viber', 'webchat']);
  });

  it('sends as images only the types each provider shows as images', () => {
    expect(['telegram', 'whatsapp', 'vk', 'viber', 'webchat'].map((kind) => fileSendOf(kind as 'telegram', webp)?.as)).toEqual(['image', 'document', 'document', 'document', 'image']);
    expect(fileSendOf('vk', { contentType: 'image/gif', sizeBytes: 10 })?.as).toBe('image');
    expect(fileSendOf('telegram', pdf)).toEqual({ as: 'document', captionMax: 1024 });
  });

  it('sends Viber pictures up to 1 MB with a short caption, and anything else as a file without text', () => {
    expect(fileSendOf('viber', png)).toEqual({ as: 'image', captionMax: 120 });
    expect(fileSendOf('viber', { ...png, sizeBytes: VIBER_PICTURE_MAX_BYTES + 1 })).toEqual({ as: 'document', captionMax: 0 });
    expect(fileSendOf('viber', pdf)).toEqual({ as: 'document', captionMax: 0 });
  });
});
