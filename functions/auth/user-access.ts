import type { Principal } from '@cc/shared/auth/model';
import { UnauthenticatedError } from '@cc/shared/errors';
import type { DirectoryRepository } from '@cc/shared/tenancy/ports';
import type { TokenVerifier } from './token-verifier.ts';

/**
 * Whether a verified caller may still act: refuses a disabled user and a token issued before the user's
 * `sessionsValidAfter` (roles changed, or disabled), with one read of the user's record. A caller without a record
 * (a service token, a user made before administration) passes on its token alone. The first token an invited user
 * shows proves the first sign-in finished (Cognito issues none before the new password), so the user becomes active.
 * @throws UnauthenticatedError
 */
export async function checkUserAccess(directory: Pick<DirectoryRepository, 'getUser' | 'putUser'>, principal: Principal): Promise<void> {
  const user = await directory.getUser(principal.tenantId, principal.userId);
  if (!user) return;
  if (user.status === 'disabled') throw new UnauthenticatedError('This user is disabled');
  // `iat` has whole seconds: a token of the change's own second still passes (so a sign-in right after it works);
  // for a disabled user the status above refuses it anyway.
  if (user.sessionsValidAfter && (principal.issuedAt ?? 0) < Math.floor(Date.parse(user.sessionsValidAfter) / 1000)) throw new UnauthenticatedError('This session has ended; sign in again');
  if (user.status === 'invited' && !user.mustChangePassword) await directory.putUser({ ...user, status: 'active' });
}

/** `verifier`, then {@link checkUserAccess}: what the API and `$connect` use, so a disabled user neither calls nor connects. */
export function withUserAccess(verifier: TokenVerifier, directory: Pick<DirectoryRepository, 'getUser' | 'putUser'>): TokenVerifier {
  return {
    async verify(token) {
      const principal = await verifier.verify(token);
      await checkUserAccess(directory, principal);
      return principal;
    },
  };
}
