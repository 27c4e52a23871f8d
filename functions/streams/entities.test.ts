import { describe, expect, it } from 'vitest';
import type { ServiceDeps, Services } from '../composition/services.ts';
import { isReactedTo, STREAM_ENTITIES } from './entities.ts';
import { allReactions } from './reactions.ts';

/** Stands in for any dependency: building reactions reads none of them, it only keeps references. */
const anything = (): unknown => new Proxy(() => undefined, { get: (_target, key) => (key === 'then' ? undefined : anything()) });

describe('the stream processor’s entities', () => {
  it('are exactly the entities its reactions handle', () => {
    const reactions = allReactions(anything() as ServiceDeps, anything() as Services);
    expect(new Set(reactions.map((r) => r.entity))).toEqual(new Set(STREAM_ENTITIES));
  });

  it('keep a contact’s change and its removal, drop a metric cell, and keep what the handler must report as malformed', () => {
    const image = (entity: string) => ({ entity: { S: entity }, pk: { S: 'p' } });
    expect(isReactedTo({ dynamodb: { NewImage: image('contact') } })).toBe(true);
    expect(isReactedTo({ dynamodb: { OldImage: image('contact') } })).toBe(true);
    expect(isReactedTo({ dynamodb: { NewImage: image('metricCell'), OldImage: image('metricCell') } })).toBe(false);
    expect(isReactedTo({ dynamodb: { NewImage: image('alertRule') } })).toBe(false);
    expect(isReactedTo({ dynamodb: {} })).toBe(true);
  });
});
