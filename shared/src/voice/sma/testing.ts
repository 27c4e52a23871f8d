// Test-only: the project's copy of the documented SMA samples (sources in test/fixtures/wire/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SMA_WIRE_DIR = fileURLToPath(new URL('../../../../test/fixtures/wire/chime-sma/', import.meta.url));

/** The names of the samples whose file name starts with `prefix` (`event-`, `response-`). */
export function smaSampleNames(prefix: string): string[] {
  return readdirSync(SMA_WIRE_DIR).filter((name) => name.startsWith(prefix) && name.endsWith('.json')).sort();
}

export function readSmaSample<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(SMA_WIRE_DIR, name), 'utf8')) as T;
}
