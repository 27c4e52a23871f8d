import type { OfferTone } from './attention.ts';

/** Notes of each tone: frequency (Hz) and start (s). A call rings twice like a phone; a chat chimes once. */
const NOTES: Record<OfferTone, readonly (readonly [number, number])[]> = {
  call: [[660, 0], [880, 0.2], [660, 0.8], [880, 1]],
  chat: [[880, 0], [1320, 0.14]],
};
const NOTE_SECONDS = 0.18;

let context: AudioContext | undefined;

/**
 * Plays the tone of a new offer, synthesised with Web Audio (no file to fetch or to be blocked). The agent has
 * interacted with the page by signing in, so the browser lets the context start; if it still refuses, the
 * countdown and the title carry the offer alone.
 */
export function playOfferTone(tone: OfferTone): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const audio = context;
  void audio.resume().catch(() => undefined);
  const start = audio.currentTime + 0.02;
  for (const [frequency, at] of NOTES[tone]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0, start + at);
    gain.gain.linearRampToValueAtTime(0.2, start + at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.001, start + at + NOTE_SECONDS);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + at);
    oscillator.stop(start + at + NOTE_SECONDS);
  }
}
