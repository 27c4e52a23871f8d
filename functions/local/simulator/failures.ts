/** What the next outbound message call of a channel answers instead of success. */
export type FailureMode = 'rate_limit' | 'blocked' | 'server_error';

/** A pending failure switch. */
export interface FailureSwitch {
  mode: FailureMode;
  /** Calls left to fail. */
  remaining: number;
  /** Telegram `retry_after` (seconds) of a rate limit. */
  retryAfterSeconds: number;
  /** Only sends to this persona's chat fail; without it, any send of the channel. */
  personaId?: string;
  /** Only a message whose text contains this fails (tests aim at one reply among notices). */
  textIncludes?: string;
}

/**
 * Injected provider failures per channel. A switch aimed at one chat is used up only by a send to
 * that chat, so a concurrent send elsewhere (a queue notice, another test's reply) cannot take it.
 */
export class FailureSwitches {
  private readonly byChannel = new Map<string, FailureSwitch[]>();

  /** Makes the next `times` outbound message calls of a channel (to `personaId`, if given) fail. */
  add(channelId: string, mode: FailureMode, options: Pick<FailureSwitch, 'personaId' | 'textIncludes'> & { times?: number; retryAfterSeconds?: number } = {}): FailureSwitch {
    const { personaId, textIncludes } = options;
    const failure: FailureSwitch = { mode, remaining: Math.max(1, options.times ?? 1), retryAfterSeconds: Math.max(1, options.retryAfterSeconds ?? 2), ...(personaId ? { personaId } : {}), ...(textIncludes ? { textIncludes } : {}) };
    this.byChannel.set(channelId, [...(this.byChannel.get(channelId) ?? []), failure]);
    return failure;
  }

  clear(channelId: string): void {
    this.byChannel.delete(channelId);
  }

  pending(channelId: string): FailureSwitch[] {
    return this.byChannel.get(channelId) ?? [];
  }

  /** Consumes one failure for a send of `text` to `personaId`: the first switch that matches both. */
  take(channelId: string, personaId: string, text = ''): FailureSwitch | undefined {
    const queue = this.byChannel.get(channelId) ?? [];
    const index = queue.findIndex((f) => (f.personaId === undefined || f.personaId === personaId) && (f.textIncludes === undefined || text.includes(f.textIncludes)));
    const hit = queue[index];
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) queue.splice(index, 1);
    if (queue.length === 0) this.byChannel.delete(channelId);
    return hit;
  }
}
