import { AgentSchema } from '@cc/shared/agents/model';
import { presenceOf, type TeamMessage } from '@cc/shared/team-chat/values';
import type { Deps } from '../composition/deps.ts';
import { broadcast } from '../realtime/reactions.ts';
import type { ChangeReaction } from '../streams/app.ts';
import { TeamDirectory } from './team-directory.ts';

/** The message as stored, without its keys, entity and search text. */
function messageOf(image: Record<string, unknown>): TeamMessage {
  const { pk: _pk, sk: _sk, entity: _entity, search: _search, ...message } = image as unknown as TeamMessage & { pk: string; sk: string; entity: string; search?: string };
  return message;
}

/**
 * The team chat off the stream: a new message is pushed to the online members of its room (`team.message`) and, to
 * those it names, as a mention (`team.mention`); an agent whose presence changes is shown so to every colleague
 * (`team.presence`; the full `agent.updated` stays with the agent and supervisors).
 */
export function teamChatReactions(deps: Pick<Deps, 'connections' | 'push' | 'directory' | 'agents'>): ChangeReaction[] {
  const directory = new TeamDirectory(deps);
  return [
    {
      name: 'team chat: push a new message to the room’s members and its mentions',
      entity: 'teamMessage',
      react: async (change) => {
        if (!change.newImage || change.oldImage) return;
        const message = messageOf(change.newImage);
        const members = new Set(await directory.membersOfRoom(message.tenantId, message.roomId));
        await broadcast(deps, message.tenantId, (c) => members.has(c.userId), { type: 'team.message', message });
        const named = new Set((message.mentions ?? []).filter((id) => members.has(id)));
        if (named.size > 0) await broadcast(deps, message.tenantId, (c) => named.has(c.userId), { type: 'team.mention', message });
      },
    },
    {
      name: 'team chat: push an agent’s changed presence to colleagues',
      entity: 'agent',
      react: async (change) => {
        if (!change.newImage) return;
        const after = AgentSchema.parse(change.newImage);
        const before = change.oldImage ? AgentSchema.parse(change.oldImage) : undefined;
        const presence = presenceOf(after.status);
        if (before && presenceOf(before.status) === presence) return;
        await broadcast(deps, after.tenantId, () => true, { type: 'team.presence', userId: after.agentId, presence });
      },
    },
  ];
}
