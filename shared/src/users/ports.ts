import type { Role } from '../auth/model.ts';

/** A console user to create at the identity provider. */
export interface NewIdentity {
  tenantId: string;
  /** Our name for the identity (Cognito `Username`), chosen before the call so a retry finds it again. */
  identityName: string;
  login: string;
  name: string;
  roles: Role[];
}

/** What creating an identity gave. */
export interface CreatedIdentity {
  /** The subject id its tokens will carry (`sub`): the user id everywhere else. */
  userId: string;
  /** Local only: the one-time password to show the admin once, and its hash to store. */
  temporaryPassword?: string;
  passwordHash?: string;
}

/**
 * The sign-in side of console users: the Cognito user pool in AWS, the table's password hashes locally.
 * Every call is safe to repeat: a retry after a crash finishes the job and never makes a second identity.
 */
export interface UserIdentities {
  /** Creates the identity with its tenant, its role groups and an invitation, or finds the one an earlier attempt made. */
  create(identity: NewIdentity): Promise<CreatedIdentity>;
  /** Puts the identity into `roles`' groups and out of the others. */
  setRoles(identityName: string, roles: Role[], previous: Role[]): Promise<void>;
  setName(identityName: string, name: string): Promise<void>;
  /** Refuses further sign-ins and revokes the identity's refresh tokens. */
  disable(identityName: string): Promise<void>;
}

/** A login being taken: written before anything else, so a retry resumes with the same identity name. */
export interface LoginClaim {
  login: string;
  tenantId: string;
  identityName: string;
  /** Set once the user record exists. */
  userId?: string;
  claimedAt: string;
}
