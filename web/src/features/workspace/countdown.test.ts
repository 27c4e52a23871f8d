import { describe, expect, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import { fractionLeft, offerDeadline, secondsLeft, secondsSince, wrapUpDeadline } from './countdown.ts';

const at = (iso: string) => Date.parse(iso);
const contact = { status: 'offered', statusSince: '2026-03-05T10:00:00Z' } as Contact;

describe('secondsLeft', () => {
  it('rounds up, so the last second still shows 1, and stops at zero', () => {
    expect(secondsLeft('2026-03-05T10:00:20Z', at('2026-03-05T10:00:00Z'))).toBe(20);
    expect(secondsLeft('2026-03-05T10:00:20Z', at('2026-03-05T10:00:19.200Z'))).toBe(1);
    expect(secondsLeft('2026-03-05T10:00:20Z', at('2026-03-05T10:00:25Z'))).toBe(0);
  });
});

describe('fractionLeft', () => {
  it('runs from 1 to 0 over the countdown and stays within bounds', () => {
    expect(fractionLeft('2026-03-05T10:00:20Z', 20, at('2026-03-05T10:00:00Z'))).toBe(1);
    expect(fractionLeft('2026-03-05T10:00:20Z', 20, at('2026-03-05T10:00:15Z'))).toBe(0.25);
    expect(fractionLeft('2026-03-05T10:00:20Z', 20, at('2026-03-05T10:01:00Z'))).toBe(0);
    expect(fractionLeft('2026-03-05T10:00:20Z', 20, at('2026-03-05T09:59:00Z'))).toBe(1);
    expect(fractionLeft('2026-03-05T10:00:20Z', 0, at('2026-03-05T10:00:00Z'))).toBe(0);
  });
});

describe('offerDeadline', () => {
  it('prefers the pushed deadline, else adds the queue’s offer time (20 s by default)', () => {
    expect(offerDeadline(contact, '2026-03-05T10:00:30Z', undefined)).toBe('2026-03-05T10:00:30Z');
    expect(offerDeadline(contact, undefined, { offerTimeoutSeconds: 45 })).toBe('2026-03-05T10:00:45.000Z');
    expect(offerDeadline(contact, undefined, undefined)).toBe('2026-03-05T10:00:20.000Z');
  });
});

describe('wrapUpDeadline', () => {
  const queue = { queueId: 'q', name: 'q', priority: 0, afterContactWorkSeconds: 30 };

  it('ends wrap-up the queue’s seconds after it began', () => {
    expect(wrapUpDeadline({ ...contact, status: 'after-contact-work' }, queue)).toBe(at('2026-03-05T10:00:30Z'));
  });

  it('has no deadline outside wrap-up or when the queue gives no time', () => {
    expect(wrapUpDeadline(contact, queue)).toBeUndefined();
    expect(wrapUpDeadline({ ...contact, status: 'after-contact-work' }, { ...queue, afterContactWorkSeconds: 0 })).toBeUndefined();
  });
});

describe('secondsSince', () => {
  it('counts whole seconds and never goes negative on clock skew', () => {
    expect(secondsSince('2026-03-05T10:00:00Z', at('2026-03-05T10:01:05.900Z'))).toBe(65);
    expect(secondsSince('2026-03-05T10:00:00Z', at('2026-03-05T09:59:00Z'))).toBe(0);
  });
});
