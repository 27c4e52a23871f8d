/**
 * ReceiveDigits: a listener that stays on the call until the next ReceiveDigits. Keys pressed while
 * no gather is collecting are buffered; after a gap of `InBetweenDigitsDurationInMilliseconds` (or
 * `FlushDigitsDurationInMilliseconds` after the first key) the buffer is checked against the regex:
 * a match goes to the handler as DIGITS_RECEIVED, anything else is dropped.
 */
import type { ActionHost, DigitListener } from './call-model.ts';
import type { SmaAction } from './sma-types.ts';
import { numberParam } from './params.ts';

/** Starts listening as `action` asks; `matched` gets the digits that matched its regex, `dropped` the others. */
export function listenForDigits(host: ActionHost, action: SmaAction, matched: (digits: string) => void, dropped: (digits: string) => void): DigitListener {
  const p = action.Parameters ?? {};
  let regex: RegExp | undefined;
  try {
    regex = typeof p.InputDigitsRegex === 'string' ? new RegExp(p.InputDigitsRegex) : undefined;
  } catch {
    regex = undefined;
  }
  const betweenMs = numberParam(p.InBetweenDigitsDurationInMilliseconds, 1000) * host.scale;
  const flushMs = numberParam(p.FlushDigitsDurationInMilliseconds, 10_000) * host.scale;
  let buffer = '';
  let cancelGap: () => void = () => {};
  let cancelFlush: () => void = () => {};
  const check = () => {
    cancelGap();
    cancelFlush();
    const digits = buffer;
    buffer = '';
    if (!digits) return;
    if (!regex || regex.test(digits)) matched(digits);
    else dropped(digits);
  };
  return {
    press(key) {
      if (buffer === '') cancelFlush = host.after(flushMs, check);
      buffer += key;
      cancelGap();
      cancelGap = host.after(betweenMs, check);
    },
    stop() {
      cancelGap();
      cancelFlush();
    },
  };
}
