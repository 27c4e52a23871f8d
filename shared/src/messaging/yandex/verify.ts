import { equalSecrets } from '../signature.ts';

/**
 * Whether a skill call is addressed to the channel's skill: `session.skill_id` must equal the
 * configured id (constant-time). With no skill id configured every call is accepted, as the
 * protocol itself carries no signature.
 */
export function verifyAliceSkill(body: unknown, config: { skillId?: string | undefined }): boolean {
  if (!config.skillId) return true;
  if (typeof body !== 'object' || body === null) return false;
  const session = (body as { session?: unknown }).session;
  const skillId = typeof session === 'object' && session !== null ? (session as { skill_id?: unknown }).skill_id : undefined;
  return typeof skillId === 'string' && equalSecrets(skillId, config.skillId);
}
