import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { ContactCenterStacks } from '../lib/contact-center.ts';
import { PROMPT_FILES } from '@cc/functions/voice/prompts';
import { MEETING_ACTIONS, SMA_CALL_ACTIONS } from '../lib/constructs/call-grants.ts';
import { TRANSCRIBE_STREAMING_ACTIONS } from '../lib/constructs/transcription-role.ts';
import { VOICE_PROMPTS_DIR } from '../lib/paths.ts';
import { createTestApp, synthContactCenter, testConfig, type Templates } from './support.ts';

const NUMBER = '+12065550143';
const VOICE_CONTEXT = { voice: 'true', voicePhoneNumber: NUMBER, voiceRecordingRetentionDays: 30 };

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: Record<string, Record<string, unknown>> };

const idIn = (stack: Stack, construct: IConstruct) => stack.getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);

/** Every statement of the IAM policies attached to `role` in `template`. */
function statementsOfRole(template: Template, roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

/** An AwsCustomResource's `Create`/`Update`/`Delete` call, with each CloudFormation token shown as `<logicalId>` or `<logicalId.attribute>`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Template.findResources answers untyped JSON
function sdkCall(resource: { [key: string]: any }, event: 'Create' | 'Update' | 'Delete') {
  const value = (resource['Properties'] as Record<string, unknown>)[event] as string | { 'Fn::Join': [string, unknown[]] };
  const text =
    typeof value === 'string'
      ? value
      : value['Fn::Join'][1]
          .map((part) => {
            if (typeof part === 'string') return part;
            const token = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
            return token.Ref ? `<${token.Ref}>` : `<${token['Fn::GetAtt']!.join('.')}>`;
          })
          .join('');
  return JSON.parse(text) as { service: string; action: string; parameters: Record<string, unknown>; physicalResourceId?: unknown; outputPaths?: string[] };
}

describe('VoiceStack (-c voice=true)', () => {
  let stacks: ContactCenterStacks;
  let templates: Templates;
  let voice: Template;
  let outdir: string;
  beforeAll(() => {
    // Bundles only the voice stack: its function is the one these tests load.
    const synthesized = synthContactCenter({ context: { ...VOICE_CONTEXT, 'aws:cdk:bundling-stacks': ['cc-test-voice'] } });
    stacks = synthesized.stacks;
    templates = synthesized.templates;
    voice = templates.voice!;
    outdir = synthesized.app.outdir;
  });

  const voiceStack = () => stacks.voice!;
  const smaResource = () => Object.values(voice.findResources('Custom::SipMediaApplication'))[0]!;
  const smaLogicalId = () => Object.keys(voice.findResources('Custom::SipMediaApplication'))[0]!;
  const functionId = () => idIn(voiceStack(), voiceStack().voiceFunction);
  const bucketId = (bucket: IConstruct) => idIn(voiceStack(), bucket);

  it('is its own stack, cc-<stage>-voice, deployed before the API stack', () => {
    expect(voiceStack().stackName).toBe('cc-test-voice');
    expect(stacks.api.dependencies).toContain(voiceStack());
  });

  it('creates, updates and deletes the SIP media application through the Chime SDK Voice API, with the id from the answer', () => {
    const sma = smaResource();
    expect(sdkCall(sma, 'Create')).toEqual({
      service: '@aws-sdk/client-chime-sdk-voice',
      action: 'createSipMediaApplication',
      parameters: { AwsRegion: '<AWS::Region>', Name: 'cc-test-voice', Endpoints: [{ LambdaArn: `<${functionId()}.Arn>` }] },
      physicalResourceId: { responsePath: 'SipMediaApplication.SipMediaApplicationId' },
      outputPaths: ['SipMediaApplication.SipMediaApplicationId'],
    });
    expect(sdkCall(sma, 'Update')).toMatchObject({ action: 'updateSipMediaApplication', parameters: { SipMediaApplicationId: 'PHYSICAL:RESOURCEID:', Endpoints: [{ LambdaArn: `<${functionId()}.Arn>` }] } });
    expect(sdkCall(sma, 'Delete')).toMatchObject({ action: 'deleteSipMediaApplication', parameters: { SipMediaApplicationId: 'PHYSICAL:RESOURCEID:' } });
  });

  it('routes the configured number to the SMA with a ToPhoneNumber SIP rule, disabled before it is deleted', () => {
    const [ruleId, rule] = Object.entries(voice.findResources('Custom::SipRule'))[0]!;
    expect(ruleId).toContain('12065550143');
    expect(sdkCall(rule, 'Create')).toEqual({
      service: '@aws-sdk/client-chime-sdk-voice',
      action: 'createSipRule',
      parameters: {
        Name: 'cc-test-voice-12065550143',
        TriggerType: 'ToPhoneNumber',
        TriggerValue: NUMBER,
        Disabled: false,
        TargetApplications: [{ SipMediaApplicationId: `<${smaLogicalId()}.SipMediaApplication.SipMediaApplicationId>`, Priority: 1, AwsRegion: '<AWS::Region>' }],
      },
      physicalResourceId: { responsePath: 'SipRule.SipRuleId' },
      outputPaths: ['SipRule.SipRuleId'],
    });
    expect(sdkCall(rule, 'Delete')).toMatchObject({ action: 'deleteSipRule', parameters: { SipRuleId: 'PHYSICAL:RESOURCEID:' } });
    // Deleted first, as it depends on the rule: disables it.
    const disabler = Object.values(voice.findResources('Custom::SipRuleDisable'))[0]!;
    expect(sdkCall(disabler, 'Delete')).toMatchObject({ action: 'updateSipRule', parameters: { SipRuleId: `<${ruleId}.SipRule.SipRuleId>`, Disabled: true } });
  });

  it('associates the number with SMAs (product type) before the SIP rule names it, and leaves it on delete', () => {
    const [numberId, number] = Object.entries(voice.findResources('Custom::PhoneNumberProductType'))[0]!;
    const call = { service: '@aws-sdk/client-chime-sdk-voice', action: 'updatePhoneNumber', parameters: { PhoneNumberId: NUMBER, ProductType: 'SipMediaApplicationDialIn' } };
    expect(sdkCall(number, 'Create')).toMatchObject(call);
    expect(sdkCall(number, 'Update')).toMatchObject(call);
    expect(number.Properties.Delete).toBeUndefined();
    expect(Object.values(voice.findResources('Custom::SipRule'))[0]!.DependsOn).toContain(numberId);
  });

  it('lets the voice function seat a dialled callee in a meeting of this account, nothing wider', () => {
    const policies = Object.values(voice.findResources('AWS::IAM::Policy')).filter((policy) => JSON.stringify(policy).includes('chime:CreateAttendee'));
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]).filter((s) => JSON.stringify(s).includes('chime:CreateAttendee'));
    expect(new Set(actionsOf(statements))).toEqual(new Set(MEETING_ACTIONS));
    expect(JSON.stringify(statements.map((s) => s.Resource))).toContain(':meeting/*');
  });

  it('gives the custom resources only the Chime SDK Voice actions they call, scoped where IAM allows', () => {
    // The function's meeting grant (a dialled callee's seat) is the next test's.
    const policies = Object.values(voice.findResources('AWS::IAM::Policy')).filter((policy) => JSON.stringify(policy).includes('chime:') && !JSON.stringify(policy).includes('chime:CreateAttendee'));
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    expect(new Set(actionsOf(statements))).toEqual(
      new Set([
        'chime:CreateSipMediaApplication',
        'chime:UpdateSipMediaApplication',
        'chime:DeleteSipMediaApplication',
        'lambda:GetPolicy',
        'chime:UpdatePhoneNumber',
        'chime:CreateSipRule',
        'chime:UpdateSipRule',
        'chime:DeleteSipRule',
        'chime:GetSipRule',
      ]),
    );
    const smaChanges = statements.find((s) => actionsOf([s]).includes('chime:DeleteSipMediaApplication'))!;
    expect(JSON.stringify(smaChanges.Resource)).toContain(':sma/*');
    const getPolicy = statements.find((s) => actionsOf([s]).includes('lambda:GetPolicy'))!;
    expect(getPolicy.Resource).toEqual({ 'Fn::GetAtt': [functionId(), 'Arn'] });
  });

  it('lets only the Chime voice service of this account invoke the function, before the SMA is created', () => {
    const permissions = voice.findResources('AWS::Lambda::Permission');
    expect(Object.values(permissions).map((p) => p.Properties)).toEqual([
      { Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': [functionId(), 'Arn'] }, Principal: 'voiceconnector.chime.amazonaws.com', SourceAccount: { Ref: 'AWS::AccountId' } },
    ]);
    expect(smaResource().DependsOn).toEqual(expect.arrayContaining(Object.keys(permissions)));
  });

  it.each(['promptsBucket', 'recordingsBucket'] as const)('keeps the %s private, SSE-S3 encrypted, TLS-only and access-logged', (name) => {
    const id = bucketId(voiceStack()[name]);
    voice.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
      }),
    });
    expect(voice.findResources('AWS::S3::Bucket')[id]).toBeDefined();
    voice.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('expires recordings after the configured days', () => {
    const bucket = voice.findResources('AWS::S3::Bucket')[bucketId(voiceStack().recordingsBucket)]!;
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 30 })]);
  });

  it.each([
    ['promptsBucket', ['s3:GetObject']],
    ['recordingsBucket', ['s3:PutObject', 's3:PutObjectAcl']],
  ] as const)('lets the Chime voice service reach the %s only for this account and this SMA', (name, actions) => {
    const policy = Object.values(voice.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: bucketId(voiceStack()[name]) } } }))[0]!;
    const granted = (policy.Properties.PolicyDocument.Statement as Statement[]).filter((s) => JSON.stringify(s.Principal).includes('voiceconnector.chime.amazonaws.com'));
    expect(granted).toHaveLength(1);
    expect([granted[0]!.Action].flat()).toEqual(actions);
    expect(granted[0]!.Condition!['StringEquals']).toEqual({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } });
    const sourceArn = JSON.stringify(granted[0]!.Condition!['ArnEquals']!['aws:SourceArn']);
    expect(sourceArn).toContain(':sma/');
    expect(sourceArn).toContain(`"${smaLogicalId()}","SipMediaApplication.SipMediaApplicationId"`);
  });

  it('uploads the shipped prompts and never prunes the bucket, which holds tenants\' prompts too', () => {
    voice.hasResourceProperties('Custom::CDKBucketDeployment', { Prune: false, DestinationBucketName: { Ref: bucketId(voiceStack().promptsBucket) } });
    expect(JSON.stringify(voice.findResources('Custom::CDKBucketDeployment'))).not.toContain('DestinationBucketKeyPrefix');
  });

  it.each(Object.entries(PROMPT_FILES))('ships the %s prompt at the key and with the duration the voice function plays it for', (_id, file) => {
    const wav = readFileSync(path.join(VOICE_PROMPTS_DIR, file.key));
    // Seconds of 8 kHz 16-bit mono PCM: the data chunk's size over 16,000 bytes a second.
    expect(wav.readUInt32LE(40) / 16_000).toBe(file.durationSeconds);
  });

  it('builds the voice function like the others, with the table and both buckets in its environment', () => {
    voice.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 5,
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'voice-sma',
          TABLE_NAME: Match.anyValue(),
          VOICE_PROMPTS_BUCKET: { Ref: bucketId(voiceStack().promptsBucket) },
          VOICE_RECORDINGS_BUCKET: { Ref: bucketId(voiceStack().recordingsBucket) },
        }),
      },
    });
  });

  it('grants the voice function the table, recordings get and put, and Transcribe streaming, nothing on prompts', () => {
    const statements = statementsOfRole(voice, idIn(voiceStack(), voiceStack().voiceFunction.executionRole));
    const actions = actionsOf(statements);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 's3:GetObject', 's3:PutObject', 'transcribe:StartStreamTranscription', 'transcribe:StartStreamTranscriptionWebSocket']));
    expect(actions.filter((action) => action.startsWith('s3:')).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    const s3 = statements.find((s) => actionsOf([s]).includes('s3:PutObject'))!;
    expect(JSON.stringify(s3.Resource)).toContain(bucketId(voiceStack().recordingsBucket));
  });

  it('outputs the SMA id and the numbers', () => {
    voice.hasOutput('SipMediaApplicationId', { Value: { 'Fn::GetAtt': [smaLogicalId(), 'SipMediaApplication.SipMediaApplicationId'] } });
    voice.hasOutput('PhoneNumbers', { Value: NUMBER });
  });

  it('leaves the voice function out of the API stack', () => {
    expect(stacks.api.functions.has('voice-sma')).toBe(false);
    expect(JSON.stringify(templates.api.findResources('AWS::Lambda::Function'))).not.toContain('voice-sma');
  });

  describe('grants on the API functions', () => {
    const statementsOf = (name: string) => statementsOfRole(templates.api, idIn(stacks.api, stacks.api.functions.get(name)!.executionRole));
    const envOf = (name: string) =>
      (templates.api.findResources('AWS::Lambda::Function')[idIn(stacks.api, stacks.api.functions.get(name)!)]!.Properties.Environment.Variables as Record<string, unknown>);

    it.each(['stream-processor', 'routing-timers'])('lets %s create and update calls on this SMA only', (name) => {
      const sma = statementsOf(name).filter((s) => actionsOf([s]).some((action) => SMA_CALL_ACTIONS.includes(action)));
      expect(sma).toHaveLength(1);
      expect(actionsOf(sma).sort()).toEqual([...SMA_CALL_ACTIONS].sort());
      const resource = JSON.stringify(sma[0]!.Resource);
      expect(resource).toContain(':sma/');
      // The voice stack's output of the SMA id (the API stack reads it across stacks).
      const smaIdOutput = /"StackName":"cc-test-voice".*SipMediaApplicationId/;
      expect(resource).toMatch(smaIdOutput);
      expect(resource).not.toContain('*');
      expect(JSON.stringify(envOf(name)['SIP_MEDIA_APPLICATION_ID'])).toMatch(smaIdOutput);
    });

    it('gives SMA call rights to no other function', () => {
      for (const name of ['http-api', 'realtime', 'message-delivery']) expect(actionsOf(statementsOf(name)).filter((a) => SMA_CALL_ACTIONS.includes(a))).toEqual([]);
    });

    it('lets http-api read recordings (presigned links), and nothing else of the bucket', () => {
      // The media bucket's grants (customers' and agents' files) are statements of their own.
      const s3 = statementsOf('http-api').filter((s) => actionsOf([s]).some((action) => action.startsWith('s3:')) && JSON.stringify(s.Resource).includes('cc-test-rec-'));
      expect(s3).toHaveLength(1);
      expect(actionsOf(s3)).toEqual(['s3:GetObject']);
      expect(JSON.stringify(s3[0]!.Resource)).toContain('cc-test-rec-');
      expect(JSON.stringify(envOf('http-api')['VOICE_RECORDINGS_BUCKET'])).toContain('cc-test-rec-');
    });

    it('raises error and throttle alarms for the voice function', () => {
      const alarms = Object.values(templates.monitoring.findResources('AWS::CloudWatch::Alarm')).filter((alarm) => JSON.stringify(alarm.Properties.AlarmDescription).startsWith('"voice-sma:'));
      expect(alarms.map((alarm) => alarm.Properties.MetricName).sort()).toEqual(['Errors', 'Throttles']);
    });
  });

  describe('bundle', () => {
    const bundleDir = () => {
      const code = voice.findResources('AWS::Lambda::Function')[functionId()]!.Properties.Code as { S3Key: string };
      return path.join(outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    };

    it('loads under Node and exports its handler', () => {
      const url = pathToFileURL(path.join(bundleDir(), 'index.mjs')).href;
      const output = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(url)}); console.log(typeof m.handler);`], { encoding: 'utf8' });
      expect(output.trim()).toBe('function');
    });

    it('carries no local-only code', () => {
      const map = JSON.parse(readFileSync(path.join(bundleDir(), 'index.mjs.map'), 'utf8')) as { sources: string[] };
      expect(map.sources.filter((source) => /functions\/local\/|(^|\/)local-[^/]*$/.test(source))).toEqual([]);
    });
  });
});

describe('changing the number', () => {
  it('makes a new SIP rule (a new logical id) while the SMA stays, as a rule\'s trigger cannot change in place', () => {
    const idsFor = (voicePhoneNumber: string) => {
      const voice = synthContactCenter({ context: { ...VOICE_CONTEXT, voicePhoneNumber } }).templates.voice!;
      return { sma: Object.keys(voice.findResources('Custom::SipMediaApplication')), rule: Object.keys(voice.findResources('Custom::SipRule')) };
    };
    const before = idsFor(NUMBER);
    const after = idsFor('+12065550199');
    expect(after.sma).toEqual(before.sma);
    expect(after.rule).toHaveLength(1);
    expect(after.rule).not.toEqual(before.rule);
  });
});

describe('meetings grants (every deployment)', () => {
  it.each([
    ['without voice', {}],
    ['with voice', VOICE_CONTEXT],
  ])('let http-api and stream-processor run Chime SDK meetings in the meetings region, %s', (_mode, context) => {
    const { stacks, templates } = synthContactCenter({ context: { ...context, chimeMeetingsRegion: 'us-east-1' } });
    for (const name of ['http-api', 'stream-processor']) {
      const fn = stacks.api.functions.get(name)!;
      const meetings = statementsOfRole(templates.api, idIn(stacks.api, fn.executionRole)).filter((s) => actionsOf([s]).includes('chime:CreateMeeting'));
      expect(meetings).toHaveLength(1);
      expect(actionsOf(meetings).sort()).toEqual([...MEETING_ACTIONS].sort());
      expect(JSON.stringify(meetings[0]!.Resource)).toMatch(/arn:.*:chime:us-east-1:.*:meeting\/\*/);
      expect(templates.api.findResources('AWS::Lambda::Function')[idIn(stacks.api, fn)]!.Properties.Environment.Variables.CHIME_MEETINGS_REGION).toBe('us-east-1');
    }
    for (const name of ['realtime', 'routing-timers', 'message-delivery']) {
      expect(JSON.stringify(statementsOfRole(templates.api, idIn(stacks.api, stacks.api.functions.get(name)!.executionRole)))).not.toContain('chime:CreateMeeting');
    }
  });
});

