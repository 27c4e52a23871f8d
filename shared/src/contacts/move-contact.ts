import { transitionContact, type TransitionOptions } from '../routing/lifecycle.ts';
import type { ContactStatus } from '../routing/model.ts';
import { closeHoldPeriod } from './call-hold.ts';
import type { Contact } from './model.ts';

/**
 * Applies lifecycle moves in order (e.g. `missed` then `queued`) and returns the contact as it will be stored:
 * every move appended to `history` with its time, and the version bumped once (one write). A call that leaves
 * `connected` while on hold has its hold period closed then, so the hold time never runs on after the call.
 * @throws InvalidTransitionError when a move is not allowed.
 */
export function moveContact(contact: Contact, moves: readonly [ContactStatus, TransitionOptions][]): Contact {
  let next: Contact = contact;
  const history = [...contact.history];
  for (const [to, options] of moves) {
    const result = transitionContact(next, to, options);
    // transitionContact copies its input, so the contact's own fields ride along.
    next = result.contact as Contact;
    history.push(result.record);
    if (result.record.from === 'connected' && next.hold?.since !== undefined) next = { ...next, hold: closeHoldPeriod(next.hold, options.at) };
  }
  return { ...next, history, version: contact.version + 1 };
}
