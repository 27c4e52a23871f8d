import type { DeliveryJob } from './model.ts';

/** Port: the outbound delivery queue (SQS in AWS, in-process locally), apart from the table stream. */
export interface DeliveryQueue<J = DeliveryJob> {
  /** Queues `job` to run after `delaySeconds` (0 to 900). @throws when the queue refuses it */
  enqueue(job: J, delaySeconds: number): Promise<void>;
}
