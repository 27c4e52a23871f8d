import { CHANNEL_CATALOG, type ChannelKind } from '@cc/shared/channels/catalog';
import type { StoredMessage } from '@cc/shared/conversations/model';
import type { ServerMessageOf } from '../../api/types.ts';

/** How long the customer shows as typing after their last `typing` push. */
export const TYPING_SHOW_MS = 5_000;
/** The agent's typing goes to the web chat at most this often. */
export const TYPING_SEND_EVERY_MS = 3_000;

/**
 * Until when (ms) the customer of `contactId` shows as typing, after a `typing` push: the push's
 * arrival plus {@link TYPING_SHOW_MS} when it is the visitor of this contact, else unchanged. The
 * arrival time counts, not the push's `at`, so a skewed server clock cannot hide or pin the dots.
 */
export function typingAfterPush(until: number | undefined, push: ServerMessageOf<'typing'>, contactId: string, now: number): number | undefined {
  if (push.from !== 'visitor' || push.contactId !== contactId) return until;
  return now + TYPING_SHOW_MS;
}

/** A message from the customer of `contactId` ends their typing; anything else changes nothing. */
export function typingAfterMessage(until: number | undefined, message: Pick<StoredMessage, 'contactId' | 'direction'>, contactId: string): number | undefined {
  return message.direction === 'inbound' && message.contactId === contactId ? undefined : until;
}

/** Whether the customer shows as typing at `now`. */
export function isTyping(until: number | undefined, now: number): boolean {
  return until !== undefined && now < until;
}

/** Only channels with a typing API (our web chat) are told; messengers never are. */
export function sendsTyping(channel: ChannelKind): boolean {
  return CHANNEL_CATALOG[channel].typing;
}

/**
 * A leading-edge throttle: `fire()` runs `send` at once, then ignores calls until `intervalMs` has
 * passed since the last run (nothing is queued for later: the next keystroke after the pause sends).
 * `now` is injected in tests.
 */
export function createThrottle(send: () => void, intervalMs: number, now: () => number = Date.now): { fire(): boolean } {
  let last: number | undefined;
  return {
    fire() {
      const at = now();
      if (last !== undefined && at - last < intervalMs) return false;
      last = at;
      send();
      return true;
    },
  };
}
