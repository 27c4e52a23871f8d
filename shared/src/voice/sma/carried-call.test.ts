import { describe, expect, it } from 'vitest';
import type { CarriedCall } from '../ports.ts';
import { SMA_MAX_ATTRIBUTES_BYTES, SmaResponseSchema } from './actions.ts';
import { CALL_ATTRIBUTE, carriedCallOf, withCarriedCall } from './carried-call.ts';
import { SmaEventSchema, type SmaEventInput } from './events.ts';
import { readSmaSample } from './testing.ts';
import { toSmaResponse } from './to-actions.ts';
import { fromSmaEvent } from './to-event.ts';

const CALL_ID = '4b0c6e1a-93d2-4f7e-a8b5-2c9d1e0f3a74';

/** A holding caller's record as stored after its second event; `text` fills its last answer's speech. */
function record(text = 'Вы второй в очереди.'): CarriedCall {
  return {
    state: { callId: CALL_ID, tenantId: 'acme-ru', number: '+74951234567', direction: 'inbound', customer: '+79001234567', phase: 'queued', language: 'ru', menuPath: ['1'], attempts: 0, recording: false, events: 2, queueId: 'support', contactId: `call-${CALL_ID}` },
    lastSequence: 2,
    lastSteps: [{ type: 'say', speech: { text, language: 'ru' } }, { type: 'enqueue', queueId: 'support', holdPrompt: 'hold-music', periodSeconds: 30 }],
    updatedAt: '2026-12-02T10:00:00.000Z',
    version: 2,
  };
}

const prompts = { 'hold-music': { bucket: 'prompts', key: 'hold.wav', durationSeconds: 30 } };

describe('the call record carried in the transaction attributes', () => {
  it('travels from our answer to the next event as the same record, beside the flow attributes', () => {
    // Arrange
    const response = toSmaResponse(record().lastSteps, { callLegId: 'leg-a', attributes: { tenantId: 'acme-ru' }, record: record(), prompts });
    const event = readSmaSample<SmaEventInput>('event-action-successful-play-audio.json');
    event.CallDetails.TransactionAttributes = response.TransactionAttributes;
    // Act
    const inbound = fromSmaEvent(SmaEventSchema.parse(event));
    // Assert
    expect(SmaResponseSchema.safeParse(response).success).toBe(true);
    expect(inbound.carried).toEqual(record());
    expect(inbound.attributes).toEqual({ tenantId: 'acme-ru' });
    expect(inbound.awaiting).toBe('enqueue');
  });

  it('writes the same text for a record whose keys come back from the table in another order', () => {
    // Arrange
    const { state, ...rest } = record();
    const reordered = { version: rest.version, updatedAt: rest.updatedAt, lastSteps: rest.lastSteps, lastSequence: rest.lastSequence, state: Object.fromEntries(Object.entries(state).reverse()) } as CarriedCall;
    // Act
    const a = withCarriedCall({}, record())[CALL_ATTRIBUTE];
    const b = withCarriedCall({}, reordered)[CALL_ATTRIBUTE];
    // Assert
    expect(a).toBe(b);
  });

  it('leaves the record out when it would not fit the service limit, and drops a stale copy either way', () => {
    // Arrange: a last answer too long for 20 KB of attributes
    const huge = record('я'.repeat(SMA_MAX_ATTRIBUTES_BYTES / 2));
    const attributes = { tenantId: 'acme-ru', [CALL_ATTRIBUTE]: 'an older record' };
    // Act
    const withHuge = withCarriedCall(attributes, huge);
    const withNone = withCarriedCall(attributes, undefined);
    // Assert
    expect(withHuge).toEqual({ tenantId: 'acme-ru' });
    expect(withNone).toEqual({ tenantId: 'acme-ru' });
  });

  it.each<[string, string]>([
    ['not JSON', '{"state":'],
    ['another call', JSON.stringify({ ...record(), state: { ...record().state, callId: 'another' } })],
    ['no version', JSON.stringify({ ...record(), version: undefined })],
    ['a sequence that is not a number', JSON.stringify({ ...record(), lastSequence: '2' })],
    ['no last steps', JSON.stringify({ ...record(), lastSteps: null })],
    ['not an object', '42'],
  ])('is not taken for %s: the event then reads the stored record', (_name, value) => {
    expect(carriedCallOf(value, CALL_ID)).toBeUndefined();
  });
});
