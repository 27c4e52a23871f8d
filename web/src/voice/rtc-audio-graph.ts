/**
 * The call's audio inside the browser, one Web Audio graph whatever carries it: what goes out is
 * microphone → mute gain → destination, with the hold music and the keypad tones mixed into the same destination;
 * what comes in plays through an audio element per peer (muted on hold) and feeds an analyser for the level meter.
 */
import { dtmfFrequencies, TONE_GAP_SECONDS, TONE_SECONDS } from './dtmf.ts';

const HOLD_MUSIC_VOLUME = 0.3;
const TONE_VOLUME = 0.25;

export class CallAudioGraph {
  readonly context: AudioContext;
  private readonly destination: MediaStreamAudioDestinationNode;
  private readonly microphoneGain: GainNode;
  private readonly holdGain: GainNode;
  private readonly toneGain: GainNode;
  private readonly players = new Map<string, { element: HTMLAudioElement; analyser: AnalyserNode; source: MediaStreamAudioSourceNode }>();
  private holdMusic: AudioBufferSourceNode | undefined;
  private muted = false;
  private onHold = false;

  constructor(
    microphone: MediaStream | undefined,
    /** Loads the hold music; a soft synthesized loop plays when it cannot be had. */
    private readonly loadHoldMusic: (context: AudioContext) => Promise<AudioBuffer> = synthesizedHoldMusic,
  ) {
    this.context = new AudioContext();
    this.destination = this.context.createMediaStreamDestination();
    this.microphoneGain = this.gain(1);
    this.holdGain = this.gain(0);
    this.toneGain = this.gain(TONE_VOLUME);
    if (microphone) this.context.createMediaStreamSource(microphone).connect(this.microphoneGain);
    // Autoplay rules may start the context suspended; a later user gesture resumes it (resume() below).
    void this.context.resume().catch(() => undefined);
  }

  /** The one outgoing track every peer link sends. */
  get outgoing(): MediaStreamTrack {
    return this.destination.stream.getAudioTracks()[0]!;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.applyMicrophone();
  }

  setOnHold(onHold: boolean): void {
    if (this.onHold === onHold) return;
    this.onHold = onHold;
    this.applyMicrophone();
    this.holdGain.gain.setTargetAtTime(onHold ? HOLD_MUSIC_VOLUME : 0, this.context.currentTime, 0.05);
    for (const player of this.players.values()) player.element.muted = onHold;
    if (onHold && !this.holdMusic) void this.startHoldMusic();
  }

  /** Schedules the keys' dual tones one after another into the outgoing audio. */
  sendTones(digits: string): void {
    let at = this.context.currentTime + 0.02;
    for (const key of digits) {
      const frequencies = dtmfFrequencies(key);
      if (!frequencies) continue;
      for (const frequency of frequencies) {
        const oscillator = this.context.createOscillator();
        oscillator.frequency.value = frequency;
        oscillator.connect(this.toneGain);
        oscillator.start(at);
        oscillator.stop(at + TONE_SECONDS);
      }
      at += TONE_SECONDS + TONE_GAP_SECONDS;
    }
  }

  /** Plays a peer's audio (not while on hold) and measures it. */
  play(peerId: string, stream: MediaStream): void {
    this.stop(peerId);
    const element = new Audio();
    element.autoplay = true;
    element.muted = this.onHold;
    element.srcObject = stream;
    void element.play().catch(() => undefined);
    // Chrome feeds a remote WebRTC stream into Web Audio only while a media element also plays it: the element plays, the graph measures.
    const source = this.context.createMediaStreamSource(stream);
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    this.players.set(peerId, { element, analyser, source });
  }

  stop(peerId: string): void {
    const player = this.players.get(peerId);
    if (!player) return;
    player.element.srcObject = null;
    player.source.disconnect();
    this.players.delete(peerId);
  }

  /** The loudest peer's level now, 0–1 (RMS of the latest samples, scaled so speech fills a meter). */
  remoteLevel(): number {
    if (this.onHold) return 0;
    let level = 0;
    for (const { analyser } of this.players.values()) {
      const samples = new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      level = Math.max(level, Math.min(1, Math.sqrt(sum / samples.length) * 4));
    }
    return level;
  }

  resume(): Promise<void> {
    return this.context.resume();
  }

  async close(): Promise<void> {
    for (const peerId of [...this.players.keys()]) this.stop(peerId);
    this.holdMusic?.stop();
    await this.context.close().catch(() => undefined);
  }

  private gain(value: number): GainNode {
    const node = this.context.createGain();
    node.gain.value = value;
    node.connect(this.destination);
    return node;
  }

  private applyMicrophone(): void {
    this.microphoneGain.gain.setTargetAtTime(this.muted || this.onHold ? 0 : 1, this.context.currentTime, 0.01);
  }

  private async startHoldMusic(): Promise<void> {
    const buffer = await this.loadHoldMusic(this.context).catch(() => synthesizedHoldMusic(this.context));
    if (this.holdMusic || this.context.state === 'closed') return;
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.loop = true;
    source.connect(this.holdGain);
    source.start();
    this.holdMusic = source;
  }
}

/** Fetches and decodes a hold music file. */
export function holdMusicFrom(url: string): (context: AudioContext) => Promise<AudioBuffer> {
  return async (context) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Hold music: ${response.status}`);
    return context.decodeAudioData(await response.arrayBuffer());
  };
}

/** A soft four-note loop (A minor arpeggio), 4 s, each note fading in and out. */
export async function synthesizedHoldMusic(context: BaseAudioContext): Promise<AudioBuffer> {
  const rate = context.sampleRate;
  const notes = [220, 261.63, 329.63, 261.63];
  const noteSeconds = 1;
  const buffer = context.createBuffer(1, rate * noteSeconds * notes.length, rate);
  const data = buffer.getChannelData(0);
  notes.forEach((frequency, n) => {
    for (let i = 0; i < rate * noteSeconds; i++) {
      const t = i / rate;
      const envelope = Math.sin((Math.PI * t) / noteSeconds);
      data[n * rate * noteSeconds + i] = 0.5 * envelope * Math.sin(2 * Math.PI * frequency * t);
    }
  });
  return buffer;
}
