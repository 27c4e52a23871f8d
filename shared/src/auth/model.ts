import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { ROLES, type Role } from './values.ts';

export type { Role } from './values.ts';

/** Console roles; a Cognito group of the same name in AWS. */
export const RoleSchema = lazySchema(() => z.enum(ROLES));

export { hasRole } from './values.ts';

/** The verified caller, as the API sees it, whichever issuer signed the token. */
export interface Principal {
  userId: string;
  tenantId: string;
  roles: Role[];
  name: string;
  login: string;
  /** When the token was issued (seconds since the epoch), for sessions ended after it. */
  issuedAt?: number;
}

/** Claim names shared by Cognito ID tokens and the local issuer. */
export const CLAIMS = {
  groups: 'cognito:groups',
  tenantId: 'custom:tenantId',
  login: 'cognito:username',
  name: 'name',
} as const;

export const LoginRequestSchema = lazySchema(() => z.object({
  login: z.string().trim().min(1).max(128),
  password: z.string().min(1).max(256),
}));
export type LoginRequest = z.infer<typeof LoginRequestSchema>;
