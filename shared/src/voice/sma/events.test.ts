import { describe, expect, it } from 'vitest';
import { SmaEventSchema } from './events.ts';
import { readSmaSample, smaSampleNames } from './testing.ts';

describe('SmaEventSchema', () => {
  const names = smaSampleNames('event-');

  it('finds the documented event samples', () => {
    expect(names.length).toBeGreaterThanOrEqual(9);
  });

  it.each(names)('parses %s', (name) => {
    const result = SmaEventSchema.safeParse(readSmaSample(name));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.CallDetails.SipMediaApplicationId).toBe('c3f1e2d4-7a58-4b1e-9d3c-5e6f7a8b9c01');
  });

  it('accepts the SipApplicationId spelling and names it SipMediaApplicationId', () => {
    const event = readSmaSample<{ CallDetails: Record<string, unknown> }>('event-new-inbound-call.json');
    const { SipMediaApplicationId, ...rest } = event.CallDetails;
    const parsed = SmaEventSchema.parse({ ...event, CallDetails: { ...rest, SipApplicationId: SipMediaApplicationId } });
    expect(parsed.CallDetails.SipMediaApplicationId).toBe(SipMediaApplicationId);
    expect(parsed.CallDetails).not.toHaveProperty('SipApplicationId');
  });

  it('ignores fields it does not know instead of refusing them', () => {
    const event = readSmaSample<Record<string, unknown>>('event-new-inbound-call.json');
    const parsed = SmaEventSchema.parse({ ...event, SomethingNew: { a: 1 } });
    expect(parsed).not.toHaveProperty('SomethingNew');
    expect(parsed.InvocationEventType).toBe('NEW_INBOUND_CALL');
  });

  it('reads a caller without a From (a withheld number) as an empty number instead of refusing the call', () => {
    const event = readSmaSample<{ CallDetails: { Participants: Record<string, unknown>[] } }>('event-new-inbound-call.json');
    const participants = event.CallDetails.Participants.map(({ From: _from, ...rest }) => rest);
    const parsed = SmaEventSchema.parse({ ...event, CallDetails: { ...event.CallDetails, Participants: participants } });
    expect(parsed.CallDetails.Participants[0]?.From).toBe('');
  });

  it('keeps the top-level error of INVALID_LAMBDA_RESPONSE', () => {
    const parsed = SmaEventSchema.parse(readSmaSample('event-invalid-lambda-response.json'));
    expect(parsed.ErrorType).toBe('TransactionAttributesInvalidMapSize');
  });

  it.each([
    ['a SchemaVersion other than 1.0', { SchemaVersion: '2.0' }],
    ['an unknown event type', { InvocationEventType: 'CALL_EXPLODED' }],
    ['a numeric Sequence written as a string', { Sequence: '1' }],
  ])('refuses %s', (_, patch) => {
    const event = readSmaSample<Record<string, unknown>>('event-new-inbound-call.json');
    expect(SmaEventSchema.safeParse({ ...event, ...patch }).success).toBe(false);
  });

  it('refuses a StartTimeInMilliseconds sent as a number and attributes with non-string values', () => {
    const event = readSmaSample<{ CallDetails: { Participants: Record<string, unknown>[] } }>('event-new-inbound-call.json');
    const participant = { ...event.CallDetails.Participants[0], StartTimeInMilliseconds: 1718870400123 };
    expect(SmaEventSchema.safeParse({ ...event, CallDetails: { ...event.CallDetails, Participants: [participant] } }).success).toBe(false);
    expect(
      SmaEventSchema.safeParse({ ...event, CallDetails: { ...event.CallDetails, TransactionAttributes: { n: 1 } } }).success,
    ).toBe(false);
  });
});
