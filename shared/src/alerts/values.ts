/**
 * Alert rules on KPIs, zod-free (the console imports them): how a value compares with the threshold, and the
 * pure decision of when a rule fires and recovers. A rule notifies once when its metric crosses the threshold
 * and once when it comes back; within the quiet period after a notice, a flapping value sends nothing more.
 */

export const COMPARISONS = ['gt', 'gte', 'lt', 'lte'] as const;

/** How many rules a tenant keeps, recipients per rule, and the longest name, window and quiet period. */
export const ALERT_LIMITS = { perTenant: 100, recipients: 10, nameMaxLength: 120, windowMaxSeconds: 86_400, quietMaxSeconds: 86_400 } as const;
export type Comparison = (typeof COMPARISONS)[number];

/** When a rule's state last changed and whether it is firing now. */
export interface AlertState {
  firing: boolean;
  /** When the current state began. */
  since?: string;
  /** The last notice sent and when: the next one is of the other kind, and not before the quiet period is over. */
  notified?: 'fired' | 'recovered';
  notifiedAt?: string;
}

export const QUIET_SECONDS_DEFAULT = 300;

export function breaches(value: number, comparison: Comparison, threshold: number): boolean {
  switch (comparison) {
    case 'gt':
      return value > threshold;
    case 'gte':
      return value >= threshold;
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
  }
}

export interface AlertDecision {
  state: AlertState;
  /** A notice to send now, if any. */
  notice?: 'fired' | 'recovered';
}

/**
 * The rule's next state for a freshly computed `value` (`null`: no data, nothing changes). The state follows the
 * value at once; a notice goes out when the state differs from the last notice sent and the quiet period after
 * that notice is over, so a value that flaps within it sends nothing and one that settles is told once.
 */
export function decide(rule: { comparison: Comparison; threshold: number; quietSeconds?: number }, state: AlertState, value: number | null, now: Date): AlertDecision {
  if (value === null) return { state };
  return decideFiring(rule, state, breaches(value, rule.comparison, rule.threshold), now);
}

/** `decide` on whether the rule counts as breached now (a live rule's breach counts once it has lasted its window). */
export function decideFiring(rule: { quietSeconds?: number }, state: AlertState, firing: boolean, now: Date): AlertDecision {
  const at = now.toISOString();
  const next: AlertState = firing === state.firing ? state : { ...state, firing, since: at };
  const wanted = firing ? 'fired' : 'recovered';
  if (wanted === (state.notified ?? 'recovered')) return { state: next };
  const quietMs = (rule.quietSeconds ?? QUIET_SECONDS_DEFAULT) * 1000;
  if (state.notifiedAt !== undefined && now.getTime() - Date.parse(state.notifiedAt) < quietMs) return { state: next };
  return { state: { ...next, notified: wanted, notifiedAt: at }, notice: wanted };
}
