// Writes infra/assets/voice-prompts/hold-music.wav: the shipped `hold-music` prompt, synthesized here so
// that no recorded (and so no copyrighted) audio is in the repository. The format is what the Chime SDK
// PSTN audio PlayAudio action plays: WAV, 8 kHz, mono, 16-bit PCM. Deterministic: the same bytes every
// run. `--check` only verifies the committed file is current.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const SAMPLE_RATE = 8000;
const target = new URL('../infra/assets/voice-prompts/hold-music.wav', import.meta.url);

// Slow arpeggios (C, A minor, F, G), half a second a note: 20 notes, 10 seconds, the duration
// functions/voice/prompts.ts gives `hold-music` (holding fills its period with it).
const NOTES_HZ = [
  261.63, 329.63, 392.0, 523.25, 392.0, 220.0, 261.63, 329.63, 440.0, 329.63, 174.61, 220.0, 261.63, 349.23, 261.63, 196.0, 246.94, 293.66,
  392.0, 293.66,
];
const NOTE_SECONDS = 0.5;

function pcm() {
  const perNote = Math.round(SAMPLE_RATE * NOTE_SECONDS);
  const samples = new Int16Array(perNote * NOTES_HZ.length);
  NOTES_HZ.forEach((hz, note) => {
    for (let i = 0; i < perNote; i++) {
      const t = i / SAMPLE_RATE;
      // Soft attack and a long decay, so notes neither click nor blur; a quiet octave for warmth.
      const envelope = Math.min(1, t / 0.02) * Math.exp(-3 * t);
      const value = envelope * (0.8 * Math.sin(2 * Math.PI * hz * t) + 0.2 * Math.sin(4 * Math.PI * hz * t));
      samples[note * perNote + i] = Math.round(value * 0.3 * 32767);
    }
  });
  return Buffer.from(samples.buffer);
}

function wav(data) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const bytes = wav(pcm());
if (process.argv.includes('--check')) {
  const current = Buffer.compare(readFileSync(target), bytes) === 0;
  if (!current) console.error('infra/assets/voice-prompts/hold-music.wav is stale: run `node scripts/generate-hold-music.mjs`');
  process.exit(current ? 0 : 1);
}
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, bytes);
console.log(`wrote ${target.pathname} (${bytes.length} bytes)`);
