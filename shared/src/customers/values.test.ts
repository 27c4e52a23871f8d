import { describe, expect, it } from 'vitest';
import { UpdateCustomerNotesSchema } from './model.ts';
import { CUSTOMER_NOTE_LIMITS, normalizeTags } from './values.ts';

describe('customer tags', () => {
  it('trims, collapses spaces and drops empty and repeated tags (ignoring case)', () => {
    expect(normalizeTags([' VIP ', 'vip', '', 'оптовый   клиент', 'Опт'])).toEqual(['VIP', 'оптовый клиент', 'Опт']);
  });

  it('the update schema normalizes tags and refuses too many or an empty patch', () => {
    expect(UpdateCustomerNotesSchema.parse({ tags: ['a', 'A'] })).toEqual({ tags: ['a'] });
    expect(UpdateCustomerNotesSchema.safeParse({ tags: Array.from({ length: CUSTOMER_NOTE_LIMITS.maxTags + 1 }, (_, i) => `t${i}`) }).success).toBe(false);
    expect(UpdateCustomerNotesSchema.safeParse({}).success).toBe(false);
  });
});
