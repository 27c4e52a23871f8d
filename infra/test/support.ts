import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type AppConfig, readAppConfig } from '../lib/config.ts';
import { type ContactCenterStacks, createContactCenter } from '../lib/contact-center.ts';
import { REPO_ROOT } from '../lib/paths.ts';

/** The feature flags and defaults of `cdk.json`, so tests synthesize what `cdk synth` does. */
const CDK_CONTEXT: Record<string, unknown> = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/** A directory that never holds a built SPA: the web stack deploys its placeholder page. */
export const NO_WEB_DIST = path.join(tmpdir(), 'cc-infra-test-no-web-dist');

/** A stand-in for `web/dist`: tests neither depend on a web build nor zip a real one. */
export const FIXTURE_WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'web-dist');

export interface TestAppOptions {
  /** Run esbuild for the functions. Off by default: assertions on other stacks need no bundles. */
  readonly bundle?: boolean;
  readonly context?: Record<string, unknown>;
}

/** A fresh App with the project's context, stage `test`, no account or region, its own outdir. */
export function createTestApp(options: TestAppOptions = {}): App {
  return new App({
    outdir: mkdtempSync(path.join(tmpdir(), 'cc-infra-test-')),
    context: {
      ...CDK_CONTEXT,
      stage: 'test',
      webDistDir: FIXTURE_WEB_DIST,
      // No stack bundles its assets (NodejsFunction then stages a placeholder).
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  });
}

/** The app's configuration as `bin/app.ts` reads it, without the caller's AWS environment. */
export function testConfig(app: App): AppConfig {
  return readAppConfig(app, {});
}

export type Templates = { readonly [K in keyof ContactCenterStacks]: Template };

/** Builds every stack of one stage into a fresh app and synthesizes it once. */
export function synthContactCenter(options: TestAppOptions = {}): { app: App; stacks: ContactCenterStacks; templates: Templates } {
  const app = createTestApp(options);
  const stacks = createContactCenter(app, testConfig(app));
  const templates = Object.fromEntries(Object.entries(stacks).map(([key, stack]) => [key, Template.fromStack(stack)])) as unknown as Templates;
  return { app, stacks, templates };
}
