import { Duration, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/**
 * The house bucket for S3 server access logs (and CloudFront logs): private, encrypted, TLS only, kept 90 days.
 * `logsOf` names what it receives, for the acknowledgement that it does not log into itself.
 */
export function accessLogsBucket(scope: Construct, options: { logsOf: string; objectOwnership?: ObjectOwnership }): Bucket {
  const logs = new Bucket(scope, 'AccessLogsBucket', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: options.objectOwnership ?? ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [{ expiration: Duration.days(90) }],
  });
  Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: `This bucket is the destination of the access logs of ${options.logsOf}; logging it into itself would loop.` });
  return logs;
}
