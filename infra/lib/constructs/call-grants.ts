import { ArnFormat, Aws, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { WildcardAllowance } from '../nag.ts';
import type { CcFunction } from './cc-function.ts';

/** What the console's calls from the site need of Chime SDK meetings: the meeting and its attendees, and live transcripts. */
export const MEETING_ACTIONS = [
  'chime:CreateMeeting',
  'chime:CreateAttendee',
  'chime:DeleteMeeting',
  'chime:DeleteAttendee',
  'chime:GetMeeting',
  'chime:StartMeetingTranscription',
  'chime:StopMeetingTranscription',
];

/** What routing does to a PSTN call: place it (callbacks) and steer the running one (offers, transfers). */
export const SMA_CALL_ACTIONS = ['chime:CreateSipMediaApplicationCall', 'chime:UpdateSipMediaApplicationCall'];

/**
 * Chime SDK meetings: `CHIME_MEETINGS_REGION` and the meeting actions on this account's meetings in that region.
 * Meeting ids are made at run time, so `meeting/*` is as tight as IAM allows.
 */
export function grantMeetings(fn: CcFunction, meetingsRegion: string): void {
  fn.addEnvironment('CHIME_MEETINGS_REGION', meetingsRegion);
  const meetings = Stack.of(fn).formatArn({ service: 'chime', region: meetingsRegion, resource: 'meeting', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  fn.executionRole.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: MEETING_ACTIONS, resources: [meetings] }));
}

/** The SMA's calls: `SIP_MEDIA_APPLICATION_ID` and the call actions on that one SMA. */
export function grantSipMediaApplicationCalls(fn: CcFunction, sipMediaApplicationId: string): void {
  fn.addEnvironment('SIP_MEDIA_APPLICATION_ID', sipMediaApplicationId);
  const sma = Stack.of(fn).formatArn({ service: 'chime', resource: 'sma', resourceName: sipMediaApplicationId, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  fn.executionRole.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: SMA_CALL_ACTIONS, resources: [sma] }));
}

/**
 * Reading recordings (agents play them through short-lived presigned links): `VOICE_RECORDINGS_BUCKET` and
 * `s3:GetObject` on its objects, by name (see `recordingsBucketName`), never list or write.
 */
export function grantRecordingsRead(fn: CcFunction, bucketName: string): void {
  fn.addEnvironment('VOICE_RECORDINGS_BUCKET', bucketName);
  fn.executionRole.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:GetObject'], resources: [`arn:${Aws.PARTITION}:s3:::${bucketName}/*`] }));
}

/** The wildcards the grants above leave in a function's default policy. */
export const CALL_GRANT_WILDCARDS: readonly WildcardAllowance[] = [
  {
    finding: /^Resource::arn:(<AWS::Partition>|[^:]+):chime:(<AWS::Region>|[a-z0-9-]+):(<AWS::AccountId>|[0-9]{12}):meeting\/\*$/,
    actions: MEETING_ACTIONS,
    reason: 'Chime SDK meeting ids exist only once a call from the site starts; the grant is limited to meetings of this account in the meetings region, for the meeting, attendee and transcription actions.',
  },
  {
    finding: /^Resource::arn:(<AWS::Partition>|[^:]+):s3:::cc-[a-z0-9-]+-rec-[^/]+\/\*$/,
    actions: ['s3:GetObject'],
    reason: 'Recording keys are made per call at run time; the grant is read-only on the objects of the recordings bucket.',
  },
];
