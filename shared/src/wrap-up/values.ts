/**
 * Wrap-up (after-contact work) as the console and the server both decide it, zod-free so the console may import it:
 * the fixed vocabulary of dispositions, the limits of a completion, which topics an agent is offered, and the one
 * rule that says whether a completion is acceptable. The zod schemas in `schema.ts` call the same rule.
 */

/** How a contact ended for the customer; a small fixed vocabulary (labels live in the console's dictionaries). */
export const DISPOSITIONS = ['resolved', 'follow-up-needed', 'callback-scheduled', 'not-resolved'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Limits of a completion and of a topic. */
export const WRAP_UP_LIMITS = { maxTopics: 10, noteMaxLength: 2000, topicNameMaxLength: 80 } as const;

/** A wrap-up topic of a tenant (what the contact was about); an archived one stays on old contacts but is no longer offered. */
export interface Topic {
  topicId: string;
  name: string;
  archived: boolean;
}

/** What an agent sends to complete after-contact work. */
export interface WrapUpInput {
  topics: string[];
  disposition?: Disposition | undefined;
  note?: string | undefined;
}

/** What is kept on the contact once wrap-up is completed. */
export interface ContactWrapUp {
  topics: { topicId: string; name: string }[];
  disposition?: Disposition;
  note?: string;
  agentId: string;
  completedAt: string;
}

/** Why a completion is refused: a code the console translates, and a sentence for the API's 400. */
export interface WrapUpProblem {
  code: 'topic-required' | 'unknown-topic' | 'archived-topic' | 'too-many-topics';
  topicId?: string;
  detail: string;
}

/** The topics an agent may pick: not archived, by name. */
export function offeredTopics(topics: readonly Topic[], locale?: string): Topic[] {
  return topics.filter((t) => !t.archived).sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** Topics whose name contains `query` (case-insensitive); an empty query keeps them all. */
export function searchTopics<T extends Pick<Topic, 'name'>>(topics: readonly T[], query: string): T[] {
  const needle = query.trim().toLocaleLowerCase();
  return needle ? topics.filter((t) => t.name.toLocaleLowerCase().includes(needle)) : [...topics];
}

/**
 * Whether `input` completes a contact of a queue (`topicsRequired`) given the tenant's topics:
 * undefined when it does, else the first problem.
 */
export function wrapUpProblem(input: Pick<WrapUpInput, 'topics'>, topics: readonly Topic[], topicsRequired: boolean | undefined): WrapUpProblem | undefined {
  if (input.topics.length > WRAP_UP_LIMITS.maxTopics) return { code: 'too-many-topics', detail: `At most ${WRAP_UP_LIMITS.maxTopics} topics` };
  for (const topicId of input.topics) {
    const topic = topics.find((t) => t.topicId === topicId);
    if (!topic) return { code: 'unknown-topic', topicId, detail: `Unknown topic ${topicId}` };
    if (topic.archived) return { code: 'archived-topic', topicId, detail: `Topic ${topicId} is archived` };
  }
  if (topicsRequired && input.topics.length === 0) return { code: 'topic-required', detail: 'This queue requires at least one wrap-up topic' };
  return undefined;
}

/** What the contact keeps: the picked topics with their names as they were, the disposition and the trimmed note. */
export function recordWrapUp(input: WrapUpInput, topics: readonly Topic[], agentId: string, completedAt: string): ContactWrapUp {
  const picked = [...new Set(input.topics)].map((topicId) => ({ topicId, name: topics.find((t) => t.topicId === topicId)?.name ?? topicId }));
  const note = input.note?.trim();
  return { topics: picked, ...(input.disposition && { disposition: input.disposition }), ...(note && { note }), agentId, completedAt };
}

/**
 * When the queue's after-contact work time is over: close the contact (as before), or, when the queue requires
 * topics, keep it in wrap-up (overtime) so it is never closed without one.
 */
export function whenWrapUpTimeIsOver(queue: { topicsRequired?: boolean | undefined }): 'close' | 'overtime' {
  return queue.topicsRequired ? 'overtime' : 'close';
}
