import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MediaStore } from '@cc/shared/media/ports';

/** How long a download link handed to a signed-in agent works. */
export const SIGNED_URL_SECONDS = 300;

/** Media in the S3 media bucket (encrypted, private; the console gets short-lived signed links). */
export class S3MediaStore implements MediaStore {
  constructor(private readonly s3: S3Client, private readonly bucket: string) {}

  async put(objectKey: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: objectKey, Body: bytes, ContentType: contentType }));
  }

  async get(objectKey: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return { bytes: await object.Body!.transformToByteArray(), contentType: object.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async signedUrl(objectKey: string, fileName: string | undefined): Promise<string> {
    const disposition = fileName ? `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` : undefined;
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: objectKey, ...(disposition && { ResponseContentDisposition: disposition }) }), { expiresIn: SIGNED_URL_SECONDS });
  }
}
