import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Attachment } from '../messaging/model.ts';
import { authorizeAttachmentRead, contentDispositionOf, storedCopyOf } from './access.ts';

const stored = (contentType: string, extra: Partial<Attachment> = {}): Attachment => ({
  type: 'document', fileRef: 'f1', ...extra, storage: { state: 'stored', objectKey: 't/m/0', contentType, tries: 1, at: '2026-12-03T06:00:00.000Z' },
});

describe('opening a message\u2019s files', () => {
  it('lets the contact\u2019s agent and any supervisor in, and no other agent', () => {
    expect(() => authorizeAttachmentRead({ userId: 'anna', roles: ['agent'] }, { agentId: 'anna' })).not.toThrow();
    expect(() => authorizeAttachmentRead({ userId: 'sup', roles: ['supervisor'] }, undefined)).not.toThrow();
    expect(() => authorizeAttachmentRead({ userId: 'boris', roles: ['agent'] }, { agentId: 'anna' })).toThrow(ForbiddenError);
    expect(() => authorizeAttachmentRead({ userId: 'boris', roles: ['agent'] }, undefined)).toThrow(ForbiddenError);
  });

  it('hands out only stored copies, images inline and everything else as a download', () => {
    expect(storedCopyOf('m', [stored('image/png')], 0)).toEqual({ objectKey: 't/m/0', contentType: 'image/png', fileName: undefined, inline: true });
    expect(storedCopyOf('m', [stored('application/pdf', { fileName: 'счёт.pdf' })], 0)).toMatchObject({ inline: false, fileName: 'счёт.pdf' });
    expect(() => storedCopyOf('m', [stored('image/png')], 1)).toThrow(NotFoundError);
    expect(() => storedCopyOf('m', [{ type: 'image', fileRef: 'f', storage: { state: 'too_large', tries: 1, at: 'x' } }], 0)).toThrow(NotFoundError);
  });

  it('names the file in UTF-8 for the browser', () => {
    expect(contentDispositionOf({ fileName: 'счёт 1.pdf', inline: false })).toBe("attachment; filename*=UTF-8''%D1%81%D1%87%D1%91%D1%82%201.pdf");
    expect(contentDispositionOf({ inline: true })).toBe('inline');
  });
});
