import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
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

describe('S3MediaStore public links and metadata', () => {
  const s3 = new S3Client({ region: 'eu-central-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });

  it('presigns a GET for a provider or visitor for the time asked, shown inline under its name', async () => {
    // Act
    const url = new URL(await new S3MediaStore(s3, 'cc-media').publicLink('romashka/outbound/ct-1/up_1.png', { seconds: 3600, fileName: 'схема.png' }));
    // Assert
    expect(url.pathname).toBe('/romashka/outbound/ct-1/up_1.png');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(url.searchParams.get('response-content-disposition')).toBe("inline; filename*=UTF-8''%D1%81%D1%85%D0%B5%D0%BC%D0%B0.png");
  });

  it('keeps the file name as percent-encoded metadata and reads it back from HEAD', async () => {
    // Arrange
    const mock = mockClient(S3Client);
    mock.on(PutObjectCommand).resolves({});
    mock.on(HeadObjectCommand).resolves({ ContentType: 'application/pdf', ContentLength: 42, Metadata: { filename: encodeURIComponent('Счёт.pdf') } });
    const store = new S3MediaStore(new S3Client({ region: 'eu-central-1' }), 'cc-media');
    // Act
    await store.put('romashka/outbound/ct-1/up_1.pdf', new Uint8Array([1]), 'application/pdf', 'Счёт.pdf');
    const info = await store.head('romashka/outbound/ct-1/up_1.pdf');
    // Assert
    expect(mock.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({ Metadata: { filename: '%D0%A1%D1%87%D1%91%D1%82.pdf' }, ContentType: 'application/pdf' });
    expect(info).toEqual({ contentType: 'application/pdf', sizeBytes: 42, fileName: 'Счёт.pdf' });
    mock.restore();
  });
});
