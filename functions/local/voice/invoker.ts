/**
 * How the SMA calls the handler: wait `responseTimeoutMs` for an answer, then send the same event
 * again; give up after `giveUpMs` with no answer, or after a second failed invocation (a thrown or
 * rejected handler counts like a 4xx/5xx from Lambda, which the service retries once).
 */

export type InvokeOutcome = { kind: 'answered'; value: unknown } | { kind: 'gave-up'; reason: string };

export interface InvokeOptions {
  responseTimeoutMs: number;
  giveUpMs: number;
  /** Called before every attempt (1, 2, …); returning a reason stops before invoking (the per-call cap). */
  beforeAttempt: (attempt: number) => string | undefined;
  /** Called when an attempt ends without an answer, for the call's record. */
  onAttemptFailed: (attempt: number, why: string) => void;
}

type AttemptResult = { kind: 'answered'; value: unknown } | { kind: 'error'; message: string } | { kind: 'timeout' } | { kind: 'give-up' };

/** Invokes `invoke(event)` with the service's timeouts and retries. The same event object goes out on every retry. */
export async function invokeWithRetries(invoke: (event: unknown) => Promise<unknown>, event: unknown, options: InvokeOptions): Promise<InvokeOutcome> {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const after = (ms: number, result: AttemptResult) =>
    new Promise<AttemptResult>((resolve) => {
      timers.push(setTimeout(() => resolve(result), ms));
    });
  const giveUp = after(options.giveUpMs, { kind: 'give-up' });
  let failures = 0;
  try {
    for (let attempt = 1; ; attempt++) {
      const stop = options.beforeAttempt(attempt);
      if (stop) return { kind: 'gave-up', reason: stop };
      const answer = Promise.resolve()
        .then(() => invoke(event))
        .then(
          (value): AttemptResult => ({ kind: 'answered', value }),
          (error: unknown): AttemptResult => ({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
        );
      const result = await Promise.race([answer, after(options.responseTimeoutMs, { kind: 'timeout' }), giveUp]);
      if (result.kind === 'answered') return result;
      if (result.kind === 'give-up') {
        options.onAttemptFailed(attempt, `no answer within ${options.giveUpMs} ms`);
        return { kind: 'gave-up', reason: `no valid answer from the handler within ${options.giveUpMs} ms` };
      }
      if (result.kind === 'timeout') {
        options.onAttemptFailed(attempt, `no answer within ${options.responseTimeoutMs} ms`);
        continue;
      }
      failures++;
      options.onAttemptFailed(attempt, `handler failed: ${result.message}`);
      if (failures >= 2) return { kind: 'gave-up', reason: `handler failed twice: ${result.message}` };
    }
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}
