/**
 * One evaluation of an alert rule, pure: the value it watches, the window it is computed over, the next state and
 * notice, and when to look again without a change on the stream (a wait that grows by itself, a breach that has
 * to last, a notice held back by the quiet period).
 */
import { localDate } from '../calendar/values.ts';
import type { LiveFigures, MetricDefinition } from '../metrics/catalog/index.ts';
import { intervalStart } from '../metrics/intervals.ts';
import type { AlertRule, AlertWatch } from './model.ts';
import { breaches, decideFiring, QUIET_SECONDS_DEFAULT } from './values.ts';

const INTERVAL_SECONDS = 900;

/** The live figures that grow while nothing happens: a rule above a threshold on them is looked at again when it would cross. */
const GROWS_WITH_TIME: ReadonlySet<keyof LiveFigures> = new Set(['oldestWaitSeconds']);

/** Whether the metric's value grows by itself right now (the oldest wait, while someone waits). */
export const growsNow = (metric: MetricDefinition, figures: LiveFigures): boolean => metric.source === 'live' && GROWS_WITH_TIME.has(metric.live) && figures.waiting > 0;

export interface AlertEvaluation {
  watch: AlertWatch;
  notice?: 'fired' | 'recovered';
  /** When to evaluate again even if nothing changes (ISO), if ever. */
  recheckAt?: string;
}

/**
 * The cells an interval rule reads: the tenant's local day so far (`windowSeconds` 0), else the whole 15-minute
 * intervals that cover the last `windowSeconds`, the current one included.
 */
export function alertPeriod(rule: Pick<AlertRule, 'windowSeconds'>, now: Date, timeZone: string): { kind: 'D' | 'I'; from: string; to: string } {
  if (rule.windowSeconds === 0) {
    const today = localDate(now, timeZone);
    return { kind: 'D', from: today, to: today };
  }
  const intervals = Math.max(1, Math.ceil(rule.windowSeconds / INTERVAL_SECONDS));
  return { kind: 'I', from: intervalStart(new Date(now.getTime() - (intervals - 1) * INTERVAL_SECONDS * 1000)), to: intervalStart(now) };
}

export { valueOverCells as intervalValue } from '../metrics/report.ts';

const plusSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000).toISOString();
const earliest = (...times: (string | undefined)[]) => times.filter((t): t is string => t !== undefined).sort()[0];

/**
 * The rule's next watch for a freshly computed `value`. A live rule with a window fires once its breach has lasted
 * that long (an interval rule's window is the period its value covers, so it counts at once). `growing`: the value
 * rises by itself (see `growsNow`), so a rule above the threshold is looked at again when it would cross.
 */
export function evaluateAlert(rule: Pick<AlertRule, 'comparison' | 'threshold' | 'windowSeconds' | 'quietSeconds'>, metric: MetricDefinition, watch: AlertWatch, value: number | null, now: Date, growing = false): AlertEvaluation {
  const at = now.toISOString();
  if (value === null) return { watch: { ...watch, value: null, evaluatedAt: at } };
  const breach = breaches(value, rule.comparison, rule.threshold);
  const breachSince = breach ? (watch.breachSince ?? at) : undefined;
  const sustainSeconds = metric.source === 'live' ? rule.windowSeconds : 0;
  const sustainedAt = breachSince === undefined ? undefined : plusSeconds(new Date(breachSince), sustainSeconds);
  const firing = sustainedAt !== undefined && sustainedAt <= at;
  const { state, notice } = decideFiring(rule, watch, firing, now);
  const { breachSince: _previous, ...rest } = { ...watch, ...state };
  const next: AlertWatch = { ...rest, value, evaluatedAt: at, ...(breachSince !== undefined && { breachSince }) };

  const pendingBreach = breach && !firing ? sustainedAt : undefined;
  // A state the quiet period kept from being told is told when the period ends, if it still holds then.
  const untold = (next.notified ?? 'recovered') !== (next.firing ? 'fired' : 'recovered') && next.notifiedAt !== undefined
    ? plusSeconds(new Date(next.notifiedAt), rule.quietSeconds ?? QUIET_SECONDS_DEFAULT)
    : undefined;
  const crossing = !breach && growing && (rule.comparison === 'gt' || rule.comparison === 'gte')
    ? plusSeconds(now, rule.threshold - value + (rule.comparison === 'gt' ? 1 : 0) + sustainSeconds)
    : undefined;
  const recheckAt = earliest(pendingBreach, untold, crossing);
  return { watch: next, ...(notice && { notice }), ...(recheckAt !== undefined && { recheckAt }) };
}
