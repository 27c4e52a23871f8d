/**
 * A call from the site has no telephone network to tell when its caller is gone: the visitor's page beats (a
 * request every `everySeconds` while the call lives), and a visitor not heard from for `missed` beats is gone, as a
 * phone caller who hangs up: abandoned while waiting, ended while talking. Checked by a routing timer, never a scan.
 */

/** How often the visitor's page beats, and how many beats in a row it may miss before it counts as gone. */
export interface HeartbeatRule {
  everySeconds: number;
  missed: number;
}

/**
 * Five seconds is the page's refresh of the call anyway; six beats (30 s) ride out a network blip or a busy phone,
 * and stay under the minute a background tab's timers can be throttled to (pages with WebRTC in use are not).
 */
export const DEFAULT_HEARTBEAT: HeartbeatRule = { everySeconds: 5, missed: 6 };

/** The moment a visitor last heard from at `lastSeenAt` (a beat, or the call's placing) counts as gone. */
export function visitorGoneAt(lastSeenAt: string, rule: HeartbeatRule): string {
  return new Date(Date.parse(lastSeenAt) + rule.everySeconds * rule.missed * 1000).toISOString();
}

/** What a check of the visitor at `now` finds: gone, or alive until `checkAt` unless they beat again. */
export type VisitorCheck = { gone: true } | { gone: false; checkAt: string };

/** The check of a visitor last heard from at `lastSeenAt`. */
export function checkVisitor(lastSeenAt: string, now: Date, rule: HeartbeatRule): VisitorCheck {
  const goneAt = visitorGoneAt(lastSeenAt, rule);
  return Date.parse(goneAt) <= now.getTime() ? { gone: true } : { gone: false, checkAt: goneAt };
}
