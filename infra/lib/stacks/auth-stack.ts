import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { RoleSchema } from '@cc/shared/auth/model';
import { PASSWORD_POLICY } from '@cc/shared/users/values';

/** Props of {@link AuthStack}. */
export interface AuthStackProps extends StackProps {
  readonly stage: string;
}

/** The custom attribute holding the caller's tenant; tokens carry it as `custom:tenantId`. */
export const TENANT_ATTRIBUTE = 'tenantId';

/**
 * The Cognito user pool of agents, supervisors and admins: one group per console role of
 * `shared/src/auth/model.ts`, the tenant as an immutable custom attribute, and a public client
 * for the SPA (password and SRP sign-in, no secret, no hosted UI).
 */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  /** The SPA's client; its id is the `aud` of ID tokens (`AUTH_AUDIENCE`). */
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `cc-${props.stage}-users`,
      // Admins create users (with their tenant); nobody signs themselves up into a tenant.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { fullname: { required: false, mutable: true }, email: { required: false, mutable: true } },
      // Immutable: a user cannot be moved into another tenant, by a client or by mistake.
      customAttributes: { [TENANT_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }) },
      passwordPolicy: {
        // The same rules the local sign-in enforces and the console checks as one types.
        minLength: PASSWORD_POLICY.minLength,
        requireLowercase: PASSWORD_POLICY.requireLowercase,
        requireUppercase: PASSWORD_POLICY.requireUppercase,
        requireDigits: PASSWORD_POLICY.requireDigits,
        requireSymbols: PASSWORD_POLICY.requireSymbols,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP) rather than required: the console and the local issuer sign in with password or SRP only, and threat protection (Plus plan, enforced) adds adaptive MFA for risky sign-ins. Require it per stage once the SPA handles the SOFTWARE_TOKEN_MFA challenge.',
    });

    RoleSchema.options.forEach((role, index) => {
      this.userPool.addGroup(`${role[0]!.toUpperCase()}${role.slice(1)}Group`, {
        groupName: role,
        description: `Console role "${role}"`,
        // Lower precedence wins in cognito:preferred_role: admin before supervisor before agent.
        precedence: (RoleSchema.options.length - index) * 10,
      });
    });

    const readable = new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true, preferredUsername: true })
      .withCustomAttributes(TENANT_ATTRIBUTE);
    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: `cc-${props.stage}-web`,
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: readable,
      // Users may edit nothing about themselves through the SPA; admins use the API.
      writeAttributes: new ClientAttributes(),
    });
    // `scripts/create-admin.ts --user-pool-id` takes it to create a tenant's first admin.
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId, description: 'Cognito user pool of console users' });
  }
}
