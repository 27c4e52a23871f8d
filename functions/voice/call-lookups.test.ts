import { describe, expect, it } from 'vitest';
import type { PhoneNumber } from '@cc/shared/tenancy/model';
import { CallLookups } from './call-lookups.ts';

function fixture() {
  let now = Date.parse('2026-12-02T10:00:00.000Z');
  const reads: string[] = [];
  let failNext = false;
  const phone: PhoneNumber = { tenantId: 't', e164: '+74951234567', name: 'n' };
  const lookups = new CallLookups({
    clock: { now: () => new Date(now) },
    directory: {
      findPhoneNumber: async (e164) => {
        reads.push(`phone ${e164}`);
        if (failNext) {
          failNext = false;
          throw new Error('throttled');
        }
        return e164 === phone.e164 ? phone : undefined;
      },
    },
    calls: { getFlow: async (tenantId, e164) => (reads.push(`flow ${tenantId} ${e164}`), undefined) },
    queues: { list: async (tenantId) => (reads.push(`queues ${tenantId}`), []) },
  });
  return { lookups, reads, advance: (ms: number) => (now += ms), failOnce: () => (failNext = true) };
}

describe('CallLookups', () => {
  it('reads a number, a flow and the queues once within their time to live, again after it', async () => {
    const { lookups, reads, advance } = fixture();
    for (let i = 0; i < 3; i++) await Promise.all([lookups.phone('+74951234567'), lookups.flow('t', '+74951234567'), lookups.queues('t')]);
    expect(reads).toEqual(['phone +74951234567', 'flow t +74951234567', 'queues t']);
    advance(1500);
    await Promise.all([lookups.phone('+74951234567'), lookups.queues('t')]);
    expect(reads.slice(3)).toEqual(['queues t']);
    advance(4000);
    expect(await lookups.phone('+74951234567')).toMatchObject({ tenantId: 't' });
    expect(reads.slice(4)).toEqual(['phone +74951234567']);
  });

  it('does not keep a failed read', async () => {
    const { lookups, reads, failOnce } = fixture();
    failOnce();
    await expect(lookups.phone('+74951234567')).rejects.toThrow('throttled');
    expect(await lookups.phone('+74951234567')).toMatchObject({ e164: '+74951234567' });
    expect(reads).toHaveLength(2);
  });
});
