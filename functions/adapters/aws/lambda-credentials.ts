/**
 * What the Lambda bundles build in place of `@aws-sdk/credential-provider-node` (an esbuild alias in
 * `infra/lib/bundling.ts`): the credential sources a Lambda execution environment has, without the
 * profile, SSO, process, web identity and instance-metadata links of the Node default chain and the
 * STS and SSO clients they carry. Tests and the local runtime keep the full chain; they never bundle.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromHttp } from '@aws-sdk/credential-provider-http';
import { chain, CredentialsProviderError, memoize } from '@smithy/core/config';

/** What the SDK clients hand to `defaultProvider` (only the logger is read here). */
export type LambdaProviderInit = NonNullable<Parameters<typeof fromEnv>[0]>;
type CredentialsProvider = ReturnType<typeof fromEnv>;
type AwsCredentialIdentity = Awaited<ReturnType<CredentialsProvider>>;

const CONTAINER_URI = ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'];

/** As in the Node chain: credentials that carry an expiry are refreshed; static ones are resolved once. */
export const credentialsWillNeedRefresh = (credentials: AwsCredentialIdentity): boolean => credentials?.expiration !== undefined;

/** As in the Node chain: credentials with less than five minutes left count as expired. */
export const credentialsTreatedAsExpired = (credentials: AwsCredentialIdentity): boolean =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;

/**
 * The execution role's credentials: from `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, which
 * Lambda sets on every function, else from a container credentials endpoint when one is configured.
 * @throws CredentialsProviderError (when called) if neither source is set, naming both.
 */
export const defaultProvider = (init: LambdaProviderInit = {}): CredentialsProvider =>
  memoize(
    chain(
      fromEnv(init),
      async () => {
        if (!CONTAINER_URI.some((name) => process.env[name])) {
          throw new CredentialsProviderError('No container credentials endpoint is set.', { logger: init.logger, tryNextLink: true });
        }
        return fromHttp(init)();
      },
      async () => {
        throw new CredentialsProviderError(
          `No AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (Lambda sets them for the execution role) or ${CONTAINER_URI.join(' or ')}. ` +
            'Lambda bundles read only these (see infra/lib/bundling.ts).',
          { logger: init.logger, tryNextLink: false },
        );
      },
    ),
    credentialsTreatedAsExpired,
    credentialsWillNeedRefresh,
  );
