/**
 * The item types the stream processor reacts to. Everything else the table writes (metric cells and marks, rule
 * states, day logs, rate counters, audit entries…) never reaches the function: in AWS the event source mapping's
 * filter drops it before an invocation is paid for; locally the poller drops it the same way. A test keeps this
 * list equal to the entities of `allReactions`.
 */
import type { EntityType } from '@cc/shared/db/keys';

export const STREAM_ENTITIES = ['contact', 'agent', 'message', 'outbox', 'idempotency', 'alertNotice', 'conversationAlert', 'scriptRun', 'award', 'teamMessage'] as const satisfies readonly EntityType[];

/** Whether a stream record (Lambda's shape: `dynamodb.NewImage`/`OldImage` in the wire format) is one the processor reacts to. */
export function isReactedTo(record: { dynamodb?: { NewImage?: Record<string, unknown>; OldImage?: Record<string, unknown> } }): boolean {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  const entity = (image?.['entity'] as { S?: string } | undefined)?.S;
  // A record without an entity is kept: the handler reports it as malformed rather than it vanishing here.
  return entity === undefined || (STREAM_ENTITIES as readonly string[]).includes(entity);
}
