/**
 * Runs every `bench/*.bench.ts` (or those named on the command line) and writes their figures to
 * `bench/results.json` (a partial run keeps the other benchmarks' figures).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const results: BenchResult[] = [];
for (const file of files) {
  const started = Date.now();
  console.log(`▶ ${file}`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchResult[]> };
  const figures = await module.default();
  for (const r of figures) console.log(`  ${r.name}: ${r.value} ${r.unit}${r.ratio !== undefined ? ` (ratio ${r.ratio})` : ''}`);
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  results.push(...figures);
}
const out = join(here, 'results.json');
// A partial run (names on the command line) replaces only its own figures.
const kept = only.length > 0 && existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as BenchResult[]).filter((old) => !results.some((r) => r.name === old.name)) : [];
writeFileSync(out, JSON.stringify([...kept, ...results], null, 2) + '\n');
console.log(`wrote ${results.length} figures to ${out}`);
process.exit(0);
