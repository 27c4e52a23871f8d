/**
 * The composition a process runs on when it is not built from the AWS environment: the local runtime and scripts
 * install the full set (`root.ts`) before the first invocation, and every function's composition
 * (`functions/composition/<function>.ts`) takes its part from it. It imports only types and the configuration schema.
 */
import { readConfig, type Config } from './config.ts';
import type { Deps } from './deps.ts';
import type { Services } from './services.ts';
import type { VoiceServices } from './voice-services.ts';

/** A process's adapters and the services built from them. */
export interface Composition {
  deps: Deps;
  services: Services;
  /** The call flow services (the voice-sma function's part), where the process runs calls. */
  voice?: VoiceServices;
}

let installed: Composition | undefined;

/** Local runtime and scripts: use this composition instead of building the AWS one (`undefined`: back to AWS, tests). */
export function installComposition(composition: Composition | undefined): void {
  installed = composition;
}

/** The installed composition, if any. */
export function installedComposition(): Composition | undefined {
  return installed;
}

/**
 * A function's composition getter: its part of the installed composition when there is one (local runtime), else
 * its own adapters and services built once from the AWS environment. @throws ZodError or Error on a bad environment
 */
export function processComposition<T>(fromInstalled: (full: Composition) => T, fromAws: (config: Config) => T): () => T {
  let built: T | undefined;
  return () => {
    if (installed) return fromInstalled(installed);
    built ??= fromAws(readConfig());
    return built;
  };
}
