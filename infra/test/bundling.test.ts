import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaCatalog } from '@cc/functions/catalog';
import { esbuildOptionsFor, LAMBDA_BUNDLING } from '../lib/bundling.ts';
import { CcFunction } from '../lib/constructs/cc-function.ts';
import { FUNCTIONS_DIR } from '../lib/paths.ts';
import { createTestApp } from './support.ts';

/** Text only the SDK's Node default chain holds: its debug line before trying SSO. */
const NODE_CHAIN_MARK = 'defaultProvider::fromSSO';
/** Text only the Lambda provider holds. */
const LAMBDA_PROVIDER_MARK = 'No AWS credentials: set AWS_ACCESS_KEY_ID';
const routingTimers = lambdaCatalog.find((definition) => definition.name === 'routing-timers')!;

describe('the house Lambda bundling', () => {
  it('replaces the Node credential chain with the Lambda provider', async () => {
    // Act
    const result = await build({ ...esbuildOptionsFor(path.join(FUNCTIONS_DIR, routingTimers.entry), 'out/index.mjs'), write: false, metafile: true, logLevel: 'silent' });
    // Assert
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain(path.relative(process.cwd(), LAMBDA_BUNDLING.alias['@aws-sdk/credential-provider-node']!));
    expect(inputs.filter((input) => /credential-provider-(node|ini|sso|process|web-identity)|nested-clients/.test(input))).toEqual([]);
  });

  describe('as CDK builds it', () => {
    let bundle: string;
    beforeAll(() => {
      // Arrange: one function, bundled by NodejsFunction from the options CcFunction maps.
      const app = createTestApp({ bundle: true });
      new CcFunction(new Stack(app, 'Bundling'), CcFunction.idFor(routingTimers), { definition: routingTimers });
      const outdir = app.synth().directory;
      const asset = readdirSync(outdir).find((name) => name.startsWith('asset.'))!;
      bundle = readFileSync(path.join(outdir, asset, 'index.mjs'), 'utf8');
    });

    it('uses the same alias', () => {
      // Booleans, so a failure does not print a megabyte of bundle.
      expect({ lambdaProvider: bundle.includes(LAMBDA_PROVIDER_MARK), nodeChain: bundle.includes(NODE_CHAIN_MARK) }).toEqual({ lambdaProvider: true, nodeChain: false });
    });

    it('keeps the ESM banner and minifies', () => {
      expect(bundle.startsWith(LAMBDA_BUNDLING.banner)).toBe(true);
      expect(bundle.split('\n').length).toBeLessThan(500);
    });
  });
});
