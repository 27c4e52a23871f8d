/**
 * Which agents handled a contact, and how, read from its lifecycle history alone (so any image of the contact
 * gives the same answer for the steps it has): an offer starts an agent's handling, a takeover moves it to the
 * supervisor, and the first step that takes the contact away from the agent ends it. Pure.
 */
import type { Contact, TransitionRecord } from '../contacts/model.ts';
import type { ContactEntry, ContactHandling, HandlingOutcome } from './values.ts';

/** What a step does to the handling it belongs to; steps not listed (queued) leave it as it is. */
const ENDS: Partial<Record<string, HandlingOutcome>> = { closed: 'completed', missed: 'missed', abandoned: 'abandoned', transferred: 'transferred' };

/** Every handling in the history, oldest first; the last one may still be going on. */
export function handlingsOf(contactId: string, history: readonly TransitionRecord[]): ContactHandling[] {
  const done: ContactHandling[] = [];
  let current: ContactHandling | undefined;
  const finish = (at: string, outcome: HandlingOutcome) => {
    if (!current) return;
    done.push({ ...current, closedAt: at, outcome });
    current = undefined;
  };
  for (const step of history) {
    if (step.to === 'offered' && step.agentId) {
      // An offer while another handling is open would be a broken history: the older one ends there.
      finish(step.at, 'missed');
      current = { agentId: step.agentId, contactId, startedAt: step.at, offeredAt: step.at, outcome: 'offered' };
    } else if (step.from === 'connected' && step.to === 'connected' && step.agentId && step.agentId !== current?.agentId) {
      finish(step.at, 'taken-over');
      current = { agentId: step.agentId, contactId, startedAt: step.at, connectedAt: step.at, outcome: 'connected' };
    } else if (current && step.to === 'connected') {
      current = { ...current, connectedAt: current.connectedAt ?? step.at, outcome: 'connected' };
    } else if (current && step.to === 'after-contact-work') {
      current = { ...current, wrapUpAt: step.at, outcome: 'after-contact-work' };
    } else if (ENDS[step.to]) {
      finish(step.at, ENDS[step.to]!);
    }
  }
  if (current) done.push(current);
  return done;
}

const keyOf = (handling: ContactHandling) => `${handling.agentId}#${handling.startedAt}`;

/**
 * The day-log entries a contact change makes: the handlings new or changed between the image before and after,
 * each with its channel and the queue it was handled in. A handling that began before this change keeps the queue
 * of the image before (a transfer changes the contact's queue in the very change that ends it).
 */
export function changedHandlings(before: Contact | undefined, after: Contact): { entry: ContactEntry; isNew: boolean }[] {
  const earlier = new Map((before ? handlingsOf(before.contactId, before.history) : []).map((handling) => [keyOf(handling), handling]));
  return handlingsOf(after.contactId, after.history).flatMap((handling) => {
    const known = earlier.get(keyOf(handling));
    if (known && JSON.stringify(known) === JSON.stringify(handling)) return [];
    const queueId = known && before ? before.queueId : after.queueId;
    return [{ entry: { ...handling, channel: after.channel, queueId, contactVersion: after.version }, isNew: !known }];
  });
}
