import { describe, expect, it } from 'vitest';
import { reviewHash } from './conversation-search.tsx';
import { reviewedContactOf } from './qa-section.tsx';

describe('reviewedContactOf', () => {
  it('reads back the contact of the review’s hash, odd characters included', () => {
    expect(reviewedContactOf(reviewHash('c-1').replace('#/qa/', ''))).toBe('c-1');
    expect(reviewedContactOf(reviewHash('a/b c').replace('#/qa/', ''))).toBe('a/b c');
  });

  it('opens no review for the sample, another view or a malformed id', () => {
    expect(reviewedContactOf('')).toBeUndefined();
    expect(reviewedContactOf('contact/')).toBeUndefined();
    expect(reviewedContactOf('forms/x')).toBeUndefined();
    expect(reviewedContactOf('contact/%E0%A4%A')).toBeUndefined();
    expect(reviewedContactOf('contact/a/b')).toBeUndefined();
  });
});
