import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { RoleSchema } from '../auth/model.ts';
import { SkillSchema, type Agent } from '../agents/model.ts';
import { IdSchema } from '../limits/input.ts';
import { toUserView, type User } from '../tenancy/model.ts';
import { DEFAULT_CAPACITY, PASSWORD_POLICY, passwordProblems, USER_LIMITS, type PasswordProblem } from './values.ts';

export type { UserStatus, PasswordProblem } from './values.ts';

const L = USER_LIMITS;

/** A queue the agent serves, with a routing bonus and a delay before its contacts are offered to them. */
export const RoutingEntrySchema = lazySchema(() => z.object({
  queueId: IdSchema,
  priority: z.number().int().min(L.priorityMin).max(L.priorityMax).default(0),
  delaySeconds: z.number().int().min(0).max(L.delayMaxSeconds).default(0),
}).strict());

/** Names appearing twice in `values`, reported at their index so the form marks the repeated row. */
function repeats(values: string[], path: (index: number) => (string | number)[], what: string, ctx: z.RefinementCtx) {
  values.forEach((value, index) => {
    if (values.indexOf(value) !== index) ctx.addIssue({ code: 'custom', path: path(index), message: `${what} ${value} is listed twice` });
  });
}

/**
 * How an agent is routed: skills with levels, queues (`queueIds` as a shorthand for entries with no bonus or delay,
 * or `profile` entries with a priority and a delay; an entry wins over the same id in `queueIds`) and capacity per
 * media class.
 */
export const AgentSetupSchema = lazySchema(() => z.object({
  skills: z.array(SkillSchema.extend({ skill: z.string().trim().min(1).max(64), level: z.number().int().min(L.skillLevelMin).max(L.skillLevelMax) })).max(L.skillsMax).default([]),
  queueIds: z.array(IdSchema).max(L.queuesMax).optional(),
  profile: z.array(RoutingEntrySchema).max(L.queuesMax).optional(),
  capacity: z.object({ voice: z.number().int().min(0).max(L.voiceCapacityMax), chat: z.number().int().min(0).max(L.chatCapacityMax) }).strict().default({ ...DEFAULT_CAPACITY }),
  /** True (default): a call and chats are never held together. */
  voiceBlocksChats: z.boolean().optional(),
}).strict().superRefine((setup, ctx) => {
  repeats(setup.skills.map((s) => s.skill), (i) => ['skills', i, 'skill'], 'Skill', ctx);
  repeats(setup.queueIds ?? [], (i) => ['queueIds', i], 'Queue', ctx);
  repeats((setup.profile ?? []).map((p) => p.queueId), (i) => ['profile', i, 'queueId'], 'Queue', ctx);
  if (setup.capacity.voice + setup.capacity.chat === 0) ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'An agent needs room for at least one call or chat' });
}));
export type AgentSetup = z.infer<typeof AgentSetupSchema>;

const LoginSchema = () => z.string().trim().toLowerCase().max(L.loginMax).pipe(z.email({ message: 'must be an e-mail address' }));
const NameSchema = () => z.string().trim().min(1, 'must not be empty').max(L.nameMax);
const RolesSchema = () => z.array(RoleSchema).min(1, 'at least one role').max(3).superRefine((roles, ctx) => repeats(roles, (i) => [i], 'Role', ctx));

/** `POST /api/users`: a console user; agents (role `agent`) need their routing set-up. */
export const CreateUserSchema = lazySchema(() => z.object({
  login: LoginSchema(),
  name: NameSchema(),
  roles: RolesSchema(),
  agent: AgentSetupSchema.optional(),
}).strict().superRefine((user, ctx) => {
  if (user.roles.includes('agent') && !user.agent) ctx.addIssue({ code: 'custom', path: ['agent'], message: 'An agent needs skills, queues and capacity (send `agent`)' });
}));
export type CreateUser = z.infer<typeof CreateUserSchema>;
/** What a client sends (defaults not yet filled). */
export type CreateUserBody = z.input<typeof CreateUserSchema>;

