/**
 * The routing area's adapters on top of the composition root's `Deps`: the routing repository, timers, the voice
 * dialer and the customer notifier. In AWS the timers come from the composition root (SQS on `TIMER_QUEUE_URL`); the
 * local runtime and tests install their own with `installRoutingAdapters`, or get in-process defaults.
 */
import type { CustomerNotifier, RoutingRepository, Timers, VoiceDialer } from '@cc/shared/contacts/ports';
import type { Deps } from '../composition/root.ts';
import { DynamoRoutingRepository } from '../adapters/dynamo/routing-repository.ts';
import { LocalTimers } from '../adapters/timers/local-timers.ts';
import { LocalVoiceDialer } from '../adapters/voice/local-voice-dialer.ts';
import { MessagingCustomerNotifier } from '../messaging/customer-notifier.ts';
import { logger } from '../composition/logger.ts';

export interface RoutingAdapters {
  routing: RoutingRepository;
  timers: Timers;
  dialer: VoiceDialer;
  notifier: CustomerNotifier;
}

/** Everything routing reads and writes. */
export type RoutingDeps = Pick<Deps, 'config' | 'clock' | 'contacts' | 'agents' | 'queues' | 'connections' | 'push'> & RoutingAdapters;

const installed = new WeakMap<Deps, RoutingAdapters>();

/** Uses `adapters` for `deps` (local runtime, tests); the rest keep their defaults. */
export function installRoutingAdapters(deps: Deps, adapters: Partial<RoutingAdapters>): RoutingDeps {
  const merged = { ...defaults(deps), ...adapters };
  installed.set(deps, merged);
  return { ...deps, ...merged };
}

/** The routing dependencies for `deps`, built on first use (in AWS without `TIMER_QUEUE_URL`, timers are logged and dropped). */
export function routingDeps(deps: Deps): RoutingDeps {
  let adapters = installed.get(deps);
  if (!adapters) {
    adapters = defaults(deps);
    installed.set(deps, adapters);
  }
  return { ...deps, ...adapters };
}

function defaults(deps: Deps): RoutingAdapters {
  const routing = new DynamoRoutingRepository(deps.table);
  const dialer = new LocalVoiceDialer();
  // Queue positions go to the customer through the contact's own channel (messenger or widget).
  const notifier = new MessagingCustomerNotifier(deps);
  // The composition root's timers: SQS in AWS, built once per process with its client.
  if (deps.timers) return { routing, dialer, notifier, timers: deps.timers };
  if (deps.config.CC_RUNTIME === 'aws') {
    // Not fatal: the stream processor also serves pushes and messaging, which must not stop on a missing queue.
    logger.error('TIMER_QUEUE_URL is not set: routing timers (offer timeouts, wrap-up ends, overflow) are dropped');
    return { routing, dialer, notifier, timers: { schedule: async (timer) => logger.error('Routing timer dropped: no TIMER_QUEUE_URL', { timerId: timer.id }) } };
  }
  // Local default: fire in-process through the routing service (imported lazily: the service imports this module).
  const timers = new LocalTimers({
    deliver: async (timer) => {
      const { createRoutingService } = await import('./service.ts');
      await createRoutingService(routingDeps(deps)).fireTimer(timer);
    },
    onError: (message, error, timer) => logger.warn(message, { error, timer }),
  });
  return { routing, dialer, notifier, timers };
}
