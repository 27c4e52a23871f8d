import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkVisitor, DEFAULT_HEARTBEAT, visitorGoneAt } from './heartbeat.ts';

const SEEN = '2026-12-03T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(SEEN) + seconds * 1000);

describe('the visitor heartbeat of a call from the site', () => {
  it('counts a visitor gone once they missed the allowed beats, and not a moment before', () => {
    // Arrange
    const rule = { everySeconds: 5, missed: 6 };
    // Act
    const justBefore = checkVisitor(SEEN, at(29.999), rule);
    const onTheDot = checkVisitor(SEEN, at(30), rule);
    // Assert
    expect(justBefore).toEqual({ gone: false, checkAt: at(30).toISOString() });
    expect(onTheDot).toEqual({ gone: true });
  });

  it('checks again when the visitor would be gone, which a later beat always moves on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 2, max: 10 }), fc.integer({ min: 0, max: 600_000 }), (everySeconds, missed, elapsedMs) => {
        const rule = { everySeconds, missed };
        const now = new Date(Date.parse(SEEN) + elapsedMs);
        const check = checkVisitor(SEEN, now, rule);
        // Gone exactly when the window since the last beat is used up; otherwise checked again at its end.
        expect(check.gone).toBe(elapsedMs >= everySeconds * missed * 1000);
        if (!check.gone) {
          expect(Date.parse(check.checkAt)).toBeGreaterThan(now.getTime());
          expect(check.checkAt).toBe(visitorGoneAt(SEEN, rule));
        }
      }),
    );
  });

  it('gives a visitor half a minute by default: six beats of five seconds', () => {
    expect(visitorGoneAt(SEEN, DEFAULT_HEARTBEAT)).toBe(at(30).toISOString());
  });
});
