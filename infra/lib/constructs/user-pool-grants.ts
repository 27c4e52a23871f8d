import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { CcFunction } from './cc-function.ts';

/** What user administration calls on the user pool (functions/adapters/identity/cognito-user-identities.ts), and nothing more. */
export const USER_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminUserGlobalSignOut',
];

/** `USER_POOL_ID` and the administration actions on that one pool. */
export function grantUserAdministration(fn: CcFunction, userPool: IUserPool): void {
  fn.addEnvironment('USER_POOL_ID', userPool.userPoolId);
  userPool.grant(fn, ...USER_ADMIN_ACTIONS);
}
