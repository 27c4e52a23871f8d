/**
 * The widget's call script (web/src/widget-call/call.ts): one esbuild configuration for both places it is
 * served from. The local server builds it in memory on first request (so it is never stale and needs no
 * console build); `scripts/build-widget-call.ts` writes it into `web/dist/widget-call/`, which the web stack
 * uploads with the console and CloudFront serves (AWS). ES modules with splitting: `call.js` is the entry,
 * and each audio client (local WebRTC, the Chime SDK) is a chunk loaded only for a ticket of its provider.
 * Local runtime and build scripts only: no Lambda imports this (bench/lambda-bundles.bench.ts).
 */
import { build, type BuildOptions } from 'esbuild';
import { Hono } from 'hono';
import { fileURLToPath } from 'node:url';

/** The URL path the call script is served under (locally on the API's host; in AWS on the console's distribution). */
export const WIDGET_CALL_PATH = '/widget-call';

const entry = fileURLToPath(new URL('../../web/src/widget-call/call.ts', import.meta.url));

/** The build of the call script: minified ES2020 modules, the entry as `call.js`, chunks content-hashed. */
export function callScriptBuildOptions(outdir: string): BuildOptions {
  return {
    entryPoints: { call: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // Spelled out on purpose: with the default, esbuild resolves a require()'d package (the Chime SDK's) by `main`,
    // the AWS SDK's Node build, whose credential providers need node: modules; `module` keeps its browser map.
    mainFields: ['browser', 'module', 'main'],
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    chunkNames: 'chunk-[hash]',
    logLevel: 'silent',
  };
}

/** The built files by name (`call.js`, `chunk-….js`), in memory. */
export async function buildCallScript(): Promise<Map<string, Uint8Array>> {
  const outdir = '/widget-call';
  const result = await build({ ...callScriptBuildOptions(outdir), write: false });
  return new Map(result.outputFiles.map((f) => [f.path.slice(outdir.length + 1), f.contents]));
}

/**
 * `GET /widget-call/:file`: the call script for widgets on any allowed page. Module scripts load in CORS
 * mode, so every file says any origin may read it (it is public code, like widget.js).
 */
export function widgetCallRoutes() {
  let files: Promise<Map<string, Uint8Array>> | undefined;
  return new Hono().get(`${WIDGET_CALL_PATH}/:file`, async (c) => {
    files ??= buildCallScript().catch((error: unknown) => {
      files = undefined;
      throw error;
    });
    const file = (await files).get(c.req.param('file'));
    if (!file) return c.notFound();
    return c.body(file as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
    });
  });
}
