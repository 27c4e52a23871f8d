/** Files passing through the simulator: what customers send (for the providers' file URLs) and what our side sent them. */
import { createHash, randomBytes } from 'node:crypto';

/** A file the customer sends (or our side uploads): its bytes as the provider hands them over. */
export interface SimulatedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  caption?: string | undefined;
}

/** A kept file with its id and digest (tests compare the digest with what was uploaded). */
export interface KeptFile extends SimulatedFile {
  id: string;
  sha256: string;
}

/** A file as a chat line shows it; `url` is the simulator's own (relative) route to the bytes. */
export interface ChatFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  url: string;
}

/** The hex SHA-256 of some bytes. */
export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Files by id, in memory, the oldest dropped past `limit` (a simulator runs for one session). */
export class SimulatorFiles {
  private readonly byId = new Map<string, KeptFile>();

  constructor(private readonly limit = 200) {}

  keep(file: SimulatedFile): KeptFile {
    const kept: KeptFile = { ...file, id: `f_${randomBytes(9).toString('base64url')}`, sha256: sha256Hex(file.bytes) };
    this.byId.set(kept.id, kept);
    if (this.byId.size > this.limit) this.byId.delete(this.byId.keys().next().value!);
    return kept;
  }

  get(id: string): KeptFile | undefined {
    return this.byId.get(id);
  }
}

/** How a chat line refers to a kept file. */
export function chatFileOf(file: KeptFile): ChatFile {
  return { id: file.id, name: file.fileName, contentType: file.contentType, size: file.bytes.byteLength, sha256: file.sha256, url: `/simulator/api/files/${file.id}` };
}