/** `PATCH /api/users/:userId`: any of name, roles and the agent set-up (which replaces the previous one). The login never changes. */
export const UpdateUserSchema = lazySchema(() => z.object({
  name: NameSchema().optional(),
  roles: RolesSchema().optional(),
  agent: AgentSetupSchema.optional(),
}).strict().refine((patch) => patch.name !== undefined || patch.roles !== undefined || patch.agent !== undefined, { message: 'Send at least one of name, roles, agent' }));
export type UpdateUser = z.infer<typeof UpdateUserSchema>;
export type UpdateUserBody = z.input<typeof UpdateUserSchema>;

/** A new password: the rules of {@link PASSWORD_POLICY}, each broken rule its own message. */
export const NewPasswordSchema = lazySchema(() => z.string().max(PASSWORD_POLICY.maxLength).superRefine((password, ctx) => {
  for (const problem of passwordProblems(password)) ctx.addIssue({ code: 'custom', message: PASSWORD_MESSAGES[problem] });
}));

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: `must be at least ${PASSWORD_POLICY.minLength} characters`,
  tooLong: `must be at most ${PASSWORD_POLICY.maxLength} characters`,
  noLowercase: 'must contain a lower-case letter',
  noUppercase: 'must contain an upper-case letter',
  noDigit: 'must contain a digit',
  noSymbol: 'must contain a symbol',
};

/** `POST /api/auth/new-password`: the challenge's session and the password replacing the one-time one. */
export const NewPasswordRequestSchema = lazySchema(() => z.object({ session: z.string().min(1).max(512), newPassword: NewPasswordSchema }).strict());
export type NewPasswordRequest = z.infer<typeof NewPasswordRequestSchema>;

/** The routing profile a set-up describes: its entries, then its shorthand ids with no bonus or delay. */
export function routingProfile(setup: Pick<AgentSetup, 'queueIds' | 'profile'>): NonNullable<Agent['profile']> {
  const entries = (setup.profile ?? []).map((p) => ({ queueId: p.queueId, priority: p.priority, delaySeconds: p.delaySeconds }));
  const listed = new Set(entries.map((e) => e.queueId));
  return [...entries, ...(setup.queueIds ?? []).filter((id) => !listed.has(id)).map((queueId) => ({ queueId, priority: 0, delaySeconds: 0 }))];
}

/** A new, offline agent record for a user, routed as `setup` says. */
export function newAgent(user: Pick<User, 'tenantId' | 'userId' | 'name'>, setup: AgentSetup, now: Date): Agent {
  return applyAgentSetup({ tenantId: user.tenantId, agentId: user.userId, name: user.name, status: 'offline', statusSince: now.toISOString(), skills: [], queueIds: [], version: 1, load: { voice: 0, chat: 0 }, wrapping: 0, missedOffers: 0 }, setup);
}

/** `agent` routed as `setup` says; presence, load and counters untouched. */
export function applyAgentSetup(agent: Agent, setup: AgentSetup): Agent {
  const profile = routingProfile(setup);
  return { ...agent, skills: setup.skills, profile, queueIds: profile.map((p) => p.queueId), capacity: setup.capacity, ...(setup.voiceBlocksChats !== undefined && { voiceBlocksChats: setup.voiceBlocksChats }) };
}

/** What administration shows of a user: the public view, its status and, for agents, their routing set-up and presence. */
export function toUserAdminView(user: User, agent?: Agent) {
  return {
    ...toUserView(user),
    status: user.status ?? 'active',
    ...(user.createdAt && { createdAt: user.createdAt }),
    ...(user.disabledAt && { disabledAt: user.disabledAt }),
    ...(agent && { agent: { skills: agent.skills, queueIds: agent.queueIds, profile: agent.profile ?? agent.queueIds.map((queueId) => ({ queueId, priority: 0, delaySeconds: 0 })), capacity: agent.capacity ?? { voice: 1, chat: 3 }, ...(agent.voiceBlocksChats !== undefined && { voiceBlocksChats: agent.voiceBlocksChats }), status: agent.status } }),
  };
}
export type UserAdminView = ReturnType<typeof toUserAdminView>;
