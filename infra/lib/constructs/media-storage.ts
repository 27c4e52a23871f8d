import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { accessLogsBucket } from './access-logs-bucket.ts';
import type { CcFunction } from './cc-function.ts';
import { FunctionQueue } from './function-queue.ts';

/** Props of {@link MediaStorage}. */
export interface MediaStorageProps {
  /** The `media-download` function: it consumes the job queue and writes the bucket. */
  readonly consumer: CcFunction;
  /** The console's origins: a signed link is fetched by the console after our API's redirect (CORS GET). */
  readonly webOrigins: string[];
}

/**
 * Customers' files (docs/attachments.md): a private, encrypted, TLS-only bucket with access logs, kept
 * when the stack goes (messages refer to it), and the download job queue with its dead-letter queue.
 * Each grant is the one action its function calls, on this bucket's objects only.
 */
export class MediaStorage extends Construct {
  readonly bucket: Bucket;
  readonly jobs: FunctionQueue;

  constructor(scope: Construct, id: string, props: MediaStorageProps) {
    super(scope, id);
    const logs = accessLogsBucket(this, { logsOf: 'the media bucket' });
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/media/',
      cors: [{ allowedMethods: [HttpMethods.GET], allowedOrigins: props.webOrigins, maxAge: 300 }],
      lifecycleRules: [{ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const timeout = props.consumer.timeout ?? Duration.seconds(3);
    this.jobs = new FunctionQueue(this, 'Jobs', {
      consumer: props.consumer,
      carries: 'media download',
      urlVariable: 'MEDIA_QUEUE_URL',
      visibilityTimeout: Duration.seconds(Math.max(180, timeout.toSeconds() * 2)),
    });
    this.grantObjects(props.consumer, 's3:PutObject');
  }

  /** Lets `fn` queue download jobs (the stream processor). */
  grantEnqueue(fn: CcFunction): void {
    this.jobs.grantSend(fn);
  }

  /**
   * Lets `fn` read the files and sign links to them (the HTTP API; message-delivery, which uploads agents'
   * files to the providers and hands Viber and widget visitors presigned links): a presigned GET and a
   * HEAD both act with `s3:GetObject`.
   */
  grantRead(fn: CcFunction): void {
    this.grantObjects(fn, 's3:GetObject');
  }

  /** Lets `fn` write files (the HTTP API keeps agents' uploads under `<tenant>/outbound/<contact>/`). */
  grantWrite(fn: CcFunction): void {
    this.grantObjects(fn, 's3:PutObject');
  }

  private grantObjects(fn: CcFunction, action: 's3:GetObject' | 's3:PutObject'): void {
    fn.addEnvironment('MEDIA_BUCKET', this.bucket.bucketName);
    fn.executionRole.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: [action], resources: [this.bucket.arnForObjects('*')] }));
  }
}
