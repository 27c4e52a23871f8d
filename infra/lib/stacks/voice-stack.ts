import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, Policy, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { lambdaCatalog } from '@cc/functions/catalog';
import { CcFunction } from '../constructs/cc-function.ts';
import { accessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { CALL_GRANT_WILDCARDS, grantMeetings } from '../constructs/call-grants.ts';
import { SipMediaApplication } from '../constructs/sip-media-application.ts';
import { acknowledgeWildcards } from '../nag.ts';
import { VOICE_PROMPTS_DIR } from '../paths.ts';
import { PROFILES } from '../profiles.ts';
import { acknowledgeDeploymentProvider } from './web-stack.ts';

/** The service principal of Chime SDK PSTN audio: it invokes the SMA's function and reads and writes its audio in S3. */
export const CHIME_VOICE_PRINCIPAL = 'voiceconnector.chime.amazonaws.com';

/** Transcribe streaming, which the voice function opens for live call transcripts. */
export const TRANSCRIBE_STREAMING_ACTIONS = ['transcribe:StartStreamTranscription', 'transcribe:StartStreamTranscriptionWebSocket'];

/**
 * The recordings bucket's name, computed alike by this stack and the API stack, so the API stack's grant is a plain
 * ARN (no cross-stack token inside a wildcard resource). At most 55 characters for a 20-character stage.
 */
export function recordingsBucketName(stage: string): string {
  return `cc-${stage}-rec-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/** Props of {@link VoiceStack}. */
export interface VoiceStackProps extends StackProps {
  readonly stage: string;
  readonly table: ITable;
  /** The account's existing Chime SDK number (E.164) routed to the SMA. */
  readonly phoneNumber: string;
  /** Days before S3 expires a recording. */
  readonly recordingRetentionDays: number;
  /** Where Chime SDK meetings are hosted (the callee of a dialled callback gets a seat in one); default: this region. */
  readonly chimeMeetingsRegion?: string;
}

/**
 * PSTN voice (only with `-c voice=true`): the `sip-media-application` function of the catalog, the SIP media
 * application that invokes it and the SIP rule of the configured number, the prompts the SMA plays and the bucket
 * it records into. Between the data and the API stacks: the API's functions get the SMA id and the recordings.
 */
export class VoiceStack extends Stack {
  /** The voice function. */
  readonly voiceFunction: CcFunction;
  /** The voice function by catalog name, as the monitoring stack takes functions. */
  readonly functions: ReadonlyMap<string, CcFunction>;
  readonly sipMediaApplication: SipMediaApplication;
  readonly promptsBucket: Bucket;
  readonly recordingsBucket: Bucket;

  constructor(scope: Construct, id: string, props: VoiceStackProps) {
    super(scope, id, props);

    const definitions = lambdaCatalog.filter((definition) => definition.trigger === 'sip-media-application');
    if (definitions.length !== 1) throw new Error(`functions/catalog.ts must hold exactly one "sip-media-application" function, found ${definitions.length}`);
    const definition = definitions[0]!;
    const profile = PROFILES[definition.trigger];

    const logs = accessLogsBucket(this, { logsOf: 'the prompts and recordings buckets' });

    // SSE-S3 for both: the PSTN audio docs give the voice principal S3 permissions only (GetObject to play,
    // PutObject and PutObjectAcl to record) and document no KMS grant for it, so a customer-managed key could
    // silently break playback and recording; S3 still encrypts every object at rest (AES-256).
    this.promptsBucket = new Bucket(this, 'PromptsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/prompts/',
    });
    this.recordingsBucket = new Bucket(this, 'RecordingsBucket', {
      bucketName: recordingsBucketName(props.stage),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // The documented recording grant includes s3:PutObjectAcl, so ACLs stay enabled; the bucket owner owns objects.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [
        { id: 'expire-recordings', expiration: Duration.days(props.recordingRetentionDays), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/recordings/',
    });

    this.voiceFunction = new CcFunction(this, CcFunction.idFor(definition), {
      definition,
      memorySize: profile.memorySize,
      timeout: profile.timeout,
      environment: { VOICE_PROMPTS_BUCKET: this.promptsBucket.bucketName, VOICE_RECORDINGS_BUCKET: this.recordingsBucket.bucketName },
    });
    this.voiceFunction.bindTable(props.table, profile.table);
    this.functions = new Map([[definition.name, this.voiceFunction]]);
    // Recordings: the function starts them and reads them back (transcripts, voicemail); it never lists or deletes.
    this.voiceFunction.executionRole.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:GetObject', 's3:PutObject'], resources: [this.recordingsBucket.arnForObjects('*')] }),
    );
    // Transcribe streaming has no resource-level permissions: a policy of its own, like tracing, so its one
    // acknowledged wildcard cannot cover a wildcard granted later through the default policy.
    const transcribe = new Policy(this, 'VoiceTranscribePolicy', {
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: TRANSCRIBE_STREAMING_ACTIONS, resources: ['*'] })],
    });
    this.voiceFunction.executionRole.attachInlinePolicy(transcribe);
    acknowledgeWildcards(transcribe, [
      {
        finding: /^Resource::\*$/,
        actions: TRANSCRIBE_STREAMING_ACTIONS,
        reason: 'Transcribe streaming (StartStreamTranscription and its WebSocket form) supports no resource-level permissions; this policy holds nothing else.',
      },
    ]);
    // A dialled callback's callee gets a seat (an attendee) in the contact's meeting on the call's first event.
    grantMeetings(this.voiceFunction, props.chimeMeetingsRegion ?? this.region);
    acknowledgeWildcards(this.voiceFunction.executionRole.node.findChild('DefaultPolicy'), [
      CALL_GRANT_WILDCARDS[0]!,
      {
        finding: /^Resource::<RecordingsBucket[0-9A-F]{8}\.Arn>\/\*$/,
        actions: ['s3:GetObject', 's3:PutObject'],
        reason: 'Recording keys are made per call at run time; the grant is get and put on the objects of the recordings bucket only (no list, no delete).',
      },
    ]);

    // Only the Chime voice service of this account may invoke the function (the SMA does not exist yet, so no SourceArn).
    const invokePermissionId = 'ChimeVoiceInvoke';
    this.voiceFunction.addPermission(invokePermissionId, {
      principal: new ServicePrincipal(CHIME_VOICE_PRINCIPAL),
      action: 'lambda:InvokeFunction',
      sourceAccount: this.account,
    });

    this.sipMediaApplication = new SipMediaApplication(this, 'SipMediaApplication', {
      name: `cc-${props.stage}-voice`,
      handler: this.voiceFunction,
      phoneNumber: props.phoneNumber,
    });
    // The service checks its invoke permission when the SMA is created.
    this.sipMediaApplication.node.addDependency(this.voiceFunction.node.findChild(invokePermissionId));

    // The voice principal acts only for this account's SMA.
    const fromThisSma = {
      StringEquals: { 'aws:SourceAccount': this.account },
      ArnEquals: { 'aws:SourceArn': this.sipMediaApplication.sipMediaApplicationArn },
    };
    this.promptsBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'ChimeVoicePlaysPrompts',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal(CHIME_VOICE_PRINCIPAL)],
        actions: ['s3:GetObject'],
        resources: [this.promptsBucket.arnForObjects('*')],
        conditions: fromThisSma,
      }),
    );
    this.recordingsBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'ChimeVoiceWritesRecordings',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal(CHIME_VOICE_PRINCIPAL)],
        actions: ['s3:PutObject', 's3:PutObjectAcl'],
        resources: [this.recordingsBucket.arnForObjects('*')],
        conditions: fromThisSma,
      }),
    );

    // The shipped prompts at the keys functions/voice/prompts.ts names (`hold-music.wav`). Never pruned: tenants'
    // recorded greetings share the bucket.
    const prompts = new BucketDeployment(this, 'DeployPrompts', {
      sources: [Source.asset(VOICE_PROMPTS_DIR)],
      destinationBucket: this.promptsBucket,
      prune: false,
      outputObjectKeys: false,
    });
    acknowledgeDeploymentProvider(this, prompts, {
      finding: /^Resource::<PromptsBucket[0-9A-F]{8}\.Arn>\/\*$/,
      reason: 'Objects of the prompts bucket: the upload syncs the shipped prompts, whose keys are file names that change with the product.',
    });

    new CfnOutput(this, 'SipMediaApplicationId', { value: this.sipMediaApplication.sipMediaApplicationId, description: 'SIP media application id' });
    new CfnOutput(this, 'SipRuleId', { value: this.sipMediaApplication.sipRuleId, description: 'SIP rule of the inbound number' });
    new CfnOutput(this, 'PhoneNumbers', { value: props.phoneNumber, description: 'Numbers routed to the SIP media application (E.164, comma-separated)' });
    new CfnOutput(this, 'PromptsBucketName', { value: this.promptsBucket.bucketName });
    new CfnOutput(this, 'RecordingsBucketName', { value: this.recordingsBucket.bucketName });
  }
}
