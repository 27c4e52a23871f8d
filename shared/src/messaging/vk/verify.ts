import { equalSecrets } from '../signature.ts';

/** What a VK channel instance is configured with: the Callback API secret key and the community id. */
export interface VkVerifyConfig {
  secret: string;
  groupId?: number | string;
}

/**
 * Whether a Callback API body is authentic: its `secret` equals the channel's (constant-time) and,
 * when configured, `group_id` is our community. A `confirmation` request may come without a secret;
 * it is accepted only for our configured community (its answer, the confirmation code, is not secret).
 */
export function verifyVkCallback(body: unknown, config: VkVerifyConfig): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { secret, group_id: groupId, type } = body as Record<string, unknown>;
  const groupMatches = config.groupId === undefined || String(groupId) === String(config.groupId);
  if (!groupMatches) return false;
  if (typeof secret === 'string' && secret.length > 0) return !!config.secret && equalSecrets(secret, config.secret);
  return type === 'confirmation' && config.groupId !== undefined;
}
