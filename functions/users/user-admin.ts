import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { changeAgentStatus } from '@cc/shared/agents/change-status';
import type { Agent } from '@cc/shared/agents/model';
import { ConflictError, NotFoundError } from '@cc/shared/errors';
import type { User } from '@cc/shared/tenancy/model';
import { applyAgentSetup, newAgent, routingProfile, toUserAdminView, type AgentSetup, type CreateUser, type UpdateUser, type UserAdminView } from '@cc/shared/users/model';
import type { Deps } from '../composition/deps.ts';
import { disconnectUser } from '../realtime/disconnect-user.ts';
import { changeAgent } from './agent-records.ts';

export type UserAdminDeps = Pick<Deps, 'directory' | 'agents' | 'queues' | 'identities' | 'clock' | 'connections' | 'push'>;

/** A user just created: its view and, locally, the one-time password shown to the admin once. */
export type CreatedUser = UserAdminView & { temporaryPassword?: string };

const loginTaken = (login: string) => new ConflictError(`The login ${login} is already taken`, { reason: 'login_taken' });

/** A 400 naming the fields at fault, as a schema failure would (the console marks those fields). */
const invalid = (issues: { path: (string | number)[]; message: string }[]) => new z.ZodRealError(issues.map((issue) => ({ code: 'custom' as const, input: undefined, ...issue })));

/**
 * Administration of a tenant's console users and their agent records. Creating is one flow that is safe to
 * repeat: the login is claimed first (with the identity's name), then the identity, the user and the agent are
 * made, each step finding what an earlier, crashed attempt left; disabling writes the user first, so its tokens
 * stop working before the identity provider is even called.
 */
export class UserAdmin {
  constructor(private readonly deps: UserAdminDeps) {}

  async list(tenantId: string): Promise<UserAdminView[]> {
    const [users, agents] = await Promise.all([this.deps.directory.listUsers(tenantId), this.deps.agents.list(tenantId)]);
    const byId = new Map(agents.map((a) => [a.agentId, a]));
    return users.map((user) => toUserAdminView(user, byId.get(user.userId)));
  }

  /** @throws NotFoundError for a user of another tenant, or none. */
  async get(tenantId: string, userId: string): Promise<UserAdminView> {
    const user = await this.user(tenantId, userId);
    return toUserAdminView(user, await this.deps.agents.get(tenantId, userId));
  }

  /** @throws ConflictError (`login_taken`) for a login any tenant has; ZodError for a queue the tenant lacks. */
  async create(tenantId: string, request: CreateUser): Promise<CreatedUser> {
    const { directory, identities, clock } = this.deps;
    if (request.agent) await this.assertQueuesExist(tenantId, request.agent);
    const now = clock.now().toISOString();
    const { claim, created } = await directory.claimLogin({ login: request.login, tenantId, identityName: `u-${randomUUID()}`, claimedAt: now });
    // Another tenant's login, or a user that was finished: a duplicate. A pending claim of ours: a retry, resumed.
    if (!created && (claim.tenantId !== tenantId || claim.userId)) throw loginTaken(request.login);
    const existing = await directory.findUserByLogin(request.login);
    if (existing && existing.identityName !== claim.identityName) {
      // A user from before claims existed (the seed): the claim now says so.
      await directory.completeLoginClaim(request.login, existing.userId);
      throw loginTaken(request.login);
    }
    const identity = await identities.create({ tenantId, identityName: claim.identityName, login: request.login, name: request.name, roles: request.roles });
    const user: User = {
      tenantId,
      userId: identity.userId,
      login: request.login,
      name: request.name,
      roles: request.roles,
      status: 'invited',
      identityName: claim.identityName,
      createdAt: claim.claimedAt,
      ...(identity.passwordHash && { passwordHash: identity.passwordHash, mustChangePassword: true }),
    };
    await directory.putUser(user);
    let agent: Agent | undefined;
    if (request.agent) {
      agent = await this.deps.agents.get(tenantId, user.userId);
      if (!agent) {
        agent = newAgent(user, request.agent, clock.now());
        await this.deps.agents.put(agent);
      }
    }
    await directory.completeLoginClaim(request.login, user.userId);
    return { ...toUserAdminView(user, agent), ...(identity.temporaryPassword && { temporaryPassword: identity.temporaryPassword }) };
  }

