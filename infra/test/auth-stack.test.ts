import { beforeAll, describe, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RoleSchema } from '@cc/shared/auth/model';
import { PASSWORD_POLICY } from '@cc/shared/users/values';
import { AuthStack } from '../lib/stacks/auth-stack.ts';
import { createTestApp } from './support.ts';

describe('AuthStack', () => {
  let template: Template;
  beforeAll(() => {
    template = Template.fromStack(new AuthStack(createTestApp(), 'Auth', { stage: 'test' }));
  });

  it.each(RoleSchema.options)('has the %s group', (role) => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role, UserPoolId: Match.anyValue() });
  });

  it('carries the tenant as an immutable custom string attribute (claim custom:tenantId)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'tenantId', AttributeDataType: 'String', Mutable: false })]),
    });
  });

  it('requires strong passwords, by the rules the local sign-in and the console use', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({ MinimumLength: PASSWORD_POLICY.minLength, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
      },
    });
  });

  it('enforces threat protection on the Plus plan and lets nobody sign up', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
    });
  });

  it('gives the SPA a public client with password and SRP sign-in', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      ReadAttributes: Match.arrayWith(['custom:tenantId']),
      PreventUserExistenceErrors: 'ENABLED',
    });
  });
});
