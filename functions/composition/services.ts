/**
 * Builds every service of a process once, from its adapters: routing (engine, commands, timers, read models),
 * the customer notifier, the channel resolver, inbound messaging, visitor tokens and the visitor gate, and the widget service. The
 * AWS composition (`root.ts`), the local runtime and tests all call this one builder; handlers take what they
 * need from its result, so caches (channels, visitor keys) are shared by everything in the process.
 */
import type { CustomerNotifier } from '@cc/shared/contacts/ports';
import type { Deps } from './deps.ts';
import { MessagingCustomerNotifier } from '../messaging/customer-notifier.ts';
import { ChannelResolver } from '../messaging/channel-resolver.ts';
import { InboundService } from '../messaging/inbound.ts';
import { QueueLookup } from '../routing/queue-lookup.ts';
import { ContactChanges } from '../routing/contact-changes.ts';
import { RoutingEngine } from '../routing/engine.ts';
import { ContactCommands } from '../routing/commands.ts';
import { RoutingTimerRunner } from '../routing/timer-runner.ts';
import { RoutingQueries } from '../routing/queries.ts';
import { VisitorTokens } from '../widget/visitor-tokens.ts';
import { VisitorGate } from '../widget/visitor-gate.ts';
import { WidgetService } from '../widget/service.ts';

/** Routing, split by reason to change. */
export interface RoutingServices {
  queues: QueueLookup;
  engine: RoutingEngine;
  commands: ContactCommands;
  timers: RoutingTimerRunner;
  queries: RoutingQueries;
}

export interface Services {
  routing: RoutingServices;
  /** Queue positions and the out-of-hours reply, through the contact's own channel. */
  notifier: CustomerNotifier;
  /** Channels and their opened secrets, cached per process (webhooks, the widget, senders, `$connect`). */
  channels: ChannelResolver;
  /** Webhook inbox records into customers, conversations, contacts and messages. */
  inbound: InboundService;
  visitorTokens: VisitorTokens;
  visitorGate: VisitorGate;
  widget: WidgetService;
}

/** Every service over `deps`, each built once; they keep `deps` itself, not a copy. */
export function createServices(deps: Deps): Services {
  const queues = new QueueLookup(deps);
  const changes = new ContactChanges(deps, queues);
  const engine = new RoutingEngine(deps, queues);
  const commands = new ContactCommands(deps, queues, changes);
  const notifier = new MessagingCustomerNotifier(deps);
  const queries = new RoutingQueries(deps, queues, notifier);
  const channels = new ChannelResolver(deps);
  const visitorTokens = new VisitorTokens(deps);
  return {
    routing: { queues, engine, commands, timers: new RoutingTimerRunner(deps, engine, changes), queries },
    notifier,
    channels,
    inbound: new InboundService(deps, channels),
    visitorTokens,
    visitorGate: new VisitorGate({ tokens: visitorTokens, channels }),
    widget: new WidgetService(deps, { tokens: visitorTokens, commands, queries }),
  };
}
