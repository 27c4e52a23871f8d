/**
 * Each catalogued Lambda bundle against its floor: a bundle built with the same house options that
 * holds only the AWS SDK clients that function calls. Size, gzip size and cold import time, each
 * with the floor as baseline, so the ratio shows what is ours (goal: cold import ≤ 1.5× the floor).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { lambdaCatalog } from '../functions/catalog.ts';
import { esbuildOptionsFor } from '../infra/lib/bundling.ts';
import type { BenchResult } from './types.ts';

const run = promisify(execFile);
const FUNCTIONS_DIR = fileURLToPath(new URL('../functions/', import.meta.url));
/** Cold imports per bundle (after one discarded warm-up of the file cache); the median is reported. */
const RUNS = 9;

type Client = 'dynamodb' | 'sqs' | 'kms' | 'apigatewaymanagementapi' | 'chime-sdk-meetings' | 'chime-sdk-voice' | 'cognito' | 's3' | 'sts' | 'sns' | 'sesv2';

/**
 * The SDK clients each function really calls, from its IAM grants (`infra/lib/stacks/api-stack.ts`
 * PROFILES, checked against the code by `infra/test/grants-contract.test.ts`): every one reads and
 * writes the table; KMS for channel secrets; the Management API to push; SQS to arm timers or queue deliveries.
 * The HTTP API and the stream processor also build the Chime SDK clients (`functions/composition/voice-adapters.ts`:
 * meetings for call audio, voice for the SIP media application's call control); the voice-sma function only the table.
 * The HTTP API also administers Cognito users, signs media links (S3) and issues transcription credentials (STS);
 * media-download writes the media bucket. The stream processor also sends alert SMS (SNS) and e-mail (SES).
 */
const CLIENTS: Record<string, readonly Client[]> = {
  'http-api': ['dynamodb', 'kms', 'apigatewaymanagementapi', 'sqs', 'chime-sdk-meetings', 'chime-sdk-voice', 'cognito', 's3', 'sts'],
  realtime: ['dynamodb', 'kms', 'apigatewaymanagementapi'],
  'stream-processor': ['dynamodb', 'kms', 'apigatewaymanagementapi', 'sqs', 'chime-sdk-meetings', 'chime-sdk-voice', 'sns', 'sesv2'],
  'routing-timers': ['dynamodb', 'sqs'],
  'message-delivery': ['dynamodb', 'kms', 'apigatewaymanagementapi', 'sqs'],
  'media-download': ['dynamodb', 'kms', 's3'],
  'voice-sma': ['dynamodb'],
};

const FLOOR_SOURCE: Record<Client, { imports: string; construct: string }> = {
  dynamodb: {
    imports: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    construct: 'DynamoDBDocumentClient.from(new DynamoDBClient({}))',
  },
  sqs: { imports: "import { SQSClient } from '@aws-sdk/client-sqs';", construct: 'new SQSClient({})' },
  kms: { imports: "import { KMSClient } from '@aws-sdk/client-kms';", construct: 'new KMSClient({})' },
  apigatewaymanagementapi: {
    imports: "import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';",
    construct: "new ApiGatewayManagementApiClient({ endpoint: 'https://example.execute-api.eu-central-1.amazonaws.com/live' })",
  },
  'chime-sdk-meetings': { imports: "import { ChimeSDKMeetingsClient } from '@aws-sdk/client-chime-sdk-meetings';", construct: 'new ChimeSDKMeetingsClient({})' },
  cognito: { imports: "import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';", construct: 'new CognitoIdentityProviderClient({})' },
  s3: { imports: "import { S3Client } from '@aws-sdk/client-s3';\nimport { getSignedUrl } from '@aws-sdk/s3-request-presigner';", construct: '[new S3Client({}), getSignedUrl]' },
  sts: { imports: "import { STSClient } from '@aws-sdk/client-sts';", construct: 'new STSClient({})' },
  // Built where a SIP media application is deployed (`SIP_MEDIA_APPLICATION_ID`); bundled either way.
  'chime-sdk-voice': { imports: "import { ChimeSDKVoiceClient } from '@aws-sdk/client-chime-sdk-voice';", construct: 'new ChimeSDKVoiceClient({})' },
  // Alert SMS and e-mail (the stream processor).
  sns: { imports: "import { SNSClient } from '@aws-sdk/client-sns';", construct: 'new SNSClient({})' },
  sesv2: { imports: "import { SESv2Client } from '@aws-sdk/client-sesv2';", construct: 'new SESv2Client({})' },
};

/** A handler module that builds only `clients`, at module scope as a minimal function would. */
function floorEntry(clients: readonly Client[]): string {
  return [
    ...clients.map((c) => FLOOR_SOURCE[c].imports),
    `const clients = [${clients.map((c) => FLOOR_SOURCE[c].construct).join(', ')}];`,
    'export const handler = async () => clients.length;',
  ].join('\n');
}

/**
 * Imports the bundle named on the command line and prints the CPU time (user + system, every thread of
 * the process) and the wall time the import took. Node's own start-up is left out: it is the same for both.
 */
