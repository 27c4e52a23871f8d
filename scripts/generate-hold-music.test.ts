import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const wav = readFileSync(new URL('../infra/assets/voice-prompts/hold-music.wav', import.meta.url));

describe('the shipped hold music', () => {
  it('is a WAV that PlayAudio plays: PCM, mono, 8 kHz, 16-bit', () => {
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect({ format: wav.readUInt16LE(20), channels: wav.readUInt16LE(22), sampleRate: wav.readUInt32LE(24), bits: wav.readUInt16LE(34) }).toEqual({ format: 1, channels: 1, sampleRate: 8000, bits: 16 });
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  });

  it('lasts a few seconds, so it loops without a large object', () => {
    const seconds = wav.readUInt32LE(40) / (8000 * 2);
    expect(seconds).toBeGreaterThanOrEqual(3);
    expect(seconds).toBeLessThanOrEqual(15);
  });

  it('is exactly what scripts/generate-hold-music.mjs writes', () => {
    // Throws (exit code 1) when the committed file is stale.
    expect(() => execFileSync(process.execPath, [new URL('./generate-hold-music.mjs', import.meta.url).pathname, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
