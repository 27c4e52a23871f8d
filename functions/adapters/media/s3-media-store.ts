import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MediaStore, StoredObjectInfo } from '@cc/shared/media/ports';

/** How long a download link handed to a signed-in agent works. */
export const SIGNED_URL_SECONDS = 300;

const dispositionOf = (fileName: string | undefined, inline = false) => (fileName ? `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(fileName)}` : undefined);

/** Media in the S3 media bucket (encrypted, private; the console gets short-lived signed links). */
export class S3MediaStore implements MediaStore {
  constructor(private readonly s3: S3Client, private readonly bucket: string) {}

  async put(objectKey: string, bytes: Uint8Array, contentType: string, fileName?: string): Promise<void> {
    // User metadata travels as an HTTP header, so the (often Cyrillic) name is kept percent-encoded.
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: objectKey, Body: bytes, ContentType: contentType, ...(fileName && { Metadata: { filename: encodeURIComponent(fileName) } }) }));
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

  async head(objectKey: string): Promise<StoredObjectInfo | undefined> {
    try {
      const object = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      const name = object.Metadata?.filename;
      return { contentType: object.ContentType ?? 'application/octet-stream', sizeBytes: object.ContentLength ?? 0, ...(name && { fileName: decodeURIComponent(name) }) };
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async signedUrl(objectKey: string, fileName: string | undefined): Promise<string> {
    const disposition = dispositionOf(fileName);
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: objectKey, ...(disposition && { ResponseContentDisposition: disposition }) }), { expiresIn: SIGNED_URL_SECONDS });
  }

  /**
   * A presigned GET. Signed with the function role's temporary credentials, it stops working when they
   * expire even if `seconds` has not passed (docs/attachments.md): long enough for Viber and a visitor.
   */
  async publicLink(objectKey: string, options: { seconds: number; fileName?: string | undefined }): Promise<string> {
    const disposition = dispositionOf(options.fileName, true);
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: objectKey, ...(disposition && { ResponseContentDisposition: disposition }) }), { expiresIn: options.seconds });
  }
}
