import { DomainError } from '../errors.ts';

/** A disabled user tried to sign in (403, reason `user_disabled`): the console says so instead of "wrong password". */
export class UserDisabledError extends DomainError {
  override readonly status = 403;
  constructor() {
    super('user_disabled', 'This user is disabled; ask an administrator', { reason: 'user_disabled' });
  }
}
