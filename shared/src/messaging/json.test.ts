import { describe, expect, it } from 'vitest';
import { parseJsonPreservingIntegers, quoteUnsafeIntegers } from './json.ts';

describe('parseJsonPreservingIntegers', () => {
  it('keeps every digit of an integer beyond 2^53', () => {
    // Act
    const parsed = parseJsonPreservingIntegers('{"message_token":5991472015333344445,"status":0}');

    // Assert
    expect(parsed).toEqual({ message_token: '5991472015333344445', status: 0 });
  });

  it('leaves safe numbers, decimals, negatives and strings as they were', () => {
    // Arrange
    const json = '{"a":-12,"b":1.5e300,"c":"9999999999999999999","d":[9007199254740991,-9007199254740993],"e":"q\\"1e99\\""}';

    // Act
    const parsed = parseJsonPreservingIntegers(json);

    // Assert
    expect(parsed).toEqual({
      a: -12,
      b: 1.5e300,
      c: '9999999999999999999',
      d: [9007199254740991, '-9007199254740993'],
      e: 'q"1e99"',
    });
  });

  it('does not touch digits inside strings', () => {
    // Arrange
    const json = '{"text":"заказ 59914720153333444451234"}';

    // Act
    const rewritten = quoteUnsafeIntegers(json);

    // Assert
    expect(rewritten).toBe(json);
  });
});
