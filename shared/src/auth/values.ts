// Zod-free value lists the auth schemas build on, so the console can import them without zod.

/** Console roles; a Cognito group of the same name in AWS. */
export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
