/**
 * Which script an agent follows on a contact: among the tenant's live scripts attached to the contact's queue, the
 * most specific one (a matching IVR / menu choice beats a matching channel, which beats the queue alone); ties go to
 * the most recently changed. A script that names channels or choices the contact does not match is not a candidate.
 */
import type { Script } from './values.ts';

interface ContactFacts {
  queueId: string;
  channel: string;
  menuChoice?: string | undefined;
}

/** How specifically `script` fits the contact: undefined when it does not fit at all. */
export function fitOf(script: Pick<Script, 'attach' | 'archived'>, contact: ContactFacts): number | undefined {
  const { queueIds, channels, menuChoices } = script.attach;
  if (script.archived || !queueIds.includes(contact.queueId)) return undefined;
  if (channels?.length && !channels.includes(contact.channel)) return undefined;
  if (menuChoices?.length && (contact.menuChoice === undefined || !menuChoices.includes(contact.menuChoice))) return undefined;
  return (menuChoices?.length ? 2 : 0) + (channels?.length ? 1 : 0);
}

/** The script for the contact, if any is attached. */
export function scriptForContact<S extends Pick<Script, 'attach' | 'archived' | 'updatedAt' | 'scriptId'>>(scripts: readonly S[], contact: ContactFacts): S | undefined {
  let best: { script: S; fit: number } | undefined;
  for (const script of scripts) {
    const fit = fitOf(script, contact);
    if (fit === undefined) continue;
    if (!best || fit > best.fit || (fit === best.fit && (script.updatedAt > best.script.updatedAt || (script.updatedAt === best.script.updatedAt && script.scriptId < best.script.scriptId)))) best = { script, fit };
  }
  return best?.script;
}
