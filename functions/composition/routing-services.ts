/**
 * Routing's services, built once per process over its adapters: the full set for the functions that run commands
 * and read models, or only the timer runner for the routing-timers function. Both start from one core (queue
 * lookup, contact changes, engine), so a process never holds two engines.
 */
import type { CustomerNotifier } from '@cc/shared/contacts/ports';
import type { Deps } from './deps.ts';
import { QueueLookup } from '../routing/queue-lookup.ts';
import { ContactChanges } from '../routing/contact-changes.ts';
import { RoutingEngine } from '../routing/engine.ts';
import { ContactCommands } from '../routing/commands.ts';
import { RoutingTimerRunner } from '../routing/timer-runner.ts';
import { RoutingQueries } from '../routing/queries.ts';
import type { AlertEvaluator } from '../alerts/evaluator.ts';

/** Routing, split by reason to change. */
export interface RoutingServices {
  queues: QueueLookup;
  /** The one read-plan-commit loop over contacts, shared with the callback dialer. */
  changes: ContactChanges;
  engine: RoutingEngine;
  commands: ContactCommands;
  timers: RoutingTimerRunner;
  queries: RoutingQueries;
}

/** What the engine and the timer runner read and write. */
export type RoutingCoreDeps = Pick<Deps, 'clock' | 'routing' | 'contacts' | 'queues' | 'timers'>;
/** What every routing service reads and writes. */
export type RoutingDeps = RoutingCoreDeps & Pick<Deps, 'agents'>;

function routingCore(deps: RoutingCoreDeps) {
  const queues = new QueueLookup(deps);
  return { queues, changes: new ContactChanges(deps, queues), engine: new RoutingEngine(deps, queues) };
}

/** The timer runner alone, for the function that only fires timers (alert rules' re-checks through `alerts`). */
export function createRoutingTimerRunner(deps: RoutingCoreDeps, alerts?: Pick<AlertEvaluator, 'check'>): RoutingTimerRunner {
  const { engine, changes } = routingCore(deps);
  return new RoutingTimerRunner(deps, engine, changes, alerts);
}

/** Every routing service over `deps`; `notifier` tells customers their queue positions; `alerts` re-checks alert rules on their timers. */
export function createRoutingServices(deps: RoutingDeps, notifier: CustomerNotifier, alerts?: Pick<AlertEvaluator, 'check'>): RoutingServices {
  const { queues, changes, engine } = routingCore(deps);
  return {
    queues,
    changes,
    engine,
    commands: new ContactCommands(deps, queues, changes),
    timers: new RoutingTimerRunner(deps, engine, changes, alerts),
    queries: new RoutingQueries(deps, queues, notifier),
  };
}
