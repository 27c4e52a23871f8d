import type { App, StackProps } from 'aws-cdk-lib';
import type { AppConfig } from './config.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { AuthStack } from './stacks/auth-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { MonitoringStack } from './stacks/monitoring-stack.ts';
import { recordingsBucketName, VoiceStack } from './stacks/voice-stack.ts';
import { WebConfigStack, WebStack, widgetCallScriptUrl } from './stacks/web-stack.ts';

/** Every stack of one deployment (`stage`). */
export interface ContactCenterStacks {
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly web: WebStack;
  /** Only with `-c voice=true`. */
  readonly voice?: VoiceStack;
  readonly api: ApiStack;
  readonly webConfig: WebConfigStack;
  readonly monitoring: MonitoringStack;
}

/**
 * Builds the stacks of one stage into `app`, in dependency order:
 * data, auth, web (hosting), voice (with `-c voice=true`: needs the table) → api (needs the web origin for
 * CORS and the voice stack's SMA) → web-config (needs the API) and monitoring. Stack ids are the stack names,
 * `cc-<stage>-<part>`.
 */
export function createContactCenter(app: App, config: AppConfig): ContactCenterStacks {
  const { stage } = config;
  const props = (part: string, description: string): StackProps & { stackName: string } => ({
    stackName: `cc-${stage}-${part}`,
    env: config.env,
    description: `Contact center (${stage}): ${description}`,
    // Stack tags propagate to every resource CloudFormation creates.
    tags: { project: 'contact-center', stage, 'managed-by': 'cdk', part },
  });
  const stack = <P extends StackProps & { stackName: string }>(p: P): [string, P] => [p.stackName, p];

  const data = new DataStack(app, ...stack({ ...props('data', 'table and channel-secrets key'), stage, tableEncryption: config.tableEncryption }));
  const auth = new AuthStack(app, ...stack({ ...props('auth', 'Cognito user pool'), stage }));
  const web = new WebStack(app, ...stack({ ...props('web', 'console hosting (S3, CloudFront)'), stage, webDistDir: config.webDistDir }));
  const voice = config.voice
    ? new VoiceStack(
        app,
        ...stack({
          ...props('voice', 'PSTN voice (Chime SDK SIP media application, prompts, recordings)'),
          stage,
          table: data.table,
          phoneNumber: config.voice.phoneNumber,
          recordingRetentionDays: config.voice.recordingRetentionDays,
          ...(config.chimeMeetingsRegion && { chimeMeetingsRegion: config.chimeMeetingsRegion }),
        }),
      )
    : undefined;
  const api = new ApiStack(
    app,
    ...stack({
      ...props('api', 'functions, HTTP and WebSocket APIs, table stream'),
      stage,
      table: data.table,
      secretsKey: data.secretsKey,
      userPool: auth.userPool,
      userPoolClient: auth.webClient,
      webOrigins: [web.origin],
      widgetCallScriptUrl: widgetCallScriptUrl(web.origin),
      chimeMeetingsRegion: config.chimeMeetingsRegion,
      alerts: { ...(config.alertEmailFrom && { emailFrom: config.alertEmailFrom }), ...(config.alertSmsSenderId && { smsSenderId: config.alertSmsSenderId }) },
      voice: voice && { sipMediaApplicationId: voice.sipMediaApplication.sipMediaApplicationId, recordingsBucketName: recordingsBucketName(stage) },
    }),
  );
  // The recordings grant names the bucket (no reference): keep the order explicit.
  if (voice) api.addStackDependency(voice);
  const webConfig = new WebConfigStack(
    app,
    ...stack({
      ...props('web-config', 'console runtime configuration'),
      stage,
      config: {
        apiBaseUrl: api.apiBaseUrl,
        wsUrl: api.wsUrl,
        auth: { mode: 'cognito' as const, region: auth.region, userPoolId: auth.userPool.userPoolId, clientId: auth.webClient.userPoolClientId },
      },
    }),
  );
  // The config stack writes into the web bucket by name: no reference, so an explicit dependency.
  webConfig.addStackDependency(web);
  const monitoring = new MonitoringStack(
    app,
    ...stack({
      ...props('monitoring', 'alarms'),
      stage,
      functions: new Map([...api.functions, ...(voice?.functions ?? [])]),
      streamFailureQueues: api.streamFailureQueues,
      timerQueue: api.timerQueue,
      table: data.table,
      httpApi: api.httpApi,
      alarmEmail: config.alarmEmail,
    }),
  );
  return { data, auth, web, ...(voice && { voice }), api, webConfig, monitoring };
}
