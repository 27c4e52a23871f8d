/**
 * Call audio over the local server's WebRTC rooms: a mesh with one peer link per attendee this one exchanges
 * audio with (the who-hears-whom policy), negotiated through the signalling socket; mute, hold and keypad
 * tones are done in the browser's own audio graph, so they behave the same whatever carries the call.
 */
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { CallAudio, CallAudioOptions, CallAudioState, ReceivedAudio } from './call-audio.ts';
import { CallAudioGraph, holdMusicFrom } from './rtc-audio-graph.ts';
import { linkDirection, PeerLink } from './rtc-peer-link.ts';
import { SignallingClient, signallingUrl, type RtcPeer, type ServerFrame } from './rtc-signalling-client.ts';

/** The local client also tells what each peer sent (the tests check who hears whom with it). */
export interface LocalRtcAudio extends CallAudio {
  receivedFrom(attendeeId: string): Promise<ReceivedAudio>;
}

export interface LocalRtcOptions extends CallAudioOptions {
  /** Where the hold music file is; the project's hold music by default (a synthesized loop when it cannot load). */
  holdMusicUrl?: string;
}

/** Roles that send their microphone to someone (a listener only hears). */
const SENDING_ROLES = new Set(['caller', 'agent', 'whisper', 'barge']);

function defaultHoldMusicUrl(): string | undefined {
  try {
    return new URL('../../../infra/assets/voice-prompts/hold-music.wav', import.meta.url).href;
  } catch {
    return undefined; // bundled without a module URL: the synthesized loop plays
  }
}

export async function joinLocalRtc(ticket: AudioTicket, options: LocalRtcOptions = {}): Promise<LocalRtcAudio> {
  const sends = SENDING_ROLES.has(ticket.role);
  let ownMicrophone: MediaStream | undefined;
  const microphone = sends ? (options.microphone ?? (ownMicrophone = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } }))) : undefined;
  const holdMusicUrl = options.holdMusicUrl ?? defaultHoldMusicUrl();
  const graph = new CallAudioGraph(microphone, holdMusicUrl ? holdMusicFrom(holdMusicUrl) : undefined);

  let state: CallAudioState = 'connecting';
  let self: RtcPeer = { attendeeId: ticket.attendeeId, role: ticket.role };
  let peers: RtcPeer[] = [];
  const links = new Map<string, PeerLink>();
  const stateListeners = new Set<(state: CallAudioState) => void>();
  const peerListeners = new Set<(peers: RtcPeer[]) => void>();
  const setState = (next: CallAudioState) => {
    if (state === next || state === 'ended' || state === 'failed') return;
    state = next;
    for (const listener of stateListeners) listener(next);
    if (next === 'ended' || next === 'failed') closeLinks();
  };
  const setPeers = (next: RtcPeer[]) => {
    peers = next;
    for (const listener of peerListeners) listener(peers);
  };

  const closeLink = (attendeeId: string) => {
    links.get(attendeeId)?.close();
    links.delete(attendeeId);
    graph.stop(attendeeId);
  };
  const closeLinks = () => {
    for (const attendeeId of [...links.keys()]) closeLink(attendeeId);
  };
  const openLink = (peer: RtcPeer) => {
    closeLink(peer.attendeeId);
    const direction = linkDirection(self.role, peer.role, sends);
    if (!direction) return;
    const link = new PeerLink(
      {
        self,
        peer,
        outgoing: sends ? graph.outgoing : undefined,
        send: (data) => signalling.send(peer.attendeeId, data),
        remote: (stream) => graph.play(peer.attendeeId, stream),
      },
      direction,
    );
    links.set(peer.attendeeId, link);
    void link.start().catch(() => closeLink(peer.attendeeId));
  };

  const onFrame = (frame: ServerFrame) => {
    switch (frame.type) {
      case 'welcome':
        // A (re)join: the others dropped their links to the old socket, so every link starts afresh.
        self = frame.self;
        closeLinks();
        setPeers(frame.peers);
        for (const peer of frame.peers) openLink(peer);
        break;
      case 'peer-joined':
        setPeers([...peers.filter((p) => p.attendeeId !== frame.peer.attendeeId), frame.peer]);
        openLink(frame.peer);
        break;
      case 'peer-left':
        setPeers(peers.filter((p) => p.attendeeId !== frame.attendeeId));
        closeLink(frame.attendeeId);
        break;
      case 'signal':
        void links.get(frame.from)?.handle(frame.data).catch(() => closeLink(frame.from));
        break;
      case 'error':
        break;
    }
  };

  const url = signallingUrl(options.baseUrl ?? location.origin, ticket.signallingPath ?? '/local/rtc', ticket.meetingId, ticket.joinToken);
  const signalling = new SignallingClient(url, { frame: onFrame, state: setState });

  const received = async (list: PeerLink[]): Promise<ReceivedAudio> => {
    const totals = await Promise.all(list.map((link) => link.received()));
    return totals.reduce((sum, one) => ({ packets: sum.packets + one.packets, energy: sum.energy + one.energy }), { packets: 0, energy: 0 });
  };

  return {
    ticket,
    state: () => state,
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    peers: () => peers,
    onPeersChange(listener) {
      peerListeners.add(listener);
      return () => peerListeners.delete(listener);
    },
    setMuted: (muted) => graph.setMuted(muted),
    setOnHold: (onHold) => graph.setOnHold(onHold),
    sendTones: (digits) => graph.sendTones(digits),
    remoteLevel: () => graph.remoteLevel(),
    receivedAudio: () => received([...links.values()]),
    receivedFrom: (attendeeId) => received([...links.entries()].filter(([id]) => id === attendeeId).map(([, link]) => link)),
    async leave() {
      signalling.close();
      closeLinks();
      for (const track of ownMicrophone?.getTracks() ?? []) track.stop();
      await graph.close();
    },
  };
}
