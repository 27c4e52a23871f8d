import { describe, expect, it } from 'vitest';
import { CompleteContactSchema } from './schema.ts';
import { offeredTopics, recordWrapUp, searchTopics, whenWrapUpTimeIsOver, wrapUpProblem, type Topic } from './values.ts';

const topics: Topic[] = [
  { topicId: 'pay', name: 'Оплата', archived: false },
  { topicId: 'del', name: 'Доставка', archived: false },
  { topicId: 'old', name: 'Акция 2024', archived: true },
];

describe('wrapUpProblem', () => {
  it('refuses a completion without topics when the queue requires one', () => {
    expect(wrapUpProblem({ topics: [] }, topics, true)?.code).toBe('topic-required');
  });

  it('accepts no topics when the queue does not require them', () => {
    expect(wrapUpProblem({ topics: [] }, topics, false)).toBeUndefined();
    expect(wrapUpProblem({ topics: [] }, topics, undefined)).toBeUndefined();
  });

  it('names an unknown and an archived topic', () => {
    expect(wrapUpProblem({ topics: ['pay', 'nope'] }, topics, true)).toMatchObject({ code: 'unknown-topic', topicId: 'nope' });
    expect(wrapUpProblem({ topics: ['old'] }, topics, false)).toMatchObject({ code: 'archived-topic', topicId: 'old' });
  });

  it('accepts known, active topics in a queue that requires them', () => {
    expect(wrapUpProblem({ topics: ['pay', 'del'] }, topics, true)).toBeUndefined();
  });
});

describe('recordWrapUp', () => {
  it('keeps each topic once with its name at the time, the disposition and the trimmed note', () => {
    const record = recordWrapUp({ topics: ['del', 'del'], disposition: 'resolved', note: '  перезвонить  ' }, topics, 'a1', '2026-01-01T10:00:00.000Z');
    expect(record).toEqual({ topics: [{ topicId: 'del', name: 'Доставка' }], disposition: 'resolved', note: 'перезвонить', agentId: 'a1', completedAt: '2026-01-01T10:00:00.000Z' });
  });

  it('leaves out an empty note and no disposition', () => {
    expect(recordWrapUp({ topics: [], note: '   ' }, topics, 'a1', 'now')).toEqual({ topics: [], agentId: 'a1', completedAt: 'now' });
  });
});

describe('whenWrapUpTimeIsOver', () => {
  it('keeps a contact of a queue that requires topics in wrap-up (overtime), and closes any other', () => {
    expect(whenWrapUpTimeIsOver({ topicsRequired: true })).toBe('overtime');
    expect(whenWrapUpTimeIsOver({ topicsRequired: false })).toBe('close');
    expect(whenWrapUpTimeIsOver({})).toBe('close');
  });
});

describe('topics offered to the agent', () => {
  it('leaves out archived topics and sorts by name', () => {
    expect(offeredTopics(topics, 'ru').map((t) => t.topicId)).toEqual(['del', 'pay']);
  });

  it('finds topics by part of the name, ignoring case', () => {
    expect(searchTopics(topics, 'ОПЛ').map((t) => t.topicId)).toEqual(['pay']);
    expect(searchTopics(topics, ' ')).toHaveLength(3);
  });
});

describe('CompleteContactSchema', () => {
  it('reads an empty body (older callers) as no topics', () => {
    expect(CompleteContactSchema.parse({})).toEqual({ topics: [] });
  });

  it('refuses a disposition outside the vocabulary and unknown fields', () => {
    expect(CompleteContactSchema.safeParse({ topics: [], disposition: 'maybe' }).success).toBe(false);
    expect(CompleteContactSchema.safeParse({ topics: [], extra: 1 }).success).toBe(false);
  });
});
