/**
 * A phone number's call flow, as an admin configures it (`GET/PUT /api/phone-numbers/:id/flow`) and as
 * the flow engine reads it. Texts are Russian first; English is used when the flow's language is `en`
 * and the text has one. Business hours come from the queues, not from here.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';

/** A text the caller hears, in Russian and optionally English. */
export const FlowTextSchema = lazySchema(() => z.object({ ru: z.string().min(1).max(1000), en: z.string().min(1).max(1000).optional() }).strict());
export type FlowText = z.infer<typeof FlowTextSchema>;

const DigitSchema = lazySchema(() => z.string().regex(/^[0-9*#]$/, 'one key: 0–9, * or #'));

/** One choice of a menu: a queue, a second-level menu, or a callback request. */
export const MenuOptionSchema = lazySchema(() => (z
  .object({
    /** What the option is called in reports and on the contact (`menuChoice`). */
    label: z.string().min(1).max(100),
    queueId: IdSchema.optional(),
    /** Recorded as the contact's `menuChoice` (which may add the queue's skills); default: the label. */
    menuChoice: z.string().min(1).max(100).optional(),
    /** A second-level menu (only from the first level). */
    submenu: z.lazy(() => SubmenuSchema).optional(),
  })
  .strict()
  .refine((o) => (o.queueId === undefined) !== (o.submenu === undefined), 'an option has either a queueId or a submenu')));

const menuShape = lazySchema(() => ({
  prompt: FlowTextSchema,
  /** Said after invalid or missing input, before the prompt is repeated. */
  invalidInput: FlowTextSchema.optional(),
  /** Where the caller goes after the prompt has been heard `attempts` times without a valid key. */
  defaultQueueId: IdSchema,
  /** How many times the prompt is heard before the default queue (the first plus two repeats). */
  attempts: z.number().int().min(1).max(5).default(3),
  timeoutSeconds: z.number().int().min(1).max(30).default(5),
}));

const SubmenuSchema = lazySchema(() => z.object({ ...menuShape, options: z.record(DigitSchema, z.lazy(() => LeafOptionSchema)) }).strict());
const LeafOptionSchema = lazySchema(() => z.object({ label: z.string().min(1).max(100), queueId: IdSchema, menuChoice: z.string().min(1).max(100).optional() }).strict());

/** The first menu level: up to two levels in all. */
export const MenuSchema = lazySchema(() => z.object({ ...menuShape, options: z.record(DigitSchema, MenuOptionSchema) }).strict());
export type Menu = z.infer<typeof MenuSchema>;
export type MenuOption = z.infer<typeof MenuOptionSchema>;

export const CallFlowSchema = lazySchema(() => z
  .object({
    language: z.enum(['ru', 'en']).default('ru'),
    /** Provider voice per language; absent: the adapter's default (Polly Tatyana for ru-RU, Joanna for en-US). */
    voices: z.object({ ru: z.string().max(40).optional(), en: z.string().max(40).optional() }).strict().default({}),
    greeting: FlowTextSchema,
    /** Absent: every call goes to `queueId`. */
    menu: MenuSchema.optional(),
    /** The queue of a flow without a menu. */
    queueId: IdSchema.optional(),
    hold: z
      .object({
        /** A prompt of the tenant's library (`hold-music` is shipped). */
        prompt: z.string().min(1).max(100).default('hold-music'),
        /** Position and estimated wait are announced this often. */
        announceEverySeconds: z.number().int().min(10).max(600).default(30),
        /** Announcements end with `callback.offer` ("press 1 and we will call you back"). */
        offerCallback: z.boolean().default(true),
        /** Said instead of the prompt when it cannot be played (a missing or broken audio file). */
        holdText: FlowTextSchema.optional(),
      })
      .strict()
      .default({ prompt: 'hold-music', announceEverySeconds: 30, offerCallback: true }),
    /** The callback offer while holding (key `1`) and its confirmation before the call ends politely. */
    /** `intro` opens a callback we place ("this is … calling you back"), before the agent joins. */
    callback: z.object({ offer: FlowTextSchema, confirmed: FlowTextSchema, intro: FlowTextSchema.optional() }).strict(),
    /** The queue is closed (its business hours or a holiday): this message, then the `then` choice. */
    closed: z
      .object({ message: FlowTextSchema, then: z.enum(['voicemail', 'callback', 'hang-up']).default('voicemail') })
      .strict(),
    recording: z
      .object({ enabled: z.boolean().default(false), consentPrompt: FlowTextSchema.optional() })
      .strict()
      .refine((r) => !r.enabled || r.consentPrompt !== undefined, 'recording needs a consent prompt')
      .default({ enabled: false }),
    /** After the agent leaves: 1–5 on the keypad (CSI), then, when `nps` is on, 0–10 (up to two keys, `#` ends); stored on the contact. */
    survey: z
      .object({
        enabled: z.boolean().default(true),
        prompt: FlowTextSchema,
        thanks: FlowTextSchema,
        nps: z.object({ enabled: z.boolean().default(false), prompt: FlowTextSchema }).strict().optional(),
      })
      .strict()
      .optional(),
    /** Nobody answered within the queue's maximum wait (and it has no overflow), or the queue is closed. */
    voicemail: z
      .object({ prompt: FlowTextSchema, maxSeconds: z.number().int().min(5).max(300).default(120), thanks: FlowTextSchema })
      .strict(),
    /** Said before hanging up after a failure, an unplaceable event or the end of the flow. */
    goodbye: FlowTextSchema,
    apology: FlowTextSchema,
  })
  .strict()
  .refine((f) => (f.menu === undefined) !== (f.queueId === undefined), 'a flow has either a menu or a queueId'));
export type CallFlow = z.infer<typeof CallFlowSchema>;
export type CallFlowInput = z.input<typeof CallFlowSchema>;
