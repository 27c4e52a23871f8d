import type { Principal } from '@cc/shared/auth/model';
import { isMember, parseRoomId, presenceOf, type RoomCandidate, type RoomRef, type TeamPerson } from '@cc/shared/team-chat/values';
import type { Deps } from '../composition/deps.ts';

/** A colleague with what decides the rooms they are in. */
export type TeamMember = TeamPerson & RoomCandidate;

type DirectoryDeps = Pick<Deps, 'directory' | 'agents' | 'connections'>;

/**
 * Who is in the tenant's team chat and how present they are: every user not disabled (and any agent without a user
 * record), their queues from their agent record, their presence from the agent's stored status, or, for people who
 * take no contacts (supervisors, admins), whether a console of theirs is connected.
 */
export class TeamDirectory {
  constructor(private readonly deps: DirectoryDeps) {}

  async people(tenantId: string): Promise<TeamMember[]> {
    const [users, agents, connections] = await Promise.all([this.deps.directory.listUsers(tenantId), this.deps.agents.list(tenantId), this.deps.connections.listByTenant(tenantId)]);
    const agentOf = new Map(agents.map((a) => [a.agentId, a]));
    const online = new Set(connections.filter((c) => c.roles.length > 0).map((c) => c.userId));
    const people: TeamMember[] = users
      .filter((user) => user.status !== 'disabled')
      .map((user) => {
        const agent = agentOf.get(user.userId);
        return { userId: user.userId, name: user.name, roles: user.roles, queueIds: agent?.queueIds ?? [], presence: agent ? presenceOf(agent.status) : online.has(user.userId) ? 'online' : 'offline' };
      });
    const listed = new Set(users.map((u) => u.userId));
    for (const agent of agents) if (!listed.has(agent.agentId)) people.push({ userId: agent.agentId, name: agent.name, roles: ['agent'], queueIds: agent.queueIds, presence: presenceOf(agent.status) });
    return people.sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.userId.localeCompare(b.userId));
  }

  /** The caller as a member: their directory entry with the roles of their token (what this request may do). */
  static self(principal: Principal, people: readonly TeamMember[]): TeamMember {
    const listed = people.find((p) => p.userId === principal.userId);
    return { userId: principal.userId, name: listed?.name ?? principal.name, queueIds: listed?.queueIds ?? [], presence: listed?.presence ?? 'online', roles: principal.roles };
  }

  /** The user ids of a room's members among `people`. */
  static membersOf(room: RoomRef, people: readonly TeamMember[]): string[] {
    return people.filter((p) => isMember(room, p)).map((p) => p.userId);
  }

  /** A room's members now, for the stream's pushes; none for a room id that names no room. */
  async membersOfRoom(tenantId: string, roomId: string): Promise<string[]> {
    const room = parseRoomId(roomId);
    return room ? TeamDirectory.membersOf(room, await this.people(tenantId)) : [];
  }
}
