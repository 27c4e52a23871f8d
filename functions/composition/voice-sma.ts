/** The voice-sma function's composition: the call records, the directory, queues and contacts, and the voice services. */
import type { Config } from './config.ts';
import { processComposition } from './installed.ts';
import { awsTable } from './aws-adapters.ts';
import { awsMeetings } from './voice-adapters.ts';
import { DynamoCallRepository } from '../adapters/dynamo/call-repository.ts';
import { DynamoDirectoryRepository } from '../adapters/dynamo/directory-repository.ts';
import { DynamoQueueRepository } from '../adapters/dynamo/queue-repository.ts';
import { DynamoContactRepository } from '../adapters/dynamo/contact-repository.ts';
import { DynamoRoutingRepository } from '../adapters/dynamo/routing-repository.ts';
import { DynamoAgentRepository } from '../adapters/dynamo/agent-repository.ts';
import { DynamoCustomerRepository } from '../adapters/dynamo/customer-repository.ts';
import { createStandaloneVoiceServices, type VoiceDeps, type VoiceServices } from './voice-services.ts';

export interface VoiceSmaComposition {
  config: Pick<Config, 'VOICE_PROMPTS_BUCKET' | 'VOICE_RECORDINGS_BUCKET'>;
  voice: VoiceServices;
}

/** The table and meetings (a dialled callee's seat): no push, KMS, SQS or messenger senders. */
export function awsVoiceSmaDeps(config: Config): VoiceDeps {
  const { clock, table } = awsTable(config);
  return { clock, calls: new DynamoCallRepository(table), directory: new DynamoDirectoryRepository(table), queues: new DynamoQueueRepository(table), routing: new DynamoRoutingRepository(table), contacts: new DynamoContactRepository(table), agents: new DynamoAgentRepository(table), customers: new DynamoCustomerRepository(table), meetings: awsMeetings(config) };
}

/** This process's voice-sma composition, built once (locally: the voice services the local runtime installed). */
export const getVoiceSmaComposition = processComposition<VoiceSmaComposition>(
  (full) => {
    if (!full.voice) throw new Error('The installed composition has no voice services');
    return { config: full.deps.config, voice: full.voice };
  },
  (config) => ({ config, voice: createStandaloneVoiceServices(awsVoiceSmaDeps(config)) }),
);
