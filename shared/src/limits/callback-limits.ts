import type { RateLimit } from './ports.ts';

/** Who asks for a callback: each is limited on its own, so a new session or a new visitor does not reset the phone's count. */
export type CallbackRequester =
  | { kind: 'visitor'; id: string }
  | { kind: 'alice-session'; id: string }
  | { kind: 'alice-user'; id: string }
  | { kind: 'phone'; id: string };

/** The hourly limit of one requester. */
export const callbackRateLimit = (perHour: number): RateLimit => ({ max: perHour, windowSeconds: 3600 });

/** The counter key of a requester on one channel (a phone is E.164 already, from parseSpokenPhone). */
export function callbackLimitKey(channelId: string, requester: CallbackRequester): string {
  return `callback#${channelId}#${requester.kind}#${requester.id}`;
}
