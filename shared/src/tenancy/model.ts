import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { RoleSchema } from '../auth/model.ts';
import { ChannelKindSchema } from '../channels/schema.ts';
import { USER_STATUSES } from '../users/values.ts';

/** The time zone of a tenant that names none (and of one without a profile): the demo company's, Moscow. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** A business using the contact center; every record belongs to exactly one. */
export const TenantSchema = lazySchema(() => z.object({
  tenantId: z.string().min(1),
  name: z.string().min(1),
  timeZone: z.string().default(DEFAULT_TIME_ZONE),
  locale: z.enum(['ru', 'en']).default('ru'),
  createdAt: z.string(),
}));
export type Tenant = z.infer<typeof TenantSchema>;

/** A console user. In AWS the identity lives in Cognito; this record holds the profile. */
export const UserSchema = lazySchema(() => z.object({
  tenantId: z.string(),
  userId: z.string(),
  login: z.string(),
  name: z.string(),
  roles: z.array(RoleSchema).min(1),
  /** Local mode only: scrypt hash checked by the local login endpoint. */
  passwordHash: z.string().optional(),
  /** Absent on users seeded or created by hand before administration existed: they count as `active`. */
  status: z.enum(USER_STATUSES).optional(),
  /** The identity provider's name for the user (Cognito `Username`), for administration calls; locally the user id. */
  identityName: z.string().optional(),
  /** Local mode only: the password is a one-time one that the first sign-in must replace. */
  mustChangePassword: z.boolean().optional(),
  /** Local mode only: the pending new-password challenge (hash of its session, and when it ends). */
  passwordChallenge: z.object({ sessionHash: z.string(), expiresAt: z.string() }).optional(),
  /** Tokens issued before this instant are refused (set when roles change or the user is disabled). */
  sessionsValidAfter: z.string().optional(),
  createdAt: z.string().optional(),
  disabledAt: z.string().optional(),
}));
export type User = z.infer<typeof UserSchema>;

/** Public view of a user: never includes the password hash. */
export function toUserView(user: User) {
  return { userId: user.userId, tenantId: user.tenantId, login: user.login, name: user.name, roles: user.roles };
}
export type UserView = ReturnType<typeof toUserView>;

/** A connected messenger bot or widget; its secrets are stored encrypted and never returned. */
export const ChannelSchema = lazySchema(() => z.object({
  tenantId: z.string(),
  channelId: z.string(),
  kind: ChannelKindSchema,
  name: z.string(),
  /** Queue new conversations go to unless the customer picks one in a pre-chat menu. */
  defaultQueueId: z.string().optional(),
  /** Non-secret provider settings (bot username, phone-number id, VK group id, allowed origins). */
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Ciphertext of the provider secrets, opened only by the webhook verifier and the senders. */
  encryptedSecrets: z.string(),
  createdAt: z.string(),
}));
export type Channel = z.infer<typeof ChannelSchema>;

/** Public view of a channel: settings without secrets. */
export function toChannelView(channel: Channel) {
  const { encryptedSecrets: _secrets, ...view } = channel;
  return view;
}

/** A phone number routed to the voice flows. */
export const PhoneNumberSchema = lazySchema(() => z.object({
  tenantId: z.string(),
  e164: z.string().regex(/^\+[1-9]\d{6,14}$/),
  name: z.string(),
  flowId: z.string().optional(),
  defaultQueueId: z.string().optional(),
}));
export type PhoneNumber = z.infer<typeof PhoneNumberSchema>;
