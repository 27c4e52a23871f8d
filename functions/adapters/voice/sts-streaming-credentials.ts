import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { StreamingCredentialIssuer } from '@cc/shared/voice/ports';
import type { StreamingCredentials } from '@cc/shared/voice/values';

/** STS's shortest session, and all a browser needs: it asks again before they run out. */
export const STREAMING_CREDENTIALS_SECONDS = 900;

/** The actions the browser's credentials may use, whatever the role itself allows: Transcribe streaming and nothing else. */
export const STREAMING_SESSION_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['transcribe:StartStreamTranscriptionWebSocket', 'transcribe:StartStreamTranscription'], Resource: '*' }],
});

/** A role session name STS accepts (`[\w+=,.@-]`, 2–64 characters) that still tells CloudTrail whose browser it was. */
export function streamingSessionName(session: { tenantId: string; userId: string }): string {
  return `cc.${session.tenantId}.${session.userId}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

/** Credentials for the agent's browser from STS AssumeRole on the transcription role, narrowed by a session policy. */
export class StsStreamingCredentials implements StreamingCredentialIssuer {
  constructor(
    private readonly sts: Pick<STSClient, 'send'>,
    private readonly roleArn: string,
    readonly region: string,
  ) {}

  /** @throws Error when STS answers without credentials, or its own errors (the role cannot be assumed) */
  async issue(session: { tenantId: string; contactId: string; userId: string }): Promise<StreamingCredentials> {
    const { Credentials: credentials } = await this.sts.send(
      new AssumeRoleCommand({ RoleArn: this.roleArn, RoleSessionName: streamingSessionName(session), DurationSeconds: STREAMING_CREDENTIALS_SECONDS, Policy: STREAMING_SESSION_POLICY }),
    );
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !credentials.Expiration) throw new Error('STS AssumeRole answered without credentials');
    return { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken, expiration: credentials.Expiration.toISOString() };
  }
}
