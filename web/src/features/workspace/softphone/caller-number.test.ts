import { describe, expect, it } from 'vitest';
import { callerNumber } from './caller-number.ts';

describe('the number shown for a call', () => {
  it('prefers a callback’s number, then the calling number, then the customer’s phone', () => {
    // Act / Assert
    expect(callerNumber({ callback: { phone: '+79161234567' }, call: { callId: 'x', number: '+74951234567', customer: '+79990000000' } }, '+78120000000')).toBe('+79161234567');
    expect(callerNumber({ call: { callId: 'x', number: '+74951234567', customer: '+79990000000' } }, '+78120000000')).toBe('+79990000000');
    expect(callerNumber({}, '+78120000000')).toBe('+78120000000');
  });

  it('treats a withheld calling number as unknown', () => {
    // Act / Assert
    expect(callerNumber({ call: { callId: 'x', number: '+74951234567', customer: 'anonymous' } })).toBeUndefined();
  });
});
