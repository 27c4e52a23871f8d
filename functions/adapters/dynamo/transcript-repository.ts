import { keys } from '@cc/shared/db/keys';
import { ConflictError } from '@cc/shared/errors';
import { compareSegments, type TranscriptSegment } from '@cc/shared/voice/values';
import type { TranscriptRepository } from '@cc/shared/voice/ports';
import type { DynamoTable } from './table.ts';

/**
 * Transcript segments, one item each under the contact's partition (`TRANSCRIPT#<segmentId>`). The merge rule of
 * `replacesSegment` is the write condition, so the table decides races: a partial lands only over nothing or a
 * partial; a final also over a final whose text sorts lower (DynamoDB compares strings by UTF-8 bytes, the code
 * point order `compareText` uses).
 */
export class DynamoTranscriptRepository implements TranscriptRepository {
  constructor(private readonly table: DynamoTable) {}

  async append(tenantId: string, contactId: string, segments: readonly TranscriptSegment[]): Promise<TranscriptSegment[]> {
    // One write per segment id: the last of a batch is the newest version Transcribe sent.
    const latest = new Map(segments.map((segment) => [segment.segmentId, segment]));
    const written = await Promise.all([...latest.values()].map((segment) => this.put(tenantId, contactId, segment)));
    return written.filter((segment): segment is TranscriptSegment => segment !== undefined);
  }

  async list(tenantId: string, contactId: string): Promise<TranscriptSegment[]> {
    const items = await this.table.queryAll<TranscriptSegment & { tenantId: string; contactId: string }>(keys.transcriptOf(tenantId, contactId));
    return items.map(({ segmentId, speaker, text, startMs, endMs, partial }) => ({ segmentId, speaker, text, startMs, endMs, partial })).sort(compareSegments);
  }

  private async put(tenantId: string, contactId: string, segment: TranscriptSegment): Promise<TranscriptSegment | undefined> {
    const condition: Parameters<DynamoTable['put']>[2] = segment.partial
      ? { expression: 'attribute_not_exists(pk) OR #partial = :true', ExpressionAttributeNames: { '#partial': 'partial' }, ExpressionAttributeValues: { ':true': true } }
      : { expression: 'attribute_not_exists(pk) OR #partial = :true OR #text < :text', ExpressionAttributeNames: { '#partial': 'partial', '#text': 'text' }, ExpressionAttributeValues: { ':true': true, ':text': segment.text } };
    try {
      await this.table.put('transcriptSegment', { ...keys.transcriptSegment(tenantId, contactId, segment.segmentId), tenantId, contactId, ...segment }, condition);
      return segment;
    } catch (error) {
      // The stored version wins: nothing to write, and nothing new to tell anyone.
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }
}
