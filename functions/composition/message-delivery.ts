/** The message-delivery function's composition: the senders, push and outbox, and the channel resolver. */
import type { Config } from './config.ts';
import type { DeliveryDeps } from '../delivery/app.ts';
import { ChannelResolver } from '../messaging/channel-resolver.ts';
import { processComposition } from './installed.ts';
import { awsCipher, awsDelivery, awsPush, awsTable } from './aws-adapters.ts';
import { createSendersFromConfig } from './senders.ts';
import { awsMediaStore } from './media-adapters.ts';
import { DynamoConnectionRepository } from '../adapters/dynamo/connection-repository.ts';
import { DynamoDirectoryRepository } from '../adapters/dynamo/directory-repository.ts';
import { DynamoMessagingRepository } from '../adapters/dynamo/messaging-repository.ts';

export type MessageDeliveryDeps = DeliveryDeps;

export interface MessageDeliveryComposition {
  deps: MessageDeliveryDeps;
  channels: ChannelResolver;
}

/** The channel resolver over `deps`. */
export function composeMessageDelivery(deps: MessageDeliveryDeps): MessageDeliveryComposition {
  return { deps, channels: new ChannelResolver(deps) };
}

/** Only the adapters this function uses: no routing timers, token verifier or widget; the media bucket to read. */
export function awsMessageDeliveryDeps(config: Config): MessageDeliveryDeps {
  const { clock, table } = awsTable(config);
  return {
    clock,
    messaging: new DynamoMessagingRepository(table),
    directory: new DynamoDirectoryRepository(table),
    connections: new DynamoConnectionRepository(table),
    senders: createSendersFromConfig(config),
    cipher: awsCipher(config),
    push: awsPush(config),
    // Agents' files are read from the media bucket (and Viber and widget visitors get presigned links to them).
    media: awsMediaStore(config),
    ...awsDelivery(config),
  };
}

/** This process's message-delivery composition, built once. */
export const getMessageDeliveryComposition = processComposition<MessageDeliveryComposition>(
  (full) => ({ deps: full.deps, channels: full.services.channels }),
  (config) => composeMessageDelivery(awsMessageDeliveryDeps(config)),
);
