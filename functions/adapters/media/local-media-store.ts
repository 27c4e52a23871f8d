import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { MediaStore } from '@cc/shared/media/ports';

/** Media in a local folder (`.data/media/`): the bytes and a side file with their content type. */
export class LocalMediaStore implements MediaStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(objectKey: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const path = this.pathOf(objectKey);
    await mkdir(dirname(path), { recursive: true });
    // Written beside and renamed, so a reader never sees half a file and a retry just replaces it.
    await writeFile(`${path}.tmp`, bytes);
    await writeFile(`${path}.type`, contentType);
    await rename(`${path}.tmp`, path);
  }

  async get(objectKey: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
    const path = this.pathOf(objectKey);
    try {
      const [bytes, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
      return { bytes: new Uint8Array(bytes), contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Locally the console fetches bytes through the tenant-checked API route instead. */
  async signedUrl(): Promise<string | undefined> {
    return undefined;
  }

  private pathOf(objectKey: string): string {
    const path = resolve(join(this.root, objectKey));
    if (!path.startsWith(this.root + sep)) throw new Error(`Object key escapes the media folder: ${objectKey}`);
    return path;
  }
}
