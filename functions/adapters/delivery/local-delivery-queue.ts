import type { DeliveryJob } from '@cc/shared/delivery/model';
import type { DeliveryQueue } from '@cc/shared/delivery/ports';

/** How the local queue runs jobs; `sleep` is injectable so tests record delays instead of waiting. */
export interface LocalDeliveryQueueOptions<J = DeliveryJob> {
  /** Runs one job: the same delivery handler code the SQS Lambda runs. */
  run: (job: J) => Promise<void>;
  /** A job that throws is run again after this many seconds, up to `maxReceives` times (as an SQS redrive). */
  retrySeconds?: number;
  maxReceives?: number;
  sleep?: (ms: number) => Promise<void>;
  onError?: (error: unknown, job: J) => void;
}

/**
 * The local delivery queue: every job runs on its own promise after its delay, so any number run at
 * once and one hanging provider never holds up another job. Jobs live in memory; the runtime re-queues
 * messages still pending on start (`requeuePendingDeliveries`). Media download jobs run on one too.
 */
export class LocalDeliveryQueue<J = DeliveryJob> implements DeliveryQueue<J> {
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: LocalDeliveryQueueOptions<J>) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref?.()));
  }

  async enqueue(job: J, delaySeconds = 0): Promise<void> {
    if (this.stopped) return;
    const run = this.runAfter(job, delaySeconds, 1).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Resolves once no job is waiting or running (tests: after a pump of the stream). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Drops jobs not started yet (shutdown). */
  stop(): void {
    this.stopped = true;
  }

  private async runAfter(job: J, delaySeconds: number, receive: number): Promise<void> {
    if (delaySeconds > 0) await this.sleep(delaySeconds * 1000);
    if (this.stopped) return;
    try {
      await this.options.run(job);
    } catch (error) {
      this.options.onError?.(error, job);
      if (receive < (this.options.maxReceives ?? 5)) await this.runAfter(job, this.options.retrySeconds ?? 5, receive + 1);
    }
  }
}