  /** @throws NotFoundError; ConflictError for a disabled user; ZodError for an agent without set-up or an unknown queue. */
  async update(tenantId: string, userId: string, patch: UpdateUser): Promise<UserAdminView> {
    const user = await this.user(tenantId, userId);
    if (user.status === 'disabled') throw new ConflictError('A disabled user cannot be changed', { reason: 'user_disabled' });
    const roles = patch.roles ?? user.roles;
    const name = patch.name ?? user.name;
    let agent = await this.deps.agents.get(tenantId, userId);
    if (roles.includes('agent') && !agent && !patch.agent) throw invalid([{ path: ['agent'], message: 'An agent needs skills, queues and capacity (send `agent`)' }]);
    if (patch.agent) await this.assertQueuesExist(tenantId, patch.agent);

    const identityName = user.identityName ?? user.userId;
    const rolesChanged = roles.length !== user.roles.length || roles.some((r) => !user.roles.includes(r));
    if (rolesChanged) await this.deps.identities.setRoles(identityName, roles, user.roles);
    if (name !== user.name) await this.deps.identities.setName(identityName, name);
    const now = this.deps.clock.now();
    // Tokens carry roles: those issued before the change stop working, so nobody keeps roles they lost.
    const next: User = { ...user, name, roles, ...(rolesChanged && { sessionsValidAfter: now.toISOString() }) };
    await this.deps.directory.putUser(next);

    const setup = patch.agent;
    if (agent) agent = await changeAgent(this.deps, tenantId, userId, (a) => (setup || a.name !== name ? { ...(setup ? applyAgentSetup(a, setup) : a), name, version: a.version + 1 } : a));
    else if (setup) await this.deps.agents.put((agent = newAgent(next, setup, now)));
    if (rolesChanged) await disconnectUser(this.deps, tenantId, userId);
    return toUserAdminView(next, agent);
  }

  /** Ends the user's sessions and routing for good; repeating it repeats the remaining steps. @throws NotFoundError */
  async disable(tenantId: string, userId: string): Promise<UserAdminView> {
    const user = await this.user(tenantId, userId);
    const now = this.deps.clock.now();
    const disabled: User = user.status === 'disabled' ? user : { ...user, status: 'disabled', disabledAt: now.toISOString(), sessionsValidAfter: now.toISOString() };
    const { passwordChallenge: _challenge, ...stored } = disabled;
    if (disabled !== user) await this.deps.directory.putUser(stored);
    await this.deps.identities.disable(user.identityName ?? user.userId);
    let agent = await this.deps.agents.get(tenantId, userId);
    if (agent) agent = await changeAgent(this.deps, tenantId, userId, (a) => changeAgentStatus(a, { status: 'offline' }, now));
    await disconnectUser(this.deps, tenantId, userId);
    return toUserAdminView(stored, agent);
  }

  private async user(tenantId: string, userId: string): Promise<User> {
    const user = await this.deps.directory.getUser(tenantId, userId);
    if (!user) throw new NotFoundError('User', userId);
    return user;
  }

  /** @throws ZodError naming each queue of `setup` the tenant does not have. */
  private async assertQueuesExist(tenantId: string, setup: AgentSetup) {
    const known = new Set((await this.deps.queues.list(tenantId)).map((q) => q.queueId));
    const issues = [
      ...(setup.queueIds ?? []).flatMap((id, i) => (known.has(id) ? [] : [{ path: ['agent', 'queueIds', i], message: `No queue ${id}` }])),
      ...(setup.profile ?? []).flatMap((p, i) => (known.has(p.queueId) ? [] : [{ path: ['agent', 'profile', i, 'queueId'], message: `No queue ${p.queueId}` }])),
    ];
    if (issues.length > 0 || routingProfile(setup).length === 0) throw invalid(issues.length > 0 ? issues : [{ path: ['agent', 'queueIds'], message: 'An agent serves at least one queue' }]);
  }
}
