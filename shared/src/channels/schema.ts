import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { CHANNEL_KINDS, MEDIA_CLASSES, MESSENGER_KINDS } from './catalog.ts';

/** Every contact channel kind (see `catalog.ts`). */
export const ChannelKindSchema = lazySchema(() => z.enum(CHANNEL_KINDS));

/** The messenger kinds, derived from the catalog: the channels with a webhook adapter and conversations. */
export const MessengerKindSchema = lazySchema(() => z.enum(MESSENGER_KINDS));

/** Voice or chat: the media class, which is also the capacity bucket. */
export const MediaClassSchema = lazySchema(() => z.enum(MEDIA_CLASSES));
