import { describe, expect, it } from 'vitest';
import { MAX_MEDIA_BYTES, decideBeforeDownload, decideContentType, mediaObjectKey, tenantOfObjectKey } from './model.ts';

describe('media decisions', () => {
  it('skips a download whose declared size is over the limit, and allows one without a size', () => {
    expect(decideBeforeDownload({ sizeBytes: MAX_MEDIA_BYTES + 1 })).toMatchObject({ download: false, state: 'too_large' });
    expect(decideBeforeDownload({ sizeBytes: MAX_MEDIA_BYTES })).toEqual({ download: true });
    expect(decideBeforeDownload({})).toEqual({ download: true });
  });

  it('trusts the bytes over the declared type', () => {
    expect(decideContentType('image/png', 'application/pdf')).toEqual({ store: true, contentType: 'image/png' });
    expect(decideContentType('application/x-msdownload', 'image/jpeg')).toMatchObject({ store: false });
    expect(decideContentType(undefined, 'image/jpeg')).toMatchObject({ store: false });
    expect(decideContentType(undefined, 'text/plain; charset=utf-8')).toEqual({ store: true, contentType: 'text/plain' });
  });

  it('keys an attachment by tenant, message and position, and reads the tenant back', () => {
    const key = mediaObjectKey({ tenantId: 'romashka', messageId: 'msg-1', index: 2 });
    expect(key).toBe('romashka/msg-1/2');
    expect(tenantOfObjectKey(key)).toBe('romashka');
  });
});
