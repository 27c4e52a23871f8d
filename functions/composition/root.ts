/**
 * The full composition: every adapter and every service, for the HTTP API (which serves all of them), the local
 * runtime, scripts and tests. The other functions build only their part, through the same builders
 * (`aws-adapters.ts`, `repositories.ts`, `senders.ts`, `routing-services.ts`, `visitor-services.ts`,
 * `services.ts`), in `functions/composition/<function>.ts` (named as in `functions/catalog.ts`), so each bundle holds only the clients and schemas it uses.
 */
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { createServices } from './services.ts';
import type { Composition } from './installed.ts';
import { awsCipher, awsDelivery, awsDialer, awsIdentities, awsPush, awsTimers, awsVerifier } from './aws-adapters.ts';
import { awsRepositories } from './repositories.ts';
import { awsMedia } from './media-adapters.ts';
import { createSendersFromConfig } from './senders.ts';
import { awsCallControl, awsMeetings, awsStreamingCredentials } from './voice-adapters.ts';

export { createRepositories } from './repositories.ts';
export { createSendersFromConfig, PROVIDER_TIMEOUT_MS } from './senders.ts';
export { installComposition, type Composition } from './installed.ts';

/** Every AWS adapter, from the environment CDK sets on each function. @throws Error naming a missing variable */
export function createAwsDeps(config: Config): Deps {
  const adapters = {
    ...awsRepositories(config),
    push: awsPush(config),
    cipher: awsCipher(config),
    verifier: awsVerifier(config),
    identities: awsIdentities(config),
    senders: createSendersFromConfig(config),
    timers: awsTimers(config),
    callControl: awsCallControl(config),
    meetings: awsMeetings(config),
    ...awsDelivery(config),
    ...awsDialer(config),
    ...awsStreamingCredentials(config),
    ...awsMedia(config),
  };
  return adapters;
}

/** `deps` with every service built on them, once. */
export function compose(deps: Deps): Composition {
  return { deps, services: createServices(deps) };
}
