/** The files Telegram customers sent in the simulator, for getFile and the file download URL. */
import { randomBytes } from 'node:crypto';
import type { SimulatedFile } from '../provider.ts';

/** One kept file: whose bot may fetch it, and the path getFile names. */
export interface TelegramStoredFile extends SimulatedFile {
  channelId: string;
  fileId: string;
  fileUniqueId: string;
  filePath: string;
}

/** Files by file_id (kept in memory for the simulator's life, as Telegram keeps them for at least an hour). */
export class TelegramFiles {
  private readonly byId = new Map<string, TelegramStoredFile>();
  private count = 0;

  keep(channelId: string, file: SimulatedFile): TelegramStoredFile {
    this.count += 1;
    const photo = file.contentType.startsWith('image/');
    const extension = /\.([A-Za-z0-9]{1,8})$/.exec(file.fileName)?.[1] ?? (photo ? 'jpg' : 'bin');
    const stored: TelegramStoredFile = {
      ...file,
      channelId,
      fileId: `BQACAgIAAxkBAAI${randomBytes(12).toString('base64url')}`,
      fileUniqueId: `AgAD${randomBytes(6).toString('base64url')}`,
      filePath: `${photo ? 'photos' : 'documents'}/file_${this.count}.${extension}`,
    };
    this.byId.set(stored.fileId, stored);
    return stored;
  }

  /** The file `fileId` if the bot of `channelId` may see it (a file_id is valid for its bot only). */
  find(channelId: string, fileId: string): TelegramStoredFile | undefined {
    const file = this.byId.get(fileId);
    return file?.channelId === channelId ? file : undefined;
  }

  byPath(channelId: string, filePath: string): TelegramStoredFile | undefined {
    for (const file of this.byId.values()) if (file.channelId === channelId && file.filePath === filePath) return file;
    return undefined;
  }
}
