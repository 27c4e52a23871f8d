import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';

// Yandex Dialogs (Alice skill) protocol: the request the platform POSTs and the response we return
// (yandex.ru/dev/dialogs/alice/doc/ru/request, /response). Request objects are loose.

/** A named entity Alice recognised in the utterance (YANDEX.NUMBER, YANDEX.FIO, YANDEX.GEO, …). */
export const AliceEntitySchema = lazySchema(() => z.looseObject({
  type: z.string(),
  tokens: z.looseObject({ start: z.number().int(), end: z.number().int() }),
  value: z.unknown(),
}));

/**
 * Longest `command` / `original_utterance` Yandex sends (yandex.ru/dev/dialogs/alice/doc/ru/request:
 * at most 1024 characters). Longer text is not from Yandex, and is refused (400) before any matching.
 */
export const ALICE_UTTERANCE_MAX_CHARS = 1024;

/** What the user said or pressed; `type` is SimpleUtterance or ButtonPressed (others pass through). */
export const AliceRequestBodySchema = lazySchema(() => z.looseObject({
  type: z.string(),
  command: z.string().max(ALICE_UTTERANCE_MAX_CHARS).optional(),
  original_utterance: z.string().max(ALICE_UTTERANCE_MAX_CHARS).optional(),
  payload: z.unknown().optional(),
  markup: z.looseObject({ dangerous_context: z.boolean().optional() }).optional(),
  nlu: z
    .looseObject({
      tokens: z.array(z.string()).optional(),
      entities: z.array(AliceEntitySchema).optional(),
      intents: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
}));

/** A whole skill call; `request` is absent for events such as account_linking_complete_event. */
export const AliceWebhookSchema = lazySchema(() => z.looseObject({
  meta: z.looseObject({
    locale: z.string().optional(),
    timezone: z.string().optional(),
    client_id: z.string().optional(),
    interfaces: z.record(z.string(), z.unknown()).optional(),
  }),
  session: z.looseObject({
    message_id: z.number().int(),
    session_id: z.string().min(1),
    skill_id: z.string().min(1),
    new: z.boolean(),
    /** Deprecated, kept by the platform for old skills; prefer application.application_id. */
    user_id: z.string().optional(),
    /** Present only when the user is logged in to Yandex on the device. */
    user: z.looseObject({ user_id: z.string().min(1), access_token: z.string().optional() }).optional(),
    application: z.looseObject({ application_id: z.string().min(1) }),
  }),
  request: AliceRequestBodySchema.optional(),
  state: z
    .looseObject({
      session: z.unknown().optional(),
      user: z.unknown().optional(),
      application: z.unknown().optional(),
    })
    .optional(),
  version: z.string(),
}));
export type AliceWebhook = z.infer<typeof AliceWebhookSchema>;

/** A button under the reply: `hide: true` is a suggest that disappears after the next phrase. */
export const AliceButtonSchema = lazySchema(() => z.object({
  title: z.string().min(1).max(64),
  payload: z.record(z.string(), z.unknown()).optional(),
  url: z.string().max(1024).optional(),
  hide: z.boolean().optional(),
}));
export type AliceButton = z.infer<typeof AliceButtonSchema>;

/** The response the skill returns synchronously. */
export const AliceResponseSchema = lazySchema(() => z.object({
  response: z.object({
    text: z.string().max(1024),
    tts: z.string().max(1024).optional(),
    end_session: z.boolean(),
    buttons: z.array(AliceButtonSchema).optional(),
  }),
  session_state: z.record(z.string(), z.unknown()).optional(),
  user_state_update: z.record(z.string(), z.unknown()).optional(),
  application_state: z.record(z.string(), z.unknown()).optional(),
  version: z.literal('1.0'),
}));
export type AliceResponse = z.infer<typeof AliceResponseSchema>;
