import { ContactSchema, type Contact } from '@cc/shared/contacts/model';
import type { ChangeReaction } from '../streams/app.ts';
import type { ScriptRuns } from './script-runs.ts';

/** Where a contact's part is over for good: a script not finished by then was dropped there. */
const ENDED = new Set<Contact['status']>(['closed', 'abandoned', 'transferred']);

/** Scripts off the stream: a contact that has just ended drops the script runs it left unfinished (counted in the funnel). */
export function scriptReactions(runs: ScriptRuns): ChangeReaction[] {
  return [
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
