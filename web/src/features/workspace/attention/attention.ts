/**
 * What asks for the agent's attention when they are not looking: waiting offers and unread customer messages in
 * the tab title, and which offers are new since the last look (each rings and notifies once). Pure.
 */

/** The tab title: `(3) …` counts offers plus unread messages; nothing waiting leaves the base title alone. */
export function attentionTitle(base: string, offers: number, unread: number): string {
  const waiting = offers + unread;
  return waiting > 0 ? `(${waiting}) ${base}` : base;
}

/** Offer ids in `current` not in `seen`, in the order given; `seen` is the caller's memory of earlier renders. */
export function newOffers(seen: ReadonlySet<string>, current: readonly string[]): string[] {
  return current.filter((id) => !seen.has(id));
}

/** Total unread messages over every contact. */
export function unreadTotal(unread: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const count of unread.values()) total += count;
  return total;
}

/** Sound: a ring for calls, one chime for chats. */
export type OfferTone = 'call' | 'chat';
