/**
 * Gamification on the table's stream. After the metrics reaction has folded a contact or agent change into the
 * aggregates, the agents it touched are judged (rules earned early, quests) and closed periods settled; every new
 * award is pushed to the tenant's consoles, so the motivation board and the agent's card follow at once.
 */
import type { Award } from '@cc/shared/gamification/values';
import type { Deps } from '../composition/deps.ts';
import { broadcast } from '../realtime/reactions.ts';
import type { ChangeReaction, ItemChange } from '../streams/app.ts';
import type { AwardJudge } from './award-judge.ts';

/** The agents a change names: the contact's or agent's own, and every agent of the history entries it appended. */
function agentsTouched(change: ItemChange): { tenantId: string | undefined; agentIds: string[]; countedAt: string[] } {
  const after = change.newImage;
  if (!after || change.oldImage?.['version'] === after['version']) return { tenantId: undefined, agentIds: [], countedAt: [] };
  const history = Array.isArray(after['history']) ? (after['history'] as { agentId?: unknown; at?: unknown }[]) : [];
  const known = Array.isArray(change.oldImage?.['history']) ? (change.oldImage['history'] as unknown[]).length : 0;
  const appended = history.slice(known);
  const ids = [after['agentId'], change.oldImage?.['agentId'], ...appended.map((h) => h.agentId)].filter((v): v is string => typeof v === 'string');
  const tenantId = after['tenantId'];
  return { tenantId: typeof tenantId === 'string' ? tenantId : undefined, agentIds: [...new Set(ids)], countedAt: appended.map((h) => h.at).filter((v): v is string => typeof v === 'string') };
}

export function gamificationReactions(deps: Pick<Deps, 'connections' | 'push'>, judge: Pick<AwardJudge, 'figuresChanged'>): ChangeReaction[] {
  const judgeTouched = async (change: ItemChange) => {
    const { tenantId, agentIds, countedAt } = agentsTouched(change);
    if (tenantId !== undefined && agentIds.length > 0) await judge.figuresChanged(tenantId, agentIds, undefined, countedAt);
  };
  return [
    { name: 'gamification: contact figures', entity: 'contact', react: judgeTouched },
    { name: 'gamification: agent figures', entity: 'agent', react: judgeTouched },
    {
      name: 'gamification: push a new award',
      entity: 'award',
      react: async (change) => {
        if (change.eventName !== 'INSERT' || !change.newImage) return;
        const { pk: _pk, sk: _sk, entity: _entity, expiresAt: _expires, ...award } = change.newImage as unknown as Award & { pk: string; sk: string; entity: string; expiresAt: number };
        await broadcast(deps, award.tenantId, () => true, { type: 'achievement.earned', award });
      },
    },
  ];
}
