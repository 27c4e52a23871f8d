import { ContactSchema, type Contact } from '@cc/shared/contacts/model';
import type { ScriptRun } from '@cc/shared/scripts/values';
import type { Deps } from '../composition/deps.ts';
import { broadcast, ownerOr } from '../realtime/reactions.ts';
import type { ChangeReaction } from '../streams/app.ts';
import type { ScriptRuns } from './script-runs.ts';

/** Where a contact's part is over for good: a script not finished by then was dropped there. */
const ENDED = new Set<Contact['status']>(['closed', 'abandoned', 'transferred']);

/**
 * Scripts off the stream: a contact that has just ended drops the script runs it left unfinished (counted in the
 * funnel), and every change of a run is pushed to its agent's consoles (another window follows) and to supervisors.
 */
export function scriptReactions(deps: Pick<Deps, 'connections' | 'push'>, runs: ScriptRuns): ChangeReaction[] {
  return [
    {
      name: 'scripts: push a run that moved on',
      entity: 'scriptRun',
      react: async (change) => {
        if (!change.newImage) return;
        const { pk: _pk, sk: _sk, entity: _entity, ...run } = change.newImage as unknown as ScriptRun & { pk: string; sk: string; entity: string };
        await broadcast(deps, run.tenantId, ownerOr(run.agentId, 'supervisor'), { type: 'script.run', run });
      },
    },
    {
      name: 'scripts: drop the unfinished runs of an ended contact',
      entity: 'contact',
      react: async (change) => {
        if (!change.newImage) return;
        const after = ContactSchema.parse(change.newImage);
        const before = change.oldImage ? ContactSchema.parse(change.oldImage) : undefined;
        if (!ENDED.has(after.status) || (before && ENDED.has(before.status))) return;
        await runs.contactEnded(after);
      },
    },
  ];
}
