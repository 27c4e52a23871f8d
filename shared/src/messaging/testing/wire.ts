import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `<repoRoot>/test/fixtures/wire/`: the project's copy of the documented provider samples (sources in its README). */
export const WIRE_DIR = fileURLToPath(new URL('../../../../test/fixtures/wire/', import.meta.url));

/** The exact text of a sample, e.g. `readWireText('viber/callback-message-text.json')`. */
export function readWireText(relPath: string): string {
  return readFileSync(join(WIRE_DIR, relPath), 'utf8');
}

/** A sample parsed with `JSON.parse` (integers beyond 2^53 lose digits: use readWireText for Viber tokens). */
export function readWireSample<T = unknown>(relPath: string): T {
  return JSON.parse(readWireText(relPath)) as T;
}
