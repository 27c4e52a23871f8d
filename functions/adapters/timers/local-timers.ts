import type { RoutingTimer } from '@cc/shared/contacts/timers';
import type { Timers } from '@cc/shared/contacts/ports';

/** Node's setTimeout limit (about 24.8 days); longer timers re-arm in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface LocalTimersOptions {
  /** Runs a due timer: locally the catalogued `routing-timers` handler, in tests the routing service. */
  deliver: (timer: RoutingTimer) => Promise<void>;
  /** Attempts per timer before giving up on it (each 1 s apart). */
  maxAttempts?: number;
  onError?: (message: string, error: unknown, timer: RoutingTimer) => void;
  now?: () => number;
}

/**
 * In-process timers for the local runtime: each fires within milliseconds of its due time. They live in memory,
 * so on start-up the runtime re-arms them from the table's state (`rearmTimers`); nothing is lost by a restart.
 */
export class LocalTimers implements Timers {
  private readonly armed = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  /** Timers delivered successfully (for tests and health). */
  fired = 0;

  constructor(private readonly options: LocalTimersOptions) {}

  /** Timers armed and not yet fired. */
  get pending(): number {
    return this.armed.size;
  }

  async schedule(timer: RoutingTimer): Promise<void> {
    if (this.stopped || this.armed.has(timer.id)) return;
    this.arm(timer, 1);
  }

  private arm(timer: RoutingTimer, attempt: number, delayMs?: number) {
    const now = this.options.now?.() ?? Date.now();
    const wait = delayMs ?? Math.max(0, Date.parse(timer.dueAt) - now);
    const handle = setTimeout(() => {
      if (wait > MAX_DELAY_MS) return this.arm(timer, attempt);
      const run = this.options
        .deliver(timer)
        .then(() => {
          this.armed.delete(timer.id);
          this.fired += 1;
        })
        .catch((error) => {
          this.options.onError?.('Routing timer failed', error, timer);
          if (attempt >= (this.options.maxAttempts ?? 5) || this.stopped) this.armed.delete(timer.id);
          else this.arm(timer, attempt + 1, 1000);
        })
        .finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }, Math.min(wait, MAX_DELAY_MS));
    handle.unref?.();
    this.armed.set(timer.id, handle);
  }

  /** Cancels every pending timer and waits for those already running. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const handle of this.armed.values()) clearTimeout(handle);
    this.armed.clear();
    await Promise.allSettled([...this.inFlight]);
  }
}
