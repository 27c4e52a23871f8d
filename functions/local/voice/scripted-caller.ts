/**
 * The emulator's scripted caller: once a call is joined to the agent's meeting (JoinChimeMeeting succeeded), it
 * plays a conversation script and, for each line, feeds a partial and then a final `TranscriptEvent` of Amazon
 * Transcribe streaming's shape (channel identification: `ch_0` the agent, `ch_1` the customer) to the contact
 * center's transcript ingestion, the same code the AWS path posts into. No audio is produced. Local only.
 */
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import type { CallActivity } from './call-model.ts';

/** One line of a conversation: who says it, what, and how long after the previous line (or the join) it starts. */
export const ScriptLineSchema = lazySchema(() => z.object({
  speaker: z.enum(['customer', 'agent']),
  text: z.string().trim().min(1).max(500),
  afterMs: z.number().int().min(0).max(60_000).default(1000),
}));
export type ScriptLine = z.infer<typeof ScriptLineSchema>;

/** The built-in conversations, in Russian as the demo tenant speaks. */
export const BUILT_IN_SCRIPTS = {
  'payment-problem': [
    { speaker: 'agent', text: 'Компания Ромашка, меня зовут Анна. Чем могу помочь?', afterMs: 500 },
    { speaker: 'customer', text: 'Здравствуйте, не могу оплатить заказ картой.', afterMs: 1200 },
    { speaker: 'agent', text: 'Подскажите, пожалуйста, номер заказа.', afterMs: 1000 },
    { speaker: 'customer', text: 'Номер сорок два ноль семь.', afterMs: 1000 },
    { speaker: 'agent', text: 'Вижу заказ. Платёж отклонил банк, попробуйте ещё раз или другую карту.', afterMs: 1500 },
    { speaker: 'customer', text: 'Хорошо, спасибо, сейчас попробую.', afterMs: 1200 },
  ],
  'delivery-question': [
    { speaker: 'agent', text: 'Компания Ромашка, слушаю вас.', afterMs: 500 },
    { speaker: 'customer', text: 'Добрый день, когда привезут мой заказ?', afterMs: 1000 },
    { speaker: 'agent', text: 'Курьер привезёт его завтра с десяти до двух.', afterMs: 1500 },
  ],
} as const satisfies Record<string, readonly ScriptLine[]>;
export type BuiltInScript = keyof typeof BUILT_IN_SCRIPTS;

/** `script` of `POST /local/voice/calls`: a built-in name, explicit lines, or both (the built-in lines first). */
export const CallScriptSchema = lazySchema(() => {
  const name = z.enum(Object.keys(BUILT_IN_SCRIPTS) as [BuiltInScript, ...BuiltInScript[]]);
  const lines = z.array(ScriptLineSchema).min(1).max(50);
  return z
    .union([name, lines, z.object({ name: name.optional(), lines: lines.optional() }).refine((s) => s.name || s.lines, 'name a built-in script or give lines')])
    .transform((script): ScriptLine[] => (typeof script === 'string' ? [...BUILT_IN_SCRIPTS[script]] : Array.isArray(script) ? script : [...(script.name ? BUILT_IN_SCRIPTS[script.name] : []), ...(script.lines ?? [])]));
});

/** Where the scripted caller's events go: the contact center finds the call's contact and ingests the event. */
export interface TranscriptFeed {
  feed(call: { callId: string; to: string }, event: unknown): Promise<void>;
}

/** How long a line takes to say, for its Transcribe times (about as fast as the emulator speaks prompts). */
const MS_PER_CHAR = 60;
const CHANNEL = { agent: 'ch_0', customer: 'ch_1' } as const;

/** A Transcribe streaming result-stream member for `words` said from `startMs` to `endMs`. */
export function transcriptEventOf(line: Pick<ScriptLine, 'speaker'>, resultId: string, words: readonly string[], startMs: number, endMs: number, partial: boolean) {
  const step = (endMs - startMs) / Math.max(1, words.length);
  const items = words.map((word, i) => ({ Content: word, StartTime: (startMs + i * step) / 1000, EndTime: (startMs + (i + 1) * step) / 1000, Type: 'pronunciation', VocabularyFilterMatch: false, Stable: !partial || i < words.length - 1 }));
  return {
    TranscriptEvent: {
      Transcript: {
        Results: [{ ResultId: resultId, StartTime: startMs / 1000, EndTime: endMs / 1000, IsPartial: partial, ChannelId: CHANNEL[line.speaker], Alternatives: [{ Transcript: words.join(' '), Items: items }] }],
      },
    },
  };
}

/**
 * The partial then the final event of each line, with when to send them (ms after the join, unscaled): the
 * partial halfway through the line with its first half of the words, the final when the line is said.
 */
export function scriptEvents(callId: string, lines: readonly ScriptLine[]): { atMs: number; event: ReturnType<typeof transcriptEventOf> }[] {
  const events: { atMs: number; event: ReturnType<typeof transcriptEventOf> }[] = [];
  let cursor = 0;
  lines.forEach((line, index) => {
    const startMs = cursor + line.afterMs;
    const endMs = startMs + line.text.length * MS_PER_CHAR;
    const words = line.text.split(/\s+/);
    const resultId = `${callId}-${index + 1}`;
    const half = words.slice(0, Math.max(1, Math.ceil(words.length / 2)));
    events.push({ atMs: (startMs + endMs) / 2, event: transcriptEventOf(line, resultId, half, startMs, Math.round((startMs + endMs) / 2), true) });
    events.push({ atMs: endMs, event: transcriptEventOf(line, resultId, words, startMs, endMs, false) });
    cursor = endMs;
  });
  return events;
}

/**
 * Plays scripts on the calls they were given for: starts at a call's first meeting join, stops when it ends.
 * Delays are scaled like every emulator timing; the transcript's own times are not.
 */
export class ScriptedCallers {
  private readonly scripts = new Map<string, { to: string; lines: ScriptLine[] }>();
  private readonly timers = new Map<string, Set<ReturnType<typeof setTimeout>>>();

  constructor(private readonly options: { feed: TranscriptFeed; scale: () => number; onError: (error: unknown, callId: string) => void }) {}

  /** Plays `lines` on `callId` once it joins a meeting. */
  register(callId: string, to: string, lines: ScriptLine[]): void {
    this.scripts.set(callId, { to, lines });
  }

  /** The emulator's activity listener. */
  readonly onActivity = (activity: CallActivity): void => {
    if (activity.type === 'meeting-joined') this.play(activity.callId);
    if (activity.type === 'ended') this.stop(activity.callId);
  };

  stopAll(): void {
    for (const callId of [...this.timers.keys()]) this.stop(callId);
  }

  private play(callId: string): void {
    const script = this.scripts.get(callId);
    if (!script) return;
    // Once per call: a second join (after a hold, a transfer) does not replay the conversation.
    this.scripts.delete(callId);
    const timers = new Set<ReturnType<typeof setTimeout>>();
    this.timers.set(callId, timers);
    // Sent in order: each event waits for the one before, so the partial never lands after its final.
    let chain = Promise.resolve();
    for (const { atMs, event } of scriptEvents(callId, script.lines)) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        chain = chain.then(() => this.options.feed.feed({ callId, to: script.to }, event)).catch((error) => this.options.onError(error, callId));
      }, atMs * this.options.scale());
      timers.add(timer);
    }
  }

  private stop(callId: string): void {
    this.scripts.delete(callId);
    for (const timer of this.timers.get(callId) ?? []) clearTimeout(timer);
    this.timers.delete(callId);
  }
}
