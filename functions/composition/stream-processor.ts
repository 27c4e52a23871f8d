/** The stream processor's composition: every service (its reactions reach all areas), without the token verifier. */
import type { Config } from './config.ts';
import { processComposition } from './installed.ts';
import { awsAlertNotifier, awsCipher, awsDelivery, awsDialer, awsPush, awsTimers } from './aws-adapters.ts';
import { awsRepositories } from './repositories.ts';
import { awsMediaQueue } from './media-adapters.ts';
import { createSendersFromConfig } from './senders.ts';
import { awsCallControl, awsMeetings } from './voice-adapters.ts';
import { createServices, type ServiceDeps, type Services } from './services.ts';

export type StreamProcessorDeps = ServiceDeps;

export interface StreamProcessorComposition {
  deps: StreamProcessorDeps;
  services: Services;
}

/** Every service over `deps`. */
export function composeStreamProcessor(deps: StreamProcessorDeps): StreamProcessorComposition {
  return { deps, services: createServices(deps) };
}

/** Every adapter but the console token verifier (and so jose). */
export function awsStreamProcessorDeps(config: Config): StreamProcessorDeps {
  const adapters = { ...awsRepositories(config), push: awsPush(config), cipher: awsCipher(config), senders: createSendersFromConfig(config), timers: awsTimers(config), callControl: awsCallControl(config), meetings: awsMeetings(config), ...awsDelivery(config), ...awsDialer(config), ...awsMediaQueue(config), ...awsAlertNotifier(config) };
  return adapters;
}

/** This process's stream-processor composition, built once. */
export const getStreamProcessorComposition = processComposition<StreamProcessorComposition>(
  (full) => full,
  (config) => composeStreamProcessor(awsStreamProcessorDeps(config)),
);
