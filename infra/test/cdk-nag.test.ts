import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { createContactCenter } from '../lib/contact-center.ts';
import { createTestApp, testConfig } from './support.ts';

interface ValidationReport {
  pluginReports: { pluginName: string; violations?: { ruleName: string; severity?: string }[] }[];
}

/** Both shapes of a deployment: voice is a context flag (`-c voice=true`), off by default. */
const MODES: [string, Record<string, unknown>][] = [
  ['default (no voice)', {}],
  ['with -c voice=true', { voice: 'true', voicePhoneNumber: '+12065550143' }],
];

describe.each(MODES)('cdk-nag (AwsSolutions), %s', (_mode, context) => {
  const pack = new AwsSolutionsChecks();
  let assembly: CloudAssembly;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(() => {
    // Arrange: the app exactly as bin/app.ts builds it, with the pack registered once.
    app = createTestApp({ bundle: true, context });
    createContactCenter(app, testConfig(app));
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // Act: synthesis throws if the pack reports anything unacknowledged (cdk-nag 3 marks its report
    // failed for warnings too).
    assembly = app.synth();
  });

  it('leaves no unacknowledged error or warning', () => {
    const report = JSON.parse(readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8')) as ValidationReport;
    const findings = report.pluginReports
      .filter((plugin) => plugin.pluginName === 'AwsSolutions')
      .flatMap((plugin) => plugin.violations ?? []);
    expect(findings).toEqual([]);
    // The pack's own view of the finished tree, acknowledgements applied.
    expect(pack.validateScope(app).violations.map((violation) => `${violation.severity} ${violation.ruleName}`)).toEqual([]);
  });

  it('justifies every acknowledgement', () => {
    const reasons = app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((entry) => Object.values(entry.data as Record<string, string>));
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(40);
  });

  it('acknowledges SQS3 (no dead-letter queue) only on queues that are dead-letter destinations themselves', () => {
    const acknowledged = app.node
      .findAll()
      .filter((construct) => construct.node.metadata.some((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && Object.keys(entry.data as Record<string, string>).some((id) => id.endsWith('AwsSolutions-SQS3'))))
      .map((construct) => construct.node.path);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const constructPath of acknowledged) expect(constructPath).toMatch(/(FailureQueue|DeadLetterQueue)$/);
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('fails synthesis on an unacknowledged finding', () => {
    // Arrange
    const other = createTestApp();
    new Bucket(new Stack(other, 'Bare'), 'Bucket');
    Validations.of(other).addPlugins(new AwsSolutionsChecks(other));
    // Act + Assert
    expect(() => other.synth()).toThrow(/AwsSolutions-S1/);
  });
});
