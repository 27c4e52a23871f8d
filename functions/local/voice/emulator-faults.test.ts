import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, OUR_NUMBER, eventTypes, reply, scriptedHandler, testEmulator, waitFor, waitForEvent } from './testing.ts';
import { MAX_INVOCATIONS } from './call-engine.ts';
import type { SmaEmulator } from './emulator.ts';
import type { SmaAction } from './sma-types.ts';

const pause = (ms: number): SmaAction => ({ Type: 'Pause', Parameters: { DurationInMilliseconds: String(ms) } });
const ended = (emulator: SmaEmulator, callId: string) => waitFor(() => emulator.get(callId), (call) => call.state === 'ended');
let emulator: SmaEmulator | undefined;
afterEach(() => emulator?.dispose());

describe('SmaEmulator: invalid answers', () => {
  it('answers 11 actions with INVALID_LAMBDA_RESPONSE, then hangs up when that answer is invalid too', async () => {
    // Arrange
    const handler = scriptedHandler(() => reply(Array.from({ length: 11 }, () => pause(1))));
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await ended(emulator, callId);
    // Assert
    expect(handler.received.map((e) => [e.Sequence, e.InvocationEventType])).toEqual([
      [1, 'NEW_INBOUND_CALL'],
      [2, 'INVALID_LAMBDA_RESPONSE'],
    ]);
    const invalid = handler.received[1]!;
    expect(invalid.ErrorType).toEqual(expect.any(String));
    expect(invalid.ErrorMessage).toMatch(/at most 10 actions/);
    expect(invalid.ActionData).toBeUndefined();
    expect(call.ended).toMatchObject({ by: 'service', sipResponseCode: '480', reason: expect.stringContaining('INVALID_LAMBDA_RESPONSE') });
    expect(call.responses.map((r) => r.problem !== undefined)).toEqual([true, true]);
    expect(call.heard).toEqual([]);
  });

  it('runs a valid answer to INVALID_LAMBDA_RESPONSE', async () => {
    // Arrange: a wrong schema version first, then a good answer
    const handler = scriptedHandler((event) => {
      if (event.InvocationEventType === 'NEW_INBOUND_CALL') return { SchemaVersion: '2.0', Actions: [] };
      return event.InvocationEventType === 'INVALID_LAMBDA_RESPONSE' ? reply([pause(1)]) : reply([]);
    });
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await waitForEvent(emulator, callId, 'ACTION_SUCCESSFUL');
    // Assert
    expect(eventTypes(call)).toEqual(['NEW_INBOUND_CALL', 'INVALID_LAMBDA_RESPONSE', 'ACTION_SUCCESSFUL']);
    expect(handler.received[1]!.ErrorMessage).toMatch(/SchemaVersion/);
    expect(call.state).toBe('connected');
  });

  it('refuses more than 100 attributes with TransactionAttributesInvalidMapSize and unknown action types', async () => {
    // Arrange
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']));
    const handler = scriptedHandler((_event, index) => (index === 0 ? reply([], many) : { SchemaVersion: '1.0', Actions: [{ Type: 'Dance', Parameters: {} }] }));
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await ended(emulator, callId);
    // Assert
    expect(handler.received[1]).toMatchObject({ InvocationEventType: 'INVALID_LAMBDA_RESPONSE', ErrorType: 'TransactionAttributesInvalidMapSize' });
    expect(call.responses[1]!.problem).toMatch(/Dance/);
    expect(call.transactionAttributes).toBeUndefined();
  });
});

describe('SmaEmulator: a slow or failing handler', () => {
  it('re-sends the same event when the handler does not answer in time, then hangs up with 480', async () => {
    // Arrange: a handler that never answers; 30 ms per attempt, 120 ms in all
    const handler = scriptedHandler(() => new Promise(() => {}));
    emulator = testEmulator(handler.invoke, { timing: { responseTimeoutMs: 30, giveUpMs: 120 } });
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await ended(emulator, callId);
    // Assert: every attempt is the same event (Sequence 1), and the call ends 480
    expect(call.events.length).toBeGreaterThanOrEqual(2);
    expect(new Set(call.events.map((e) => e.sequence))).toEqual(new Set([1]));
    expect(call.events.map((e) => e.attempt)).toEqual(call.events.map((_, i) => i + 1));
    expect(handler.received.every((e) => JSON.stringify(e) === JSON.stringify(handler.received[0]))).toBe(true);
    expect(call.ended).toMatchObject({ by: 'service', sipResponseCode: '480', reason: expect.stringContaining('120 ms') });
    expect(call.events[0]!.failure).toMatch(/30 ms/);
  });

  it('retries a throwing handler once, then hangs up with 480', async () => {
    // Arrange
    const handler = scriptedHandler(() => {
      throw new Error('DynamoDB is down');
    });
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await ended(emulator, callId);
    // Assert
    expect(call.events.map((e) => [e.sequence, e.attempt])).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(call.ended).toMatchObject({ sipResponseCode: '480', reason: expect.stringContaining('DynamoDB is down') });
  });

  it('goes on when the retry of a failed invocation answers', async () => {
    // Arrange
    const handler = scriptedHandler((_event, index) => {
      if (index === 0) throw new Error('cold start failed');
      return index === 1 ? reply([pause(1)]) : reply([]);
    });
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await waitForEvent(emulator, callId, 'ACTION_SUCCESSFUL');
    // Assert
    expect(call.events.map((e) => [e.sequence, e.type, e.attempt])).toEqual([
      [1, 'NEW_INBOUND_CALL', 1],
      [1, 'NEW_INBOUND_CALL', 2],
      [2, 'ACTION_SUCCESSFUL', 1],
    ]);
  });

  it(`hangs up after ${MAX_INVOCATIONS} invocations in one call`, async () => {
    // Arrange: a handler that loops forever on 1 ms pauses
    const handler = scriptedHandler(() => reply([pause(1)]));
    emulator = testEmulator(handler.invoke);
    // Act
    const { callId } = emulator.startInbound({ from: CUSTOMER, to: OUR_NUMBER });
    const call = await waitFor(() => emulator!.get(callId), (c) => c.state === 'ended', 60_000);
    // Assert
    expect(handler.received).toHaveLength(MAX_INVOCATIONS);
    expect(call.invocations).toBe(MAX_INVOCATIONS);
    expect(call.ended).toMatchObject({ by: 'service', reason: expect.stringContaining(String(MAX_INVOCATIONS)) });
  }, 90_000);
});
