import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { MediaStore, StoredObjectInfo } from '@cc/shared/media/ports';

/** Where the local server serves signed links (`/local/media/<key>?expires=…&signature=…`) and the key signing them. */
export interface LocalLinkOptions {
  baseUrl: string;
  secret?: Uint8Array;
}

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Media in a local folder (`.data/media/`): the bytes and side files with their content type and name. */
export class LocalMediaStore implements MediaStore {
  private readonly root: string;
  private readonly secret: Uint8Array;

  constructor(root: string, private readonly links?: LocalLinkOptions) {
    this.root = resolve(root);
    // A key per process: links handed out die with the server, as short-lived links should.
    this.secret = links?.secret ?? randomBytes(32);
  }

  async put(objectKey: string, bytes: Uint8Array, contentType: string, fileName?: string): Promise<void> {
    const path = this.pathOf(objectKey);
    await mkdir(dirname(path), { recursive: true });
    // Written beside and renamed, so a reader never sees half a file and a retry just replaces it.
    await writeFile(`${path}.tmp`, bytes);
    await writeFile(`${path}.type`, contentType);
    if (fileName) await writeFile(`${path}.name`, fileName);
    await rename(`${path}.tmp`, path);
  }

  async get(objectKey: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
    const path = this.pathOf(objectKey);
    try {
      const [bytes, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
      return { bytes: new Uint8Array(bytes), contentType };
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  }

  async head(objectKey: string): Promise<StoredObjectInfo | undefined> {
    const path = this.pathOf(objectKey);
    try {
      const [info, contentType] = await Promise.all([stat(path), readFile(`${path}.type`, 'utf8')]);
      const fileName = await readFile(`${path}.name`, 'utf8').catch((error: unknown) => (missing(error) ? undefined : Promise.reject(error)));
      return { contentType, sizeBytes: info.size, ...(fileName && { fileName }) };
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  }

  /** Locally the console fetches bytes through the tenant-checked API route instead. */
  async signedUrl(): Promise<string | undefined> {
    return undefined;
  }

  /** A link to the local server's `/local/media/…` route, signed with this process's key; none without a base URL. */
  async publicLink(objectKey: string, options: { seconds: number }): Promise<string | undefined> {
    if (!this.links) return undefined;
    this.pathOf(objectKey);
    const expires = Math.floor(Date.now() / 1000) + options.seconds;
    const path = objectKey.split('/').map(encodeURIComponent).join('/');
    return `${this.links.baseUrl.replace(/\/+$/, '')}/local/media/${path}?expires=${expires}&signature=${this.sign(objectKey, expires)}`;
  }

  /** Whether a link's signature is ours and it has not expired. */
  verifyLink(objectKey: string, expires: number, signature: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
    if (!Number.isInteger(expires) || expires < nowSeconds) return false;
    const expected = Buffer.from(this.sign(objectKey, expires), 'hex');
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(objectKey: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${objectKey}\n${expires}`).digest('hex');
  }

  private pathOf(objectKey: string): string {
    const path = resolve(join(this.root, objectKey));
    if (!path.startsWith(this.root + sep)) throw new Error(`Object key escapes the media folder: ${objectKey}`);
    return path;
  }
}
