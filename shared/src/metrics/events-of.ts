/** The metric events of one stored change of either kind (what the metrics reaction folds per stream record). */
import type { Agent } from '../agents/model.ts';
import type { Contact } from '../contacts/model.ts';
import { agentEvents } from './agent-events.ts';
import { contactEvents, type ContactFacts } from './contact-events.ts';
import type { MetricEvent } from './events.ts';

export type MetricChange =
  | { kind: 'contact'; before: Contact | undefined; after: Contact; facts: ContactFacts }
  | { kind: 'agent'; before: Agent | undefined; after: Agent };

export const eventsOf = (change: MetricChange): MetricEvent[] =>
  change.kind === 'contact' ? contactEvents(change.before, change.after, change.facts) : agentEvents(change.before, change.after);
