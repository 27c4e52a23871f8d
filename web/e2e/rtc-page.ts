// A tiny page that joins a call's audio with the real browser client (web/src/voice/local-rtc.ts, bundled here
// with esbuild) and lets the test drive it: the agent's, the supervisor's or the caller's side of a call.
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { ReceivedAudio } from '../src/voice/call-audio.ts';
import { root } from './harness.ts';

/**
 * Chromium with a fake microphone playing `wav` (looped) and no prompt for it; host candidates between pages; and
 * no Local Network Access check, which takes the page that `page.route` serves for a public one and blocks its
 * WebSocket to 127.0.0.1.
 */
export const fakeMediaArgs = (wav: string) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${wav}`,
  '--autoplay-policy=no-user-gesture-required',
  '--disable-features=WebRtcHideLocalIpsWithMdns,LocalNetworkAccessChecks',
];

/**
 * Writes a 16-bit mono WAV of short beeps around `frequency`, rising and falling in pitch: a steady tone would be
 * taken for background noise and removed by the microphone's noise suppression.
 */
export function writeToneWav(path: string, frequency = 440, seconds = 2, rate = 48_000): string {
  const samples = seconds * rate;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  let phase = 0;
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const beep = Math.floor(t / 0.25);
    const on = t - beep * 0.25 < 0.18; // 180 ms of tone, 70 ms of silence
    phase += (2 * Math.PI * frequency * (1 + 0.25 * Math.sin(beep))) / rate;
    wav.writeInt16LE(on ? Math.round(0.5 * 32767 * Math.sin(phase)) : 0, 44 + i * 2);
  }
  writeFileSync(path, wav);
  return path;
}

let bundle: Promise<string> | undefined;

/** The browser client as one ES module, exporting `joinLocalRtc`. */
function clientBundle(): Promise<string> {
  bundle ??= build({ entryPoints: [join(root, 'web/src/voice/local-rtc.ts')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' }).then((out) => out.outputFiles[0]!.text);
  return bundle;
}

const HTML = `<!doctype html><meta charset="utf-8"><title>call audio</title>
<script type="module">
  import { joinLocalRtc } from './local-rtc.js';
  window.joinAudio = async (ticket, toneHz) => {
    let microphone;
    if (toneHz) {
      // A microphone of our own: an oscillator, so this side's sound differs from the fake device's.
      const context = new AudioContext();
      const oscillator = context.createOscillator();
      oscillator.frequency.value = toneHz;
      const destination = context.createMediaStreamDestination();
      oscillator.connect(destination);
      oscillator.start();
      microphone = destination.stream;
    }
    window.audio = await joinLocalRtc(ticket, microphone ? { microphone } : {});
  };
  window.ready = true;
</script>`;

/** One side of the call: a page at the server's origin running the client, and ways to read what it received. */
export interface RtcPage {
  page: Page;
  join(ticket: AudioTicket, options?: { toneHz?: number }): Promise<void>;
  state(): Promise<string>;
  received(): Promise<ReceivedAudio>;
  receivedFrom(attendeeId: string): Promise<ReceivedAudio>;
  peers(): Promise<{ attendeeId: string; role: string }[]>;
  setMuted(muted: boolean): Promise<void>;
  setOnHold(onHold: boolean): Promise<void>;
  sendTones(digits: string): Promise<void>;
}

/** Opens the harness page in `context` at `baseUrl`'s origin (so its WebSocket passes the Host check). */
export async function openRtcPage(context: BrowserContext, baseUrl: string, errors: string[]): Promise<RtcPage> {
  const code = await clientBundle();
  await context.route(`${baseUrl}/__rtc/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/local-rtc.js')) return route.fulfill({ contentType: 'text/javascript', body: code });
    return route.fulfill({ contentType: 'text/html', body: HTML });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/__rtc/index.html`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  type Audio = { audio: import('../src/voice/local-rtc.ts').LocalRtcAudio; joinAudio(ticket: AudioTicket, toneHz?: number): Promise<void> };
  return {
    page,
    join: (ticket, options = {}) => page.evaluate(([t, hz]) => (window as unknown as Audio).joinAudio(t, hz), [ticket, options.toneHz] as const),
    state: () => page.evaluate(() => (window as unknown as Audio).audio.state()),
    received: () => page.evaluate(() => (window as unknown as Audio).audio.receivedAudio()),
    receivedFrom: (attendeeId) => page.evaluate((id) => (window as unknown as Audio).audio.receivedFrom(id), attendeeId),
    peers: () => page.evaluate(() => (window as unknown as Audio).audio.peers()),
    setMuted: (muted) => page.evaluate((m) => (window as unknown as Audio).audio.setMuted(m), muted),
    setOnHold: (onHold) => page.evaluate((h) => (window as unknown as Audio).audio.setOnHold(h), onHold),
    sendTones: (digits) => page.evaluate((d) => (window as unknown as Audio).audio.sendTones(d), digits),
  };
}
