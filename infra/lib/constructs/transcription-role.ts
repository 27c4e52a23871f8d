import { Duration, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeWildcards } from '../nag.ts';
import type { CcFunction } from './cc-function.ts';

/** All the agents' browsers may do with the credentials: stream a call's audio to Transcribe (WebSocket, or HTTP/2). */
export const TRANSCRIBE_STREAMING_ACTIONS = ['transcribe:StartStreamTranscriptionWebSocket', 'transcribe:StartStreamTranscription'];

/** Where the console's browsers stream to Transcribe, for its Content-Security-Policy (`connect-src`). */
export function transcribeStreamingOrigins(region: string, urlSuffix = 'amazonaws.com'): string[] {
  return [`wss://transcribestreaming.${region}.${urlSuffix}:8443`, `https://transcribestreaming.${region}.${urlSuffix}`];
}

/**
 * The role whose short-lived credentials the HTTP API hands an agent's browser to transcribe its call
 * (`POST /api/contacts/:id/transcription-credentials`, docs/voice-transcripts.md). Only the HTTP API function's role
 * may assume it, and it may only start Transcribe streams; the function narrows each session further with a policy
 * and 15 minutes.
 */
export class TranscriptionRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: { assumer: CcFunction }) {
    super(scope, id);
    const { assumer } = props;
    this.role = new Role(this, 'Role', {
      assumedBy: assumer.executionRole,
      description: 'Agent browsers stream their calls to Amazon Transcribe with short-lived credentials of this role',
      maxSessionDuration: Duration.hours(1),
    });
    this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: TRANSCRIBE_STREAMING_ACTIONS, resources: ['*'] }));
    acknowledgeWildcards(this.role.node.findChild('DefaultPolicy'), [
      { finding: /^Resource::\*$/, actions: TRANSCRIBE_STREAMING_ACTIONS, reason: 'Transcribe streaming actions support no resource-level permissions; the role grants those two actions only, and each browser session is narrowed again by a session policy and 15 minutes.' },
    ]);
    assumer.executionRole.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['sts:AssumeRole'], resources: [this.role.roleArn] }));
    assumer.addEnvironment('TRANSCRIBE_ROLE_ARN', this.role.roleArn);
    assumer.addEnvironment('TRANSCRIBE_REGION', Stack.of(this).region);
  }
}
