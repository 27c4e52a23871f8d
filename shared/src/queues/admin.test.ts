import { describe, expect, it } from 'vitest';
import { CreateQueueRequestSchema, UpdateQueueRequestSchema, normalizedQueueName, planQueue, planQueueUpdate, queueNamed, replayOfCreate } from './admin.ts';
import { ConflictError } from '../errors.ts';

const request = CreateQueueRequestSchema.parse({ name: 'Продажи', priority: 5 });
const stored = planQueue(request, 'prodazhi', 't1', '2026-03-15T09:00:00.000Z');

describe('queue names', () => {
  it('tell names apart as people do: case, ё and spaces aside', () => {
    // Act / Assert
    expect(normalizedQueueName('  Ещё   Продажи ')).toBe(normalizedQueueName('еще продажи'));
    expect(normalizedQueueName('Продажи')).not.toBe(normalizedQueueName('Продажи 2'));
  });

  it('find the tenant’s queue of a name', () => {
    // Act / Assert
    expect(queueNamed([stored], 'ПРОДАЖИ')?.queueId).toBe('prodazhi');
    expect(queueNamed([stored], 'Поддержка')).toBeUndefined();
  });
});

describe('a create request meeting a queue of its name', () => {
  it('is a retry when it describes the very queue: the stored one is the answer', () => {
    // Act / Assert
    expect(replayOfCreate(stored, CreateQueueRequestSchema.parse({ name: 'Продажи', priority: 5 }))).toBe(stored);
  });

  it('is a second queue by that name when anything differs, refused with the reason', () => {
    // Act / Assert
    for (const body of [{ name: 'Продажи', priority: 6 }, { name: 'продажи', priority: 5 }, { name: 'Продажи', priority: 5, offerTimeoutSeconds: 40 }]) {
      expect(() => replayOfCreate(stored, CreateQueueRequestSchema.parse(body))).toThrow(ConflictError);
    }
    try {
      replayOfCreate(stored, CreateQueueRequestSchema.parse({ name: 'Продажи', priority: 6 }));
    } catch (error) {
      expect((error as ConflictError).details).toEqual({ reason: 'queue_name_taken', queueId: 'prodazhi' });
    }
  });

  it('is a second queue once the stored one was changed since it was created', () => {
    // Arrange
    const changed = planQueueUpdate(stored, UpdateQueueRequestSchema.parse({ priority: 9 }));
    // Act / Assert
    expect(() => replayOfCreate(changed, request)).toThrow(ConflictError);
  });
});

describe('planQueueUpdate', () => {
  it('keeps when the queue was created', () => {
    // Act / Assert
    expect(planQueueUpdate(stored, UpdateQueueRequestSchema.parse({ priority: 9 }))).toMatchObject({ priority: 9, version: 2, createdAt: '2026-03-15T09:00:00.000Z' });
  });

  it('refuses a patch with nothing to change', () => {
    // Act / Assert
    expect(UpdateQueueRequestSchema.safeParse({}).success).toBe(false);
    expect(UpdateQueueRequestSchema.safeParse({ version: 3 }).success).toBe(false);
    expect(UpdateQueueRequestSchema.safeParse({ version: 3, priority: 1 }).success).toBe(true);
  });
});
