/**
 * The agent's side of one call's audio, apart from React so it can be tested: take the microphone, ask the
 * ticket, join, keep mute and hold applied, and leave cleanly (also when the contact moves on mid-join).
 */
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { CallAudio, CallAudioOptions, CallAudioState } from '../../../voice/call-audio.ts';

export interface CallSessionDeps {
  openMicrophone(): Promise<MediaStream>;
  requestTicket(contactId: string): Promise<AudioTicket>;
  join(ticket: AudioTicket, options: CallAudioOptions): Promise<CallAudio>;
  /**
   * Starts transcribing the connected call in this browser (the AWS path, `transcribesInBrowser`); absent or
   * undefined: the call is not transcribed here.
   */
  transcribe?(contactId: string, audio: CallAudio, microphone: MediaStream): Promise<CallTranscription> | undefined;
}

/** A call's transcription in this browser, while the agent is on it. */
export interface CallTranscription {
  /** What the customer does not hear (muted, on hold) is not transcribed either. */
  setAgentSilenced(silenced: boolean): void;
  stop(): Promise<void>;
}

/**
 * Whether the agent's browser transcribes the call: only over a Chime meeting (AWS), whose audio Transcribe streams
 * from here; locally the emulator's scripted caller feeds the transcript instead.
 */
export function transcribesInBrowser(ticket: Pick<AudioTicket, 'provider'>): boolean {
  return ticket.provider === 'chime';
}

/** Why joining failed: the browser refused the microphone, found none (or it is busy), or the audio itself failed. */
export type AudioFailure = 'microphone-denied' | 'microphone-unavailable' | 'audio';

export type JoinStep = 'idle' | 'microphone' | 'ticket' | 'joining' | 'joined' | 'failed' | 'left';

export interface CallSessionSnapshot {
  step: JoinStep;
  failure?: AudioFailure;
  /** The joined audio's own state. */
  audioState?: CallAudioState;
  muted: boolean;
  onHold: boolean;
}

/** What the softphone says about the call. */
export type SoftphonePhase = 'connecting' | 'talking' | 'on-hold' | 'muted' | 'ended' | AudioFailure;

/** The failure a `getUserMedia` error stands for (names from the Media Capture spec). */
export function microphoneFailure(error: unknown): AudioFailure {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  return name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError' ? 'microphone-denied' : 'microphone-unavailable';
}

/** The phase shown for a snapshot: hold wins over mute, a lost connection counts as connecting again. */
export function softphonePhase(snapshot: CallSessionSnapshot): SoftphonePhase {
  if (snapshot.step === 'failed') return snapshot.failure ?? 'audio';
  if (snapshot.step === 'left') return 'ended';
  if (snapshot.step !== 'joined') return 'connecting';
  switch (snapshot.audioState) {
    case 'failed':
      return 'audio';
    case 'ended':
      return 'ended';
    case 'connected':
      return snapshot.onHold ? 'on-hold' : snapshot.muted ? 'muted' : 'talking';
    default:
      return 'connecting';
  }
}

const stopTracks = (stream: MediaStream | undefined) => stream?.getTracks().forEach((track) => track.stop());

