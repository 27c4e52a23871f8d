import { randomInt } from 'node:crypto';
import { passwordProblems } from '@cc/shared/users/values';
import type { CreatedIdentity, NewIdentity, UserIdentities } from '@cc/shared/users/ports';
import { hashPassword } from '../../auth/password.ts';

// No look-alike characters (0/O, 1/l/I): the admin may read the password out to a colleague.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A one-time password of four groups of four (about 93 bits), meeting the password rules. */
export function oneTimePassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
    const password = groups.join('-');
    if (passwordProblems(password).length === 0) return password;
  }
}

/**
 * Local identities: the user record in the table is the identity (its password hash, roles and status), so
 * creating one only makes a one-time password and the other calls have nothing to do.
 */
export class LocalUserIdentities implements UserIdentities {
  async create(identity: NewIdentity): Promise<CreatedIdentity> {
    const temporaryPassword = oneTimePassword();
    return { userId: identity.identityName, temporaryPassword, passwordHash: await hashPassword(temporaryPassword) };
  }

  async setRoles(): Promise<void> {}

  async setName(): Promise<void> {}

  async disable(): Promise<void> {}
}
