import { describe, expect, it } from 'vitest';
import { STREAM_ENTITIES } from '@cc/functions/streams/entities';
import { synthContactCenter } from './support.ts';

describe('the table stream’s event source mapping', () => {
  it('invokes the stream processor only for the items its reactions handle, changes and removals alike', () => {
    // Arrange
    const api = synthContactCenter().templates.api;
    // Act
    const mappings = Object.values(api.findResources('AWS::Lambda::EventSourceMapping')).map((m) => (m as { Properties: Record<string, unknown> }).Properties).filter((p) => p['StartingPosition'] === 'TRIM_HORIZON');
    // Assert
    expect(mappings).toHaveLength(1);
    const patterns = ((mappings[0]!['FilterCriteria'] as { Filters: { Pattern: string }[] }).Filters).map((f) => JSON.parse(f.Pattern) as Record<string, unknown>);
    expect(patterns).toEqual([
      { dynamodb: { NewImage: { entity: { S: [...STREAM_ENTITIES] } } } },
      { eventName: ['REMOVE'], dynamodb: { OldImage: { entity: { S: [...STREAM_ENTITIES] } } } },
    ]);
  });
});
