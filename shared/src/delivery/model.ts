import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';

/** One delivery job: send attempt `attempt` of a message of ours, try number `try` of that attempt. */
export const DeliveryJobSchema = lazySchema(() => z.object({
  tenantId: z.string().min(1),
  messageId: z.string().min(1),
  /** The message's `sendAttempt` the job is for; a resend starts a new attempt and orphans older jobs. */
  attempt: z.number().int().positive(),
  /** Provider calls made for this attempt so far, this one included (1 on the first). */
  try: z.number().int().positive().default(1),
}));
export type DeliveryJob = z.infer<typeof DeliveryJobSchema>;

/** Provider calls per send attempt before a transient failure becomes `failed`. */
export const MAX_DELIVERY_TRIES = 6;
/** SQS caps a message delay at 15 minutes; a provider asking for longer is retried after 15 minutes. */
export const MAX_DELIVERY_DELAY_SECONDS = 900;
/** A claim older than this is taken to be a crashed attempt, whose send may or may not have reached the provider. */
export const DELIVERY_LEASE_MS = 60_000;

/**
 * Seconds to wait before try `nextTry`: doubling from 2 s with half jitter, never shorter than the
 * provider asked for, capped at the SQS maximum.
 */
export function deliveryDelaySeconds(nextTry: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELIVERY_DELAY_SECONDS, 2 ** (nextTry - 1));
  const backoff = Math.ceil(ceiling / 2 + (random() * ceiling) / 2);
  return Math.min(MAX_DELIVERY_DELAY_SECONDS, Math.max(backoff, Math.ceil((retryAfterMs ?? 0) / 1000)));
}
