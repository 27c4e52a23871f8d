// Pure transcript logic for the console: pushed segments merged by the server's own rule, and offsets shown as
// a call clock in the locale's digits.
import { mergeSegments, type TranscriptSegment } from '@cc/shared/voice/values';
import { INTL_LOCALE, type Locale } from '../../i18n/messages.ts';

/** A contact's transcript as the panel holds it; `undefined` until the first load answers. */
export type TranscriptView = readonly TranscriptSegment[];

/**
 * `current` with a pushed batch applied when it is this contact's; a push for another contact changes nothing.
 * Pushes that arrive before the load are kept and merged with it (see `withLoaded`).
 */
export function applyTranscriptPush(current: TranscriptView, contactId: string, push: { contactId: string; segments: readonly TranscriptSegment[] }): TranscriptView {
  if (push.contactId !== contactId || push.segments.length === 0) return current;
  return mergeSegments(current, push.segments);
}

/** The loaded transcript merged with whatever pushes arrived while it loaded: a final pushed early is not lost to an older read. */
export function withLoaded(current: TranscriptView, loaded: readonly TranscriptSegment[]): TranscriptView {
  return mergeSegments(loaded, current);
}

/** An offset into the call as a clock, "0:05", "12:41", "1:02:03", with the locale's digits and no grouping. */
export function formatOffset(ms: number, locale: Locale): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const number = new Intl.NumberFormat(INTL_LOCALE[locale], { useGrouping: false });
  const two = new Intl.NumberFormat(INTL_LOCALE[locale], { useGrouping: false, minimumIntegerDigits: 2 });
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = two.format(seconds % 60);
  return h > 0 ? `${number.format(h)}:${two.format(m)}:${s}` : `${number.format(m)}:${s}`;
}