export class CallSession {
  private snapshot: CallSessionSnapshot = { step: 'idle', muted: false, onHold: false };
  private readonly listeners = new Set<() => void>();
  private audio: CallAudio | undefined;
  private microphone: MediaStream | undefined;
  private unsubscribe: (() => void) | undefined;
  private transcription: Promise<CallTranscription | undefined> | undefined;
  /** Bumped by every start and leave, so a join that finishes after it is left at once. */
  private generation = 0;
  /** The join under way (or done), which a leave waits for so nothing of it outlives the session. */
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly contactId: string,
    private readonly deps: CallSessionDeps,
  ) {}

  getSnapshot = (): CallSessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The joined audio, for the level meter and the keypad. */
  current(): CallAudio | undefined {
    return this.audio;
  }

  /** Joins the call's audio; on failure the snapshot says why and `start` may be called again (retry). */
  start(): Promise<void> {
    this.running = this.join();
    return this.running;
  }

  private async join(): Promise<void> {
    await this.release();
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    let step: JoinStep = 'microphone';
    this.update({ step, failure: undefined, audioState: undefined });
    try {
      const microphone = await this.deps.openMicrophone();
      if (stale()) return stopTracks(microphone);
      this.microphone = microphone;
      this.update({ step: (step = 'ticket') });
      const ticket = await this.deps.requestTicket(this.contactId);
      if (stale()) return;
      this.update({ step: (step = 'joining') });
      const audio = await this.deps.join(ticket, { microphone });
      if (stale()) {
        await audio.leave();
        return;
      }
      this.audio = audio;
      audio.setMuted(this.snapshot.muted);
      audio.setOnHold(this.snapshot.onHold);
      const transcribeOnce = (state: CallAudioState) => {
        if (state === 'connected' && !this.transcription && transcribesInBrowser(ticket)) this.startTranscription(audio, microphone);
      };
      this.unsubscribe = audio.onStateChange((audioState) => {
        this.update({ audioState });
        transcribeOnce(audioState);
      });
      this.update({ step: 'joined', audioState: audio.state() });
      transcribeOnce(audio.state());
    } catch (error) {
      if (stale()) return;
      await this.release();
      this.update({ step: 'failed', failure: step === 'microphone' ? microphoneFailure(error) : 'audio' });
    }
  }

  private startTranscription(audio: CallAudio, microphone: MediaStream): void {
    this.transcription = (this.deps.transcribe?.(this.contactId, audio, microphone) ?? Promise.resolve(undefined)).catch(() => undefined); // no transcript is no reason to drop the call
    this.silenceTranscribedAgent();
  }

  /** Applies mute and hold as they are now to the transcription's agent channel. */
  private silenceTranscribedAgent(): void {
    const silenced = this.snapshot.muted || this.snapshot.onHold;
    void this.transcription?.then((transcription) => transcription?.setAgentSilenced(silenced));
  }

  setMuted(muted: boolean): void {
    this.audio?.setMuted(muted);
    this.update({ muted });
    this.silenceTranscribedAgent();
  }

  /** Follows the contact's hold: the caller hears the hold music, the agent hears nothing. */
  setOnHold(onHold: boolean): void {
    if (onHold === this.snapshot.onHold) return;
    this.audio?.setOnHold(onHold);
    this.update({ onHold });
    this.silenceTranscribedAgent();
  }

  sendTones(digits: string): void {
    this.audio?.sendTones(digits);
  }

  /** Leaves the audio and gives the microphone back; a join still under way is left when it finishes. */
  async leave(): Promise<void> {
    this.generation++;
    await this.running;
    await this.release();
    this.update({ step: 'left' });
  }

  private async release(): Promise<void> {
    const { audio, microphone, transcription } = this;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.transcription = undefined;
    await (await transcription)?.stop().catch(() => undefined);
    this.audio = undefined;
    this.microphone = undefined;
    stopTracks(microphone);
    await audio?.leave().catch(() => undefined); // leaving a broken call must still free the microphone
  }

  private update(patch: Partial<CallSessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/**
 * One session per contact at a time: the same agent rejoining gets the same seat, and the signalling keeps only the
 * newest connection of a seat, so a session that starts before the previous one has left could be the one dropped.
 */
export class SessionTurns {
  private readonly leaving = new Map<string, Promise<void>>();

  /** Resolves once every earlier session of the contact has left. */
  turn(contactId: string): Promise<void> {
    return this.leaving.get(contactId) ?? Promise.resolve();
  }

  /** Records a session leaving; the next one of the contact waits for it. */
  left(contactId: string, done: Promise<void>): void {
    const after = Promise.all([this.turn(contactId), done]).then(() => undefined);
    this.leaving.set(contactId, after);
    void after.then(() => {
      if (this.leaving.get(contactId) === after) this.leaving.delete(contactId);
    });
  }
}
