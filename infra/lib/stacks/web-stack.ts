import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, Aws, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CacheQueryStringBehavior,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct, IConstruct } from 'constructs';
import { acknowledgeManagedPolicies, acknowledgeWildcards, type WildcardAllowance } from '../nag.ts';
import { accessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { transcribeStreamingOrigins } from '../constructs/transcription-role.ts';

/** The runtime configuration the SPA fetches from `/config.json` (see `web/src/api/config.ts`). */
export interface SpaRuntimeConfig {
  readonly apiBaseUrl: string;
  readonly wsUrl: string;
  readonly auth: { readonly mode: 'cognito'; readonly region: string; readonly userPoolId: string; readonly clientId: string };
}

/** Props of {@link WebStack}. */
export interface WebStackProps extends StackProps {
  readonly stage: string;
  /** The built SPA (`web/dist`); a placeholder page is deployed when it holds no `index.html`. */
  readonly webDistDir: string;
}

/** Object key of the runtime configuration; owned by {@link WebConfigStack}, never by the SPA upload. */
export const CONFIG_OBJECT_KEY = 'config.json';
/** The local phone page's build output, never deployed. */
export const LOCAL_PHONE_PAGE = 'phone/*';

/**
 * The web bucket's name, computed alike by both web stacks so that {@link WebConfigStack} needs no
 * cross-stack reference to it (and its grants stay plain ARNs).
 */
export function webBucketName(stage: string): string {
  return `cc-${stage}-web-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/**
 * Allows what the console talks to: its own origin, API Gateway (HTTP and WebSocket), Cognito and the Chime SDK,
 * all under `*.amazonaws.com`, and Transcribe streaming of `region` (its WebSocket listens on port 8443, which a
 * host wildcard without a port does not cover); React's inline style attributes need `'unsafe-inline'` for styles only.
 */
export function contentSecurityPolicy(region: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' https://*.amazonaws.com wss://*.amazonaws.com ${transcribeStreamingOrigins(region).join(' ')}`,
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

/** The console's security headers, with the CSP of `region`. */
const securityHeaders = (region: string): ResponseSecurityHeadersBehavior => ({
  contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(region), override: true },
  contentTypeOptions: { override: true },
  frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
  referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
  strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
  xssProtection: { protection: false, override: true },
});

/** Microphone for the agent's softphone; nothing else a console needs. */
const PERMISSIONS_POLICY = { header: 'Permissions-Policy', value: 'microphone=(self), camera=(), geolocation=(), payment=(), usb=()', override: true };

/**
 * Hosting of the agent and supervisor console: a private bucket behind CloudFront (origin access
 * control), SPA fallback, security headers, and the upload of `web/dist`. The runtime
 * configuration (`/config.json`) is deployed by {@link WebConfigStack}, after the API exists:
 * the API needs this distribution's origin for CORS, so this stack cannot depend on the API.
 */
export class WebStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>`, the console's origin (`WEB_ORIGIN`, CORS). */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    // CloudFront standard logging writes with ACLs, so this bucket keeps them enabled.
    const logs = accessLogsBucket(this, { logsOf: 'the web bucket and of CloudFront', objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED });

    this.bucket = new Bucket(this, 'WebBucket', {
      bucketName: webBucketName(props.stage),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/web/',
    });

    const common = { securityHeadersBehavior: securityHeaders(this.region) };
    const pageHeaders = new ResponseHeadersPolicy(this, 'PageHeaders', {
      comment: 'Console pages and config.json: security headers, always revalidated by browsers',
      ...common,
      customHeadersBehavior: { customHeaders: [PERMISSIONS_POLICY, { header: 'Cache-Control', value: 'no-cache', override: true }] },
    });
    const assetHeaders = new ResponseHeadersPolicy(this, 'AssetHeaders', {
      comment: 'Content-hashed Vite assets: security headers, cached for a year',
      ...common,
      customHeadersBehavior: { customHeaders: [PERMISSIONS_POLICY, { header: 'Cache-Control', value: 'public, max-age=31536000, immutable', override: true }] },
    });

    // The widget's call script (uploaded with the console, built by scripts/build-widget-call.ts): customers'
    // pages load it as an ES module, which browsers fetch in CORS mode, so any origin may read it (public code).
    const widgetCallHeaders = new ResponseHeadersPolicy(this, 'WidgetCallHeaders', {
      comment: 'The web chat widget call script: readable from any site (CORS), short-lived like the pages',
      securityHeadersBehavior: { contentTypeOptions: { override: true }, strictTransportSecurity: common.securityHeadersBehavior.strictTransportSecurity! },
      corsBehavior: { accessControlAllowOrigins: ['*'], accessControlAllowMethods: ['GET', 'HEAD'], accessControlAllowHeaders: ['*'], accessControlAllowCredentials: false, originOverride: true },
      customHeadersBehavior: { customHeaders: [{ header: 'Cross-Origin-Resource-Policy', value: 'cross-origin', override: true }, { header: 'Cache-Control', value: 'no-cache', override: true }] },
    });

    // Pages and config.json live one minute at the edge, so no deploy needs an invalidation;
    // Vite's content-hashed assets use the managed optimized policy (a day by default).
    const pageCache = new CachePolicy(this, 'PageCache', {
      comment: 'Console pages and config.json: one minute at the edge',
      defaultTtl: Duration.minutes(1),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      cookieBehavior: CacheCookieBehavior.none(),
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Contact-center console (${id})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: pageCache,
        responseHeadersPolicy: pageHeaders,
        compress: true,
      },
      additionalBehaviors: {
        'assets/*': {
          origin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: assetHeaders,
          compress: true,
        },
        [`${WIDGET_CALL_PREFIX}/*`]: {
          origin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: pageCache,
          responseHeadersPolicy: widgetCallHeaders,
          compress: true,
        },
      },
      // Client-side routes: the bucket answers 403 (no ListBucket) or 404 for them.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(10) })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Agents work wherever a tenant operates (remote and outsourced teams); a geo restriction would be a per-tenant choice, not a platform default.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves only static, public build output; every API call goes to API Gateway directly and is authenticated there. A CloudFront WebACL (us-east-1) is left to deployments that need it.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain is configured, so the distribution uses the default *.cloudfront.net certificate, for which CloudFront does not allow a minimum protocol version; attach a domain and ACM certificate to enforce TLSv1.2_2021.',
      },
    );
    this.origin = `https://${this.distribution.distributionDomainName}`;

    const spa = new BucketDeployment(this, 'DeploySpa', {
      sources: [spaSource(this, props.webDistDir)],
      destinationBucket: this.bucket,
      // config.json belongs to WebConfigStack: never upload one from dist, never prune it. The local phone page
      // (dist/phone/) drives the local SMA emulator and has nothing to call in AWS.
      exclude: [CONFIG_OBJECT_KEY, LOCAL_PHONE_PAGE],
      prune: true,
      outputObjectKeys: false,
      memoryLimit: 512,
    });
    acknowledgeDeploymentProvider(this, spa);
  }
}

/** Where the widget's call script lives on the distribution: `<origin>/widget-call/call.js` (the API hands this URL to widgets). */
export const WIDGET_CALL_PREFIX = 'widget-call';
export const widgetCallScriptUrl = (webOrigin: string) => `${webOrigin}/${WIDGET_CALL_PREFIX}/call.js`;

/** Props of {@link WebConfigStack}. */
export interface WebConfigStackProps extends StackProps {
  readonly stage: string;
  readonly config: SpaRuntimeConfig;
}

/**
 * Writes `/config.json` (API and WebSocket URLs, Cognito ids) into the web bucket. A stack of its
 * own because it needs the API, and the API needs the web origin: web → api → web-config. It finds
 * the bucket by name, so the caller must add the dependency on {@link WebStack}.
 */
export class WebConfigStack extends Stack {
  constructor(scope: Construct, id: string, props: WebConfigStackProps) {
    super(scope, id, props);
    const deployment = new BucketDeployment(this, 'DeployConfig', {
      sources: [Source.jsonData(CONFIG_OBJECT_KEY, props.config)],
      destinationBucket: Bucket.fromBucketName(this, 'WebBucket', webBucketName(props.stage)),
      // Only adds config.json: pruning here would delete the SPA.
      prune: false,
      outputObjectKeys: false,
    });
    acknowledgeDeploymentProvider(this, deployment);
  }
}

/** The built SPA, or a one-page placeholder (with a synth warning) when `web/dist` is not built. */
function spaSource(scope: Construct, webDistDir: string): ISource {
  if (existsSync(path.join(webDistDir, 'index.html'))) return Source.asset(webDistDir);
  Annotations.of(scope).addWarningV2(
    '@cc/infra:web-dist-missing',
    `${webDistDir} has no index.html: deploying a placeholder page. Run "npm run build:web" before "cdk deploy" to ship the console.`,
  );
  return Source.data(
    'index.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contact center</title></head>' +
      '<body><p>The console has not been built yet: run <code>npm run build:web</code>, then <code>cdk deploy</code>.</p></body></html>',
  );
}

/** The web bucket's objects, which both web stacks deploy into. */
const WEB_BUCKET_OBJECTS: WildcardAllowance = {
  finding: /^Resource::(<WebBucket[0-9A-F]{8}\.Arn>|arn:(<AWS::Partition>|[^:]+):s3:::cc-[a-z0-9-]+-web-[^/]+)\/\*$/,
  reason: 'Every object of the web bucket: the console upload replaces and prunes the whole site, and config.json is written beside it; object keys change with every build.',
};

/**
 * The bucket-deployment provider is CDK's own singleton Lambda (one per stack): its findings are
 * acknowledged on it and on its role, for exactly the grants CDK gives it, and nowhere else.
 * `destination` allows the objects of the bucket the deployment writes (the web bucket by default).
 */
export function acknowledgeDeploymentProvider(stack: Stack, deployment: BucketDeployment, destination: WildcardAllowance = WEB_BUCKET_OBJECTS): void {
  const provider = stack.node.children.find((child: IConstruct) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!provider) throw new Error(`No BucketDeployment provider found in ${stack.node.path}`);
  Validations.of(provider).acknowledge({
    id: 'AwsSolutions-L1',
    reason: 'CDK-owned BucketDeployment handler (Python with the AWS CLI layer); aws-cdk-lib pins its runtime and moves it with CDK upgrades.',
  });
  const role = deployment.handlerRole as unknown as IConstruct;
  acknowledgeManagedPolicies(role, [
    {
      policy: /:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole$/,
      reason: 'CDK-owned BucketDeployment handler: CDK attaches the basic execution policy (CloudWatch Logs only) and offers no way to replace it.',
    },
  ]);
  acknowledgeWildcards(role.node.findChild('DefaultPolicy'), [
    {
      finding: /^Action::s3:(GetBucket|GetObject|List|Abort|DeleteObject)\*$/,
      reason: 'CDK grants these to its BucketDeployment handler (bucket.grantReadWrite, asset grantRead) for `aws s3 sync`; the same statements limit them to the asset bucket and the destination bucket.',
    },
    {
      finding: /^Resource::arn:(<AWS::Partition>|[^:]+):s3:::cdk-[a-z0-9]+-assets-[^/]+\/\*$/,
      reason: 'Objects of the CDK bootstrap asset bucket: the handler reads the zip it is told to deploy, whose key changes with every build.',
    },
    destination,
  ]);
}
