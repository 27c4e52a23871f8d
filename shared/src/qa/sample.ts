/**
 * The supervisor's daily sample, pure: every flagged conversation of the day plus, from the rest, `perAgent`
 * conversations of each agent drawn at random. The draw is seeded by tenant and date: each conversation's rank is a
 * hash of (tenant, date, contact), so the list is the same however often and in whatever order the day is read, and
 * every unflagged conversation of an agent is as likely as any other to be drawn.
 */
import type { AnalysisSearchEntry } from '../analytics/values.ts';
import type { QaSampleEntry } from './values.ts';

/** FNV-1a, 32 bits: a stable spread of a string over 0…2³²−1 (not for secrets; only to rank fairly and repeatably). */
export function sampleRank(seed: string, contactId: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}|${contactId}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // One more mix, so contact ids that differ in their last letter do not rank next to each other.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/**
 * The day's sample from its analysed conversations (`entries`, any order; repeats of a contact count once):
 * flagged ones first (newest first), then each agent's drawn ones (by agent, newest first). Conversations without
 * an agent are drawn as one group of their own. `evaluated` gives each contact's stored evaluations, which mark an
 * entry but never remove it.
 */
export function dailySample(input: { tenantId: string; date: string; perAgent: number; entries: readonly AnalysisSearchEntry[]; evaluated?: ReadonlyMap<string, readonly string[]> }): QaSampleEntry[] {
  const seed = `${input.tenantId}|${input.date}`;
  const unique = [...new Map(input.entries.map((entry) => [entry.contactId, entry])).values()];
  const newestFirst = (a: AnalysisSearchEntry, b: AnalysisSearchEntry) => b.closedAt.localeCompare(a.closedAt) || a.contactId.localeCompare(b.contactId);
  const mark = (entry: AnalysisSearchEntry, reason: QaSampleEntry['reason']): QaSampleEntry => ({ ...entry, reason, evaluationIds: [...(input.evaluated?.get(entry.contactId) ?? [])] });

  const flagged = unique.filter((entry) => entry.flagged).sort(newestFirst).map((entry) => mark(entry, 'flagged'));
  const byAgent = new Map<string, AnalysisSearchEntry[]>();
  for (const entry of unique.filter((e) => !e.flagged)) {
    const agent = entry.agentId ?? '';
    byAgent.set(agent, [...(byAgent.get(agent) ?? []), entry]);
  }
  const drawn = [...byAgent.keys()].sort().flatMap((agent) =>
    byAgent.get(agent)!
      .map((entry) => ({ entry, rank: sampleRank(seed, entry.contactId) }))
      .sort((a, b) => a.rank - b.rank || a.entry.contactId.localeCompare(b.entry.contactId))
      .slice(0, Math.max(0, input.perAgent))
      .map(({ entry }) => entry)
      .sort(newestFirst)
      .map((entry) => mark(entry, 'random')));
  return [...flagged, ...drawn];
}
