import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3MediaStore, SIGNED_URL_SECONDS } from './s3-media-store.ts';

describe('S3MediaStore links', () => {
  it('signs a short-lived GET of the one object, naming the file for the download', async () => {
    // Arrange: presigning is local computation; no request leaves the process.
    const s3 = new S3Client({ region: 'eu-central-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    const store = new S3MediaStore(s3, 'cc-media');

    // Act
    const url = new URL(await store.signedUrl('romashka/msg-1/0', 'счёт.pdf'));

    // Assert
    expect(url.hostname).toBe('cc-media.s3.eu-central-1.amazonaws.com');
    expect(url.pathname).toBe('/romashka/msg-1/0');
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(SIGNED_URL_SECONDS));
    expect(url.searchParams.get('response-content-disposition')).toBe("attachment; filename*=UTF-8''%D1%81%D1%87%D1%91%D1%82.pdf");
  });
});
