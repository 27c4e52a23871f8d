/**
 * A call's audio over an Amazon Chime SDK meeting (AWS): amazon-chime-sdk-js joins the ticket's meeting as its
 * attendee. What we send is the same Web Audio graph the local client uses (microphone with mute, hold music,
 * keypad tones), handed to the SDK as its audio input; what we hear plays through one bound audio element, muted
 * on hold. The other side's level comes from the SDK's volume indicators, received audio from its peer stats.
 * Loaded only through `join-call-audio.ts` for a Chime ticket, so the console's main chunk carries no SDK.
 */
import {
  ConsoleLogger,
  DefaultDeviceController,
  DefaultMeetingSession,
  LogLevel,
  MeetingSessionConfiguration,
  type AudioVideoFacade,
  type AudioVideoObserver,
  type MeetingSessionStatus,
} from 'amazon-chime-sdk-js';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { MeetingRole } from '@cc/shared/voice/ports';
import type { CallAudio, CallAudioOptions, CallAudioState, ReceivedAudio } from './call-audio.ts';
import { chimeJoinInfo, receivedAudioOf, roleOfAttendee, stateOnStop } from './chime-meeting.ts';
import { CallAudioGraph, holdMusicFrom } from './rtc-audio-graph.ts';

type Peer = { attendeeId: string; role: MeetingRole };

/** The project's hold music, as the local client plays it (the graph's synthesized loop when it cannot load). */
function holdMusic(): ((context: AudioContext) => Promise<AudioBuffer>) | undefined {
  try {
    return holdMusicFrom(new URL('../../../infra/assets/voice-prompts/hold-music.wav', import.meta.url).href);
  } catch {
    return undefined;
  }
}

/** Joins the ticket's Chime SDK meeting; the call is `connecting` until the SDK reports the audio started. */
export async function joinChimeMeeting(ticket: AudioTicket, options: CallAudioOptions): Promise<CallAudio> {
  const { meeting, attendee } = chimeJoinInfo(ticket);
  // A listener's attendee may only receive: it sends nothing, so it needs no microphone.
  const sends = ticket.role !== 'listen';
  const ownMicrophone = sends && !options.microphone ? await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } }) : undefined;
  const graph = new CallAudioGraph(sends ? (options.microphone ?? ownMicrophone) : undefined, holdMusic());
  const logger = new ConsoleLogger('call-audio', LogLevel.WARN);
  const session = new DefaultMeetingSession(new MeetingSessionConfiguration(meeting, attendee), logger, new DefaultDeviceController(logger));
  const audio = new ChimeCallAudio(ticket, session.audioVideo, graph, ownMicrophone);
  try {
    await audio.start(sends);
  } catch (error) {
    await audio.leave();
    throw error;
  }
  return audio;
}

class ChimeCallAudio implements CallAudio {
  private current: CallAudioState = 'connecting';
  private leaving = false;
  private readonly stateListeners = new Set<(state: CallAudioState) => void>();
  private readonly peerListeners = new Set<(peers: Peer[]) => void>();
  private readonly present = new Map<string, Peer>();
  private readonly levels = new Map<string, number>();
  private readonly element = new Audio();
  private onHold = false;

  private readonly observer: AudioVideoObserver = {
    audioVideoDidStartConnecting: (reconnecting) => this.setState(reconnecting ? 'reconnecting' : 'connecting'),
    audioVideoDidStart: () => this.setState('connected'),
    audioVideoDidStop: (status: MeetingSessionStatus) => this.setState(stateOnStop(status, this.leaving)),
  };

  constructor(
    readonly ticket: AudioTicket,
    private readonly av: AudioVideoFacade,
    private readonly graph: CallAudioGraph,
    private readonly ownMicrophone: MediaStream | undefined,
  ) {}

  async start(sends: boolean): Promise<void> {
    this.element.autoplay = true;
    this.av.addObserver(this.observer);
    this.av.realtimeSubscribeToAttendeeIdPresence(this.onPresence);
    await this.av.bindAudioElement(this.element);
    if (sends) await this.av.startAudioInput(new MediaStream([this.graph.outgoing]));
    this.av.start();
  }

  state = () => this.current;
  onStateChange = (listener: (state: CallAudioState) => void) => subscribe(this.stateListeners, listener);
  peers = () => [...this.present.values()];
  onPeersChange = (listener: (peers: Peer[]) => void) => subscribe(this.peerListeners, listener);

  setMuted(muted: boolean): void {
    this.graph.setMuted(muted);
  }

  setOnHold(onHold: boolean): void {
    this.onHold = onHold;
    this.graph.setOnHold(onHold);
    this.element.muted = onHold;
  }

  sendTones(digits: string): void {
    this.graph.sendTones(digits);
  }

  remoteLevel(): number {
    if (this.onHold) return 0;
    return Math.max(0, ...this.levels.values());
  }

  async receivedAudio(): Promise<ReceivedAudio> {
    return receivedAudioOf(await this.av.getRTCPeerConnectionStats());
  }

  remoteStream(): MediaStream | undefined {
    return this.element.srcObject instanceof MediaStream ? this.element.srcObject : undefined;
  }

  async leave(): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    this.av.realtimeUnsubscribeToAttendeeIdPresence(this.onPresence);
    for (const attendeeId of this.present.keys()) this.av.realtimeUnsubscribeFromVolumeIndicator(attendeeId);
    this.av.removeObserver(this.observer);
    this.av.stop();
    this.av.unbindAudioElement();
    await this.av.stopAudioInput().catch(() => undefined);
    await this.graph.close();
    this.ownMicrophone?.getTracks().forEach((track) => track.stop());
    this.present.clear();
    this.setState('ended');
  }

  /** Attendees come and go; each other one gets a volume indicator for the level meter. Content shares are skipped. */
  private readonly onPresence = (attendeeId: string, present: boolean, externalUserId?: string) => {
    if (attendeeId === this.ticket.attendeeId || attendeeId.includes('#content')) return;
    if (present && !this.present.has(attendeeId)) {
      this.present.set(attendeeId, { attendeeId, role: roleOfAttendee(externalUserId) });
      this.av.realtimeSubscribeToVolumeIndicator(attendeeId, (id, volume) => this.levels.set(id, volume ?? 0));
    } else if (!present && this.present.delete(attendeeId)) {
      this.av.realtimeUnsubscribeFromVolumeIndicator(attendeeId);
      this.levels.delete(attendeeId);
    } else return;
    const peers = this.peers();
    for (const listener of this.peerListeners) listener(peers);
  };

  private setState(state: CallAudioState): void {
    // Once ended or failed, a late SDK event does not bring the call back.
    if (state === this.current || this.current === 'ended' || (this.current === 'failed' && state !== 'ended')) return;
    this.current = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

function subscribe<T>(listeners: Set<(value: T) => void>, listener: (value: T) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