describe('without -c voice=true', () => {
  let stacks: ContactCenterStacks;
  let templates: Templates;
  beforeAll(() => {
    ({ stacks, templates } = synthContactCenter());
  });

  // Call transcription in the browser is in every deployment.
  it('has a transcription role only the http-api function may assume, allowed nothing but Transcribe streaming', () => {
    const http = stacks.api.functions.get('http-api')!;
    const roleId = idIn(stacks.api, stacks.api.transcriptionRole);
    const trust = (templates.api.findResources('AWS::IAM::Role')[roleId]!.Properties.AssumeRolePolicyDocument.Statement as Statement[]);
    expect(trust).toEqual([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: { 'Fn::GetAtt': [idIn(stacks.api, http.executionRole), 'Arn'] } } }]);
    expect(statementsOfRole(templates.api, roleId)).toEqual([{ Effect: 'Allow', Action: [...TRANSCRIBE_STREAMING_ACTIONS].sort(), Resource: '*' }]);
    expect(templates.api.findResources('AWS::IAM::Role')[roleId]!.Properties.MaxSessionDuration).toBe(3600);
  });

  it('lets http-api alone assume it, and names it in TRANSCRIBE_ROLE_ARN', () => {
    const roleArn = { 'Fn::GetAtt': [idIn(stacks.api, stacks.api.transcriptionRole), 'Arn'] };
    for (const [name, fn] of stacks.api.functions) {
      const assumes = statementsOfRole(templates.api, idIn(stacks.api, fn.executionRole)).filter((s) => actionsOf([s]).includes('sts:AssumeRole'));
      const variables = templates.api.findResources('AWS::Lambda::Function')[idIn(stacks.api, fn)]!.Properties.Environment.Variables;
      if (name === 'http-api') {
        expect(assumes).toEqual([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }]);
        expect(variables.TRANSCRIBE_ROLE_ARN).toEqual(roleArn);
        expect(variables.TRANSCRIBE_REGION).toBeDefined();
      } else {
        expect(assumes).toEqual([]);
        expect(variables.TRANSCRIBE_ROLE_ARN).toBeUndefined();
      }
    }
  });

  it('has no voice stack, no SMA, SIP rule or number resources', () => {
    expect(stacks.voice).toBeUndefined();
    for (const template of Object.values(templates)) {
      const json = JSON.stringify(template!.toJSON());
      expect(json).not.toMatch(/Custom::SipMediaApplication|Custom::SipRule|Custom::PhoneNumberProductType|SipMediaApplication|voiceconnector/);
    }
  });

  it('grants no SMA calls and no recordings, and sets no SMA id', () => {
    const json = JSON.stringify(templates.api.toJSON());
    for (const action of SMA_CALL_ACTIONS) expect(json).not.toContain(action);
    expect(json).not.toContain('SIP_MEDIA_APPLICATION_ID');
    expect(json).not.toContain('VOICE_RECORDINGS_BUCKET');
  });

  it('deploys no voice-sma function and no alarms for it', () => {
    expect(stacks.api.functions.has('voice-sma')).toBe(false);
    expect(JSON.stringify(templates.api.findResources('AWS::Lambda::Function'))).not.toContain('voice-sma');
    expect(JSON.stringify(templates.monitoring.toJSON())).not.toContain('voice-sma');
  });

  it('fails synthesis with voice=true and no phone number, naming the context key', () => {
    const app = createTestApp({ context: { voice: 'true' } });
    expect(() => testConfig(app)).toThrow(/"voice=true" needs "voicePhoneNumber"/);
  });
});
