/**
 * The house esbuild options of every Lambda bundle, in one place: `CcFunction` maps them to
 * NodejsFunction's bundling props and `bench/lambda-bundles.bench.ts` to `esbuild.build`, so the
 * bundles the bench measures are the bundles CDK deploys.
 */
import path from 'node:path';
import { FUNCTIONS_DIR } from './paths.ts';

/**
 * Makes an ESM bundle able to load the CommonJS dependencies esbuild inlines (they call
 * `require('node:…')`, which an ES module does not have).
 */
export const ESM_REQUIRE_BANNER = "import { createRequire as __ccCreateRequire } from 'node:module'; const require = __ccCreateRequire(import.meta.url);";

/** What every Lambda bundle is built with (esbuild's names; the runtime is Node 24, `CcFunction`). */
export const LAMBDA_BUNDLING = {
  platform: 'node',
  /** Node 24, the functions' runtime: nothing is lowered. */
  target: 'node24',
  format: 'esm',
  banner: ESM_REQUIRE_BANNER,
  /** Prefer the ES module build of dependencies: better tree shaking. */
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  /** Stack traces keep file and line; the sources themselves stay out of the package. */
  sourcesContent: false,
  /** The exact SDK versions the tests ran against, not whatever the runtime ships: nothing is external. */
  external: [] as string[],
  /** Import paths replaced in every bundle: package → absolute path of the module that stands in for it. */
  alias: {
    // Lambda hands a function its role's credentials in the environment: the SDK's Node default chain
    // (profiles, SSO, process, web identity, instance metadata, and the STS/SSO clients) is dead weight there.
    '@aws-sdk/credential-provider-node': path.join(FUNCTIONS_DIR, 'adapters/aws/lambda-credentials.ts'),
    // `debug`'s optional colours (file-type's inflater logs through it): see the stand-in.
    'supports-color': path.join(FUNCTIONS_DIR, 'adapters/aws/no-terminal-colours.ts'),
  } as Record<string, string>,
} as const;

/** The options of `esbuild.build` that produce the bundle CDK deploys for `entry`, written to `outfile`. */
export function esbuildOptionsFor(entry: string, outfile: string) {
  const { banner, mainFields, external, alias, ...rest } = LAMBDA_BUNDLING;
  return {
    ...rest,
    entryPoints: [entry],
    outfile,
    bundle: true,
    banner: { js: banner },
    mainFields: [...mainFields],
    external: [...external],
    alias: { ...alias },
  };
}
