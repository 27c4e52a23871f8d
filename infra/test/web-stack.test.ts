import { beforeAll, describe, expect, it } from 'vitest';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { WebConfigStack, WebStack } from '../lib/stacks/web-stack.ts';
import { createTestApp, FIXTURE_WEB_DIST, NO_WEB_DIST } from './support.ts';

const DIST_MISSING = Match.stringLikeRegexp('has no index.html: deploying a placeholder page');

describe('WebStack', () => {
  let stack: WebStack;
  let template: Template;
  beforeAll(() => {
    stack = new WebStack(createTestApp(), 'Web', { stage: 'test', webDistDir: NO_WEB_DIST, env: { region: 'eu-central-1' } });
    template = Template.fromStack(stack);
  });

  it('keeps the site bucket private, TLS-only and access-logged', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.anyValue(),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue(), LogFilePrefix: 's3/web/' }),
    });
  });

  it('denies every non-TLS request to its buckets', () => {
    const denyInsecure = Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(Object.keys(template.findResources('AWS::S3::BucketPolicy', { Properties: { PolicyDocument: { Statement: Match.arrayWith([denyInsecure]) } } }))).toHaveLength(2);
  });

  it('reads the bucket through an origin access control', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue(), S3OriginConfig: { OriginAccessIdentity: '' } })],
      }),
    });
  });

  it('serves index.html for the root and for client-side routes', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        CustomErrorResponses: [
          Match.objectLike({ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' }),
          Match.objectLike({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' }),
        ],
      }),
    });
  });

  it('sends security headers with every page', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.stringLikeRegexp("frame-ancestors 'none'"), Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
        }),
      }),
    });
  });

  it('lets the console connect to Transcribe streaming of its region (WebSocket on 8443, and HTTPS)', () => {
    const policies = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')).flatMap((p) => p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy?.ContentSecurityPolicy ?? []) as string[];
    expect(policies.length).toBeGreaterThan(0);
    for (const csp of policies) {
      const connect = csp.split('; ').find((directive) => directive.startsWith('connect-src '))!.split(' ');
      expect(connect).toEqual(expect.arrayContaining(['wss://transcribestreaming.eu-central-1.amazonaws.com:8443', 'https://transcribestreaming.eu-central-1.amazonaws.com']));
    }
  });

  it('serves the widget’s call script to any site’s pages (CORS, for module scripts), revalidated like the pages', () => {
    const [policyId] = Object.keys(template.findResources('AWS::CloudFront::ResponseHeadersPolicy', { Properties: { ResponseHeadersPolicyConfig: Match.objectLike({ CorsConfig: Match.anyValue() }) } }));
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        CorsConfig: Match.objectLike({ AccessControlAllowOrigins: { Items: ['*'] }, AccessControlAllowMethods: { Items: ['GET', 'HEAD'] }, AccessControlAllowCredentials: false, OriginOverride: true }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: 'widget-call/*', AllowedMethods: ['GET', 'HEAD'], ResponseHeadersPolicyId: { Ref: policyId } })]),
      }),
    });
  });

  it('redirects to HTTPS and logs viewer requests', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Logging: Match.objectLike({ Bucket: Match.anyValue(), Prefix: 'cloudfront/' }),
      }),
    });
  });

  it('uploads the SPA without touching config.json, and never the local phone page', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', { Prune: true, Exclude: ['config.json', 'phone/*'] });
  });

  it('deploys a placeholder page, with a warning, when web/dist is not built', () => {
    Annotations.fromStack(stack).hasWarning('/Web', DIST_MISSING);
  });

  it('deploys web/dist without a warning once it is built', () => {
    // Act
    const built = new WebStack(createTestApp(), 'Web', { stage: 'test', webDistDir: FIXTURE_WEB_DIST });
    // Assert
    Annotations.fromStack(built).hasNoWarning('/Web', DIST_MISSING);
  });
});

describe('WebConfigStack', () => {
  it('adds config.json to the web bucket without pruning the SPA', () => {
    // Arrange
    const stack = new WebConfigStack(createTestApp(), 'WebConfig', {
      stage: 'test',
      config: { apiBaseUrl: 'https://api.example', wsUrl: 'wss://ws.example/live', auth: { mode: 'cognito', region: 'eu-central-1', userPoolId: 'pool', clientId: 'client' } },
    });
    // Assert
    Template.fromStack(stack).hasResourceProperties('Custom::CDKBucketDeployment', {
      Prune: false,
      DestinationBucketName: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
    });
  });
});
