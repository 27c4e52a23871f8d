import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  AliasExistsException,
  UsernameExistsException,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { CLAIMS, type Role } from '@cc/shared/auth/model';
import { ConflictError } from '@cc/shared/errors';
import type { CreatedIdentity, NewIdentity, UserIdentities } from '@cc/shared/users/ports';

const attribute = (attributes: AttributeType[] | undefined, name: string) => attributes?.find((a) => a.Name === name)?.Value;

/**
 * Console users in the Cognito user pool: `AdminCreateUser` with the tenant attribute and an e-mailed invitation
 * (Cognito's temporary password, changed at first sign-in through its NEW_PASSWORD_REQUIRED challenge), one group
 * per role. A retry after a crash finds the user an earlier attempt created (UsernameExistsException) and finishes.
 */
export class CognitoUserIdentities implements UserIdentities {
  constructor(
    private readonly cognito: Pick<CognitoIdentityProviderClient, 'send'>,
    private readonly userPoolId: string,
  ) {}

  /** @throws ConflictError when the e-mail belongs to another identity, or the username to another tenant. */
  async create(identity: NewIdentity): Promise<CreatedIdentity> {
    const UserPoolId = this.userPoolId;
    const Username = identity.identityName;
    let attributes: AttributeType[] | undefined;
    try {
      const created = await this.cognito.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username,
          UserAttributes: [
            { Name: 'email', Value: identity.login },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: identity.name },
            { Name: CLAIMS.tenantId, Value: identity.tenantId },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      attributes = created.User?.Attributes;
    } catch (error) {
      if (error instanceof AliasExistsException) throw new ConflictError(`The login ${identity.login} is already taken`, { reason: 'login_taken' }, { cause: error });
      if (!(error instanceof UsernameExistsException)) throw error;
      // An earlier attempt got this far: carry on with the user it made.
      attributes = (await this.cognito.send(new AdminGetUserCommand({ UserPoolId, Username }))).UserAttributes;
      if (attribute(attributes, CLAIMS.tenantId) !== identity.tenantId) throw new ConflictError(`The login ${identity.login} is already taken`, { reason: 'login_taken' }, { cause: error });
    }
    const userId = attribute(attributes, 'sub');
    if (!userId) throw new Error(`Cognito answered user ${Username} without a sub`);
    // Adding a user to a group it is in already succeeds, so a retry repeats these safely.
    for (const role of identity.roles) await this.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: role }));
    return { userId };
  }

  async setRoles(identityName: string, roles: Role[], previous: Role[]): Promise<void> {
    const UserPoolId = this.userPoolId;
    for (const role of roles.filter((r) => !previous.includes(r))) await this.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: identityName, GroupName: role }));
    for (const role of previous.filter((r) => !roles.includes(r))) await this.cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: identityName, GroupName: role }));
  }

  async setName(identityName: string, name: string): Promise<void> {
    await this.cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId: this.userPoolId, Username: identityName, UserAttributes: [{ Name: 'name', Value: name }] }));
  }

  async disable(identityName: string): Promise<void> {
    await this.cognito.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: identityName }));
    // Revokes refresh tokens; ID tokens already out are refused by our own check (sessionsValidAfter).
    await this.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: identityName }));
  }
}
