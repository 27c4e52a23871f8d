/** The routing-timers function's composition: the table and the timer queue (to arm early timers again), and the timer runner. */
import type { RoutingTimerRunner } from '../routing/timer-runner.ts';
import type { Config } from './config.ts';
import { processComposition } from './installed.ts';
import { awsTable, awsTimers } from './aws-adapters.ts';
import { DynamoContactRepository } from '../adapters/dynamo/contact-repository.ts';
import { DynamoQueueRepository } from '../adapters/dynamo/queue-repository.ts';
import { DynamoRoutingRepository } from '../adapters/dynamo/routing-repository.ts';
import { DynamoVisitorHeartbeats } from '../adapters/dynamo/visitor-heartbeats.ts';
import { DynamoAgentRepository } from '../adapters/dynamo/agent-repository.ts';
import { DynamoAlertRepository } from '../adapters/dynamo/alert-repository.ts';
import { DynamoDirectoryRepository } from '../adapters/dynamo/directory-repository.ts';
import { DynamoMetricsRepository } from '../adapters/dynamo/metrics-repository.ts';
import { AlertEvaluator, type AlertDeps } from '../alerts/evaluator.ts';
import { createRoutingTimerRunner, type RoutingCoreDeps } from './routing-services.ts';

/** Routing's core, and what alert rules' re-checks read (they ride the routing timers). */
export type RoutingTimersDeps = RoutingCoreDeps & AlertDeps;

export interface RoutingTimersComposition {
  deps: RoutingTimersDeps;
  timers: RoutingTimerRunner;
}

/** The timer runner over `deps`. */
export function composeRoutingTimers(deps: RoutingTimersDeps): RoutingTimersComposition {
  return { deps, timers: createRoutingTimerRunner(deps, new AlertEvaluator(deps)) };
}

/** Only the adapters this function uses (routing's and the alert re-check's): no KMS, push, token verifier or messenger senders. */
export function awsRoutingTimersDeps(config: Config): RoutingTimersDeps {
  const base = awsTable(config);
  const { table } = base;
  return {
    ...base,
    routing: new DynamoRoutingRepository(table),
    contacts: new DynamoContactRepository(table),
    queues: new DynamoQueueRepository(table),
    visitorHeartbeats: new DynamoVisitorHeartbeats(table),
    timers: awsTimers(config),
    agents: new DynamoAgentRepository(table),
    directory: new DynamoDirectoryRepository(table),
    metrics: new DynamoMetricsRepository(table),
    alerts: new DynamoAlertRepository(table),
  };
}

/** This process's routing-timers composition, built once. */
export const getRoutingTimersComposition = processComposition<RoutingTimersComposition>(
  (full) => ({ deps: full.deps, timers: full.services.routing.timers }),
  (config) => composeRoutingTimers(awsRoutingTimersDeps(config)),
);