const CHILD = `const cpu = process.cpuUsage();
const started = performance.now();
await import(process.argv[2]);
const wallMs = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, wallMs }));
process.exit(0);
`;

/** The environment Lambda sets (values are dummies; nothing is called at import). */
const LAMBDA_ENV = {
  PATH: process.env.PATH ?? '',
  NODE_OPTIONS: '--enable-source-maps',
  AWS_REGION: 'eu-central-1',
  AWS_DEFAULT_REGION: 'eu-central-1',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_ACCESS_KEY_ID: 'ASIABENCH',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SESSION_TOKEN: 'bench',
  CC_RUNTIME: 'aws',
  TABLE_NAME: 'bench-table',
  POWERTOOLS_SERVICE_NAME: 'bench',
  // Node 20 runs the bench; Lambda runs Node 24, where the SDK prints nothing.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

interface Bundle {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** CPU milliseconds of each cold import. */
  importMs: number[];
  /** Wall milliseconds of each cold import (notes only: on a shared machine they measure the neighbours). */
  wallMs: number[];
}

/** Builds `entry` (a file, or generated source resolved from `functions/`) with the house options. */
async function bundle(entry: string | { source: string }, outfile: string): Promise<Bundle> {
  if (typeof entry === 'string') await build({ ...esbuildOptionsFor(entry, outfile), logLevel: 'error' });
  else {
    const { entryPoints: _none, ...options } = esbuildOptionsFor('', outfile);
    // Resolved from the functions workspace, so the floor gets the same SDK versions as the function.
    await build({ ...options, stdin: { contents: entry.source, resolveDir: FUNCTIONS_DIR, loader: 'ts', sourcefile: 'floor.ts' }, logLevel: 'error' });
  }
  const code = readFileSync(outfile);
  return { file: outfile, bytes: code.length, gzipBytes: gzipSync(code).length, importMs: [], wallMs: [] };
}

async function coldImport(child: string, b: Bundle, record = true): Promise<void> {
  const { stdout } = await run(process.execPath, [child, pathToFileURL(b.file).href], { env: LAMBDA_ENV });
  const { cpuMs, wallMs } = JSON.parse(stdout) as { cpuMs: number; wallMs: number };
  if (!record) return;
  b.importMs.push(cpuMs);
  b.wallMs.push(wallMs);
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = (value: number, baseline: number) => Number((value / baseline).toFixed(3));

export default async function (): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-lambda-bundles-'));
  const load = `load average ${loadavg()[0]!.toFixed(2)} before`;
  try {
    const child = join(dir, 'child.mjs');
    writeFileSync(child, CHILD);
    const results: BenchResult[] = [];
    for (const definition of lambdaCatalog) {
      const clients = CLIENTS[definition.name];
      if (!clients) throw new Error(`bench/lambda-bundles.bench.ts: name the SDK clients of ${definition.name} in CLIENTS`);
      const fn = await bundle(join(FUNCTIONS_DIR, definition.entry), join(dir, `${definition.name}.mjs`));
      const floor = await bundle({ source: floorEntry(clients) }, join(dir, `${definition.name}.floor.mjs`));
      await coldImport(child, fn, false);
      await coldImport(child, floor, false);
      // Interleaved, alternating which goes first, so machine load favours neither.
      for (let i = 0; i < RUNS; i++) {
        for (const b of i % 2 === 0 ? [floor, fn] : [fn, floor]) await coldImport(child, b);
      }
      const name = `lambda.${definition.name}`;
      const floorOf = `the floor (${clients.join(', ')} clients only, same options)`;
      const fnMs = Number(median(fn.importMs).toFixed(1));
      const floorMs = Number(median(floor.importMs).toFixed(1));
      results.push(
        { name: `${name}.bundle-size`, value: fn.bytes, unit: 'bytes', baseline: floor.bytes, ratio: ratio(fn.bytes, floor.bytes), notes: `Minified ESM bundle of functions/${definition.entry} with the house options (infra/lib/bundling.ts), source map not counted, against ${floorOf}.` },
        { name: `${name}.bundle-gzip`, value: fn.gzipBytes, unit: 'bytes', baseline: floor.gzipBytes, ratio: ratio(fn.gzipBytes, floor.gzipBytes), notes: `The same bundle gzipped (zlib, default level), against ${floorOf}.` },
        {
          name: `${name}.cold-import`,
          value: fnMs,
          unit: 'ms',
          baseline: floorMs,
          ratio: ratio(fnMs, floorMs),
          notes:
            `CPU time (user + system) of await import() of the bundle in a fresh node process with Lambda's environment (NODE_OPTIONS=--enable-source-maps), ` +
            `measured inside the child around the import (Node's own start-up excluded: the same for both); median of ${RUNS}, interleaved with ${floorOf}. ` +
            `CPU rather than wall time: on a dedicated Lambda core they agree, on this shared machine wall time mostly measures the neighbours ` +
            `(wall medians here: ${median(fn.wallMs).toFixed(0)} ms vs ${median(floor.wallMs).toFixed(0)} ms). Goal: ratio ≤ 1.5. Node ${process.versions.node}, ${load}, ${loadavg()[0]!.toFixed(2)} after.`,
        },
      );
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
