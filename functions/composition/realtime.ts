/** The realtime function's composition: the connections, push and token verifier, and the widget visitors' gate. */
import type { Deps } from './deps.ts';
import type { Config } from './config.ts';
import type { VisitorGate } from '../widget/visitor-gate.ts';
import { ChannelResolver } from '../messaging/channel-resolver.ts';
import { processComposition } from './installed.ts';
import { awsCipher, awsPush, awsTable, awsVerifier } from './aws-adapters.ts';
import { DynamoConnectionRepository } from '../adapters/dynamo/connection-repository.ts';
import { DynamoDirectoryRepository } from '../adapters/dynamo/directory-repository.ts';
import { DynamoWidgetKeyRepository } from '../adapters/dynamo/widget-key-repository.ts';
import { createVisitorServices } from './visitor-services.ts';

export type RealtimeDeps = Pick<Deps, 'clock' | 'connections' | 'push' | 'verifier' | 'widgetKeys' | 'cipher' | 'directory'>;

export interface RealtimeComposition {
  deps: RealtimeDeps;
  visitors: VisitorGate;
}

/** The visitor gate over `deps`, with its own channel cache. */
export function composeRealtime(deps: RealtimeDeps): RealtimeComposition {
  return { deps, visitors: createVisitorServices(deps, new ChannelResolver(deps)).visitorGate };
}

/** Only the adapters this function uses: no SQS, routing or messenger senders. */
export function awsRealtimeDeps(config: Config): RealtimeDeps {
  const { clock, table } = awsTable(config);
  return {
    clock,
    connections: new DynamoConnectionRepository(table),
    directory: new DynamoDirectoryRepository(table),
    widgetKeys: new DynamoWidgetKeyRepository(table),
    push: awsPush(config),
    cipher: awsCipher(config),
    verifier: awsVerifier(config),
  };
}

/** This process's realtime composition, built once. */
export const getRealtimeComposition = processComposition<RealtimeComposition>(
  (full) => ({ deps: full.deps, visitors: full.services.visitorGate }),
  (config) => composeRealtime(awsRealtimeDeps(config)),
);
