/** The routing-timers function's composition: the table and the timer queue (to arm early timers again), and the timer runner. */
import type { RoutingTimerRunner } from '../routing/timer-runner.ts';
import type { Config } from './config.ts';
import { processComposition } from './installed.ts';
import { awsTable, awsTimers } from './aws-adapters.ts';
import { DynamoContactRepository } from '../adapters/dynamo/contact-repository.ts';
import { DynamoQueueRepository } from '../adapters/dynamo/queue-repository.ts';
import { DynamoRoutingRepository } from '../adapters/dynamo/routing-repository.ts';
import { DynamoVisitorHeartbeats } from '../adapters/dynamo/visitor-heartbeats.ts';
import { createRoutingTimerRunner, type RoutingCoreDeps } from './routing-services.ts';

export type RoutingTimersDeps = RoutingCoreDeps;

export interface RoutingTimersComposition {
  deps: RoutingTimersDeps;
  timers: RoutingTimerRunner;
}

/** The timer runner over `deps`. */
export function composeRoutingTimers(deps: RoutingTimersDeps): RoutingTimersComposition {
  return { deps, timers: createRoutingTimerRunner(deps) };
}

/** Only the adapters this function uses: no KMS, push, token verifier or messenger senders. */
export function awsRoutingTimersDeps(config: Config): RoutingTimersDeps {
  const base = awsTable(config);
  return {
    ...base,
    routing: new DynamoRoutingRepository(base.table),
    contacts: new DynamoContactRepository(base.table),
    queues: new DynamoQueueRepository(base.table),
    visitorHeartbeats: new DynamoVisitorHeartbeats(base.table),
    timers: awsTimers(config),
  };
}

/** This process's routing-timers composition, built once. */
export const getRoutingTimersComposition = processComposition<RoutingTimersComposition>(
  (full) => ({ deps: full.deps, timers: full.services.routing.timers }),
  (config) => composeRoutingTimers(awsRoutingTimersDeps(config)),
);
