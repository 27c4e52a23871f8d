/**
 * Routing's services, built once per process over its adapters: the full set for the functions that run commands
 * and read models, or only the timer runner for the routing-timers function. Both start from one core (queue
 * lookup, contact changes, engine), so a process never holds two engines.
 */
import type { CustomerNotifier } from '@cc/shared/contacts/ports';
import type { HeartbeatRule } from '@cc/shared/widget/heartbeat';
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { QueueLookup } from '../routing/queue-lookup.ts';
import { ContactChanges } from '../routing/contact-changes.ts';
import { RoutingEngine } from '../routing/engine.ts';
import { ContactCommands } from '../routing/commands.ts';
import { RoutingTimerRunner } from '../routing/timer-runner.ts';
import { RoutingQueries } from '../routing/queries.ts';
import { VisitorPresence } from '../widget/visitor-presence.ts';
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
  /** Whether the visitors of calls from the site are still there (their pages' beats, checked by a timer). */
  visitors: VisitorPresence;
}

/** What the engine and the timer runner read and write. */
export type RoutingCoreDeps = Pick<Deps, 'config' | 'clock' | 'routing' | 'contacts' | 'queues' | 'timers' | 'visitorHeartbeats'>;
/** What every routing service reads and writes. */
export type RoutingDeps = RoutingCoreDeps & Pick<Deps, 'agents'>;

/** The beats of calls from the site as configured. */
export function heartbeatRuleOf(config: Pick<Config, 'WEBCALL_HEARTBEAT_SECONDS' | 'WEBCALL_MISSED_BEATS'>): HeartbeatRule {
  return { everySeconds: config.WEBCALL_HEARTBEAT_SECONDS, missed: config.WEBCALL_MISSED_BEATS };
}

function routingCore(deps: RoutingCoreDeps) {
  const queues = new QueueLookup(deps);
  const changes = new ContactChanges(deps, queues);
  const commands = new ContactCommands(deps, queues, changes);
  const visitors = new VisitorPresence(deps, commands, heartbeatRuleOf(deps.config));
  return { queues, changes, commands, visitors, engine: new RoutingEngine(deps, queues) };
}

/** The timer runner alone, for the function that only fires timers (alert rules' re-checks through `alerts`). */
export function createRoutingTimerRunner(deps: RoutingCoreDeps, alerts?: Pick<AlertEvaluator, 'check'>): RoutingTimerRunner {
  const { engine, changes, visitors } = routingCore(deps);
  return new RoutingTimerRunner(deps, engine, changes, visitors, alerts);
}

/** Every routing service over `deps`; `notifier` tells customers their queue positions; `alerts` re-checks alert rules on their timers. */
export function createRoutingServices(deps: RoutingDeps, notifier: CustomerNotifier, alerts?: Pick<AlertEvaluator, 'check'>): RoutingServices {
  const { queues, changes, commands, visitors, engine } = routingCore(deps);
  return {
    queues,
    changes,
    engine,
    commands,
    timers: new RoutingTimerRunner(deps, engine, changes, visitors, alerts),
    queries: new RoutingQueries(deps, queues, notifier),
    visitors,
  };
}
