/**
 * The AWS voice adapters: Chime SDK meetings for call audio and, where a SIP media application is deployed, its
 * call control. Apart from `aws-adapters.ts` so only the functions that handle calls bundle the Chime clients.
 */
import { ChimeSDKMeetingsClient } from '@aws-sdk/client-chime-sdk-meetings';
import { ChimeSDKVoiceClient } from '@aws-sdk/client-chime-sdk-voice';
import { STSClient } from '@aws-sdk/client-sts';
import type { CallControl, MeetingRooms, StreamingCredentialIssuer } from '@cc/shared/voice/ports';
import type { Config } from './config.ts';
import { ChimeMeetingRooms } from '../adapters/voice/chime-meetings.ts';
import { UnconfiguredCallControl } from '../adapters/voice/unconfigured-call-control.ts';
import { ChimeCallControl } from '../adapters/voice/chime-call-control.ts';
import { StsStreamingCredentials } from '../adapters/voice/sts-streaming-credentials.ts';

export function awsMeetings(config: Config): MeetingRooms {
  const region = config.CHIME_MEETINGS_REGION ?? config.AWS_REGION;
  return new ChimeMeetingRooms(new ChimeSDKMeetingsClient({ region }), region);
}

/** The SIP media application's call control where voice is deployed (`SIP_MEDIA_APPLICATION_ID`); elsewhere none. */
export function awsCallControl(config: Config): CallControl {
  return config.SIP_MEDIA_APPLICATION_ID ? new ChimeCallControl(new ChimeSDKVoiceClient({ region: config.AWS_REGION }), config.SIP_MEDIA_APPLICATION_ID) : new UnconfiguredCallControl();
}

/** Transcribe streaming credentials for agents' browsers where CDK set the transcription role; elsewhere none. */
export function awsStreamingCredentials(config: Config): { streamingCredentials?: StreamingCredentialIssuer } {
  if (!config.TRANSCRIBE_ROLE_ARN) return {};
  return { streamingCredentials: new StsStreamingCredentials(new STSClient({ region: config.AWS_REGION }), config.TRANSCRIBE_ROLE_ARN, config.TRANSCRIBE_REGION ?? config.AWS_REGION) };
}
