// Builds the widget's call script into web/dist/widget-call/ (after `vite build`, which empties dist), so
// the web stack uploads it with the console and CloudFront serves it: `npm run build:web` runs this.
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { callScriptBuildOptions } from '../functions/local/widget-call-assets.ts';

const outdir = fileURLToPath(new URL('../web/dist/widget-call', import.meta.url));
await build(callScriptBuildOptions(outdir));
for (const name of readdirSync(outdir).sort()) {
  const path = join(outdir, name);
  console.log(`widget-call/${name}: ${statSync(path).size} bytes, ${gzipSync(readFileSync(path), { level: 9 }).length} gzipped`);
}
