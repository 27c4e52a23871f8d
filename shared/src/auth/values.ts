// Zod-free value lists the auth schemas build on, so the console can import them without zod.

/** Console roles; a Cognito group of the same name in AWS. */
export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles ordered by what they may see: a supervisor may do what an agent may, an admin everything. */
const RANK: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };

/** Whether a caller holding `roles` may use a route that requires `required`. */
export function hasRole(roles: readonly Role[], required: Role): boolean {
  return roles.some((role) => RANK[role] >= RANK[required]);
}
