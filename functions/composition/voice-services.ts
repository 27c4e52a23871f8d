/** The voice services, built once per process over its adapters and routing's commands and read models. */
import type { CustomerNotifier } from '@cc/shared/contacts/ports';
import { runFlow } from '@cc/shared/voice/flow-engine';
import type { Deps } from './deps.ts';
import { CallEffects } from '../voice/call-effects.ts';
import { VoiceCallService } from '../voice/call-service.ts';
import { RoutingQueries } from '../routing/queries.ts';
import { QueueLookup } from '../routing/queue-lookup.ts';
import { ContactChanges } from '../routing/contact-changes.ts';
import { ContactCommands } from '../routing/commands.ts';

export interface VoiceServices {
  calls: VoiceCallService;
  effects: CallEffects;
}

export type VoiceDeps = Pick<Deps, 'clock' | 'calls' | 'directory' | 'queues' | 'routing' | 'contacts' | 'agents' | 'meetings' | 'customers'>;

/** Over routing services built elsewhere (the full composition). */
export function createVoiceServices(deps: VoiceDeps, routing: { commands: ContactCommands; queries: RoutingQueries }): VoiceServices {
  const effects = new CallEffects(deps, routing.commands, routing.queries);
  return { effects, calls: new VoiceCallService(deps, runFlow, effects) };
}

/** The voice function never writes to chat customers: queue notices go out from the stream processor. */
const noChatNotices: CustomerNotifier = {
  notifyQueuePosition: async () => {},
  notifyClosed: async () => {},
};

/** With routing's commands and read models of its own (the voice function, which has no engine or timers). */
export function createStandaloneVoiceServices(deps: VoiceDeps): VoiceServices {
  const queues = new QueueLookup(deps);
  const changes = new ContactChanges(deps, queues);
  return createVoiceServices(deps, { commands: new ContactCommands(deps, queues, changes), queries: new RoutingQueries(deps, queues, noChatNotices) });
}
