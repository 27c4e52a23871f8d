/** Test helpers for the SMA emulator: a scripted handler, an emulator with small timings, and polling. */
import { readFileSync } from 'node:fs';
import { SmaEmulator, type SmaEmulatorOptions } from './emulator.ts';
import type { CallView } from './call-model.ts';
import type { SmaAction, SmaEvent } from './sma-types.ts';

export const OUR_NUMBER = '+12065550143';
export const CUSTOMER = '+79001234567';

/** The LEG-A CallId in the documented samples: an emulator with `sampleIds()` gives its first call that leg. */
export const SAMPLE_LEG = 'a1f9c3e2-5b7d-4e08-9c6a-3d2b1f0e8c57';
export const sampleIds = () => ({ transactionId: () => '4b0c6e1a-93d2-4f7e-a8b5-2c9d1e0f3a74', callId: () => SAMPLE_LEG });

/** A documented SMA sample from the project's fixtures. */
export function wire<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../test/fixtures/wire/chime-sma/${name}.json`, import.meta.url), 'utf8')) as T;
}

/** An answer in the SMA's shape. */
export const reply = (actions: SmaAction[] | null | undefined, attributes?: Record<string, string>) => ({
  SchemaVersion: '1.0',
  ...(actions === undefined ? {} : { Actions: actions }),
  ...(attributes ? { TransactionAttributes: attributes } : {}),
});

/** A handler driven by `script` (event → answer); it keeps every event it was given. */
export function scriptedHandler(script: (event: SmaEvent, index: number) => unknown | Promise<unknown>) {
  const received: SmaEvent[] = [];
  const invoke = async (event: SmaEvent) => {
    received.push(structuredClone(event));
    return script(event, received.length - 1);
  };
  return { invoke, received };
}

/** An emulator with fast timings: 1 ms per character, prompts of 1–50 ms, scale 1. */
export function testEmulator(invoke: SmaEmulatorOptions['invoke'], overrides: Partial<SmaEmulatorOptions> = {}) {
  let n = 0;
  return new SmaEmulator({
    invoke,
    numbers: (e164) => e164 === OUR_NUMBER,
    ids: { transactionId: () => `tx-${++n}`, callId: () => `leg-${n}` },
    ...overrides,
    timing: { speechMsPerChar: 0.05, promptDurationsMs: { 'ru/enter-order-number.wav': 5, 'ru/invalid-input.wav': 5 }, ...overrides.timing },
  });
}

/** Polls `read` until `until` holds (a generous limit: the machine may be busy), then returns the last value. */
export async function waitFor<T>(read: () => T, until: (value: T) => boolean, limitMs = 10_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = read();
    if (until(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${limitMs} ms; last value: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits until the call has sent an event of `type` (the `nth`, 1-based) and returns the call. */
export function waitForEvent(emulator: SmaEmulator, callId: string, type: string, nth = 1): Promise<CallView> {
  return waitFor(
    () => emulator.get(callId),
    (call) => call.events.filter((e) => e.type === type && e.attempt === 1).length >= nth,
  );
}

/** The event types a call sent, first attempts only, in order. */
export const eventTypes = (call: CallView) => call.events.filter((e) => e.attempt === 1).map((e) => e.type);
