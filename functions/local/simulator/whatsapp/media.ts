/** WhatsApp media objects in the simulator: what our sender uploads and what customers send, by media id. */
import { randomInt } from 'node:crypto';
import type { KeptFile } from '../files.ts';

/** One media object: uploaded by our sender, or sent by a customer; a media id works for its own number's token only. */
export interface WhatsAppMediaItem {
  channelId: string;
  file: KeptFile;
}

/** Media ids as Meta issues them (a 16-digit number, as a string). */
export const mediaIdOf = () => String(1_000_000_000_000_000 + randomInt(1, 2 ** 47));
