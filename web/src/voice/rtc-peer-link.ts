/**
 * The audio between this browser and one other attendee: one RTCPeerConnection whose single audio transceiver
 * sends and/or receives as the who-hears-whom policy says. The attendee with the smaller id offers, so two
 * browsers never offer at once.
 */
import { hears } from '@cc/shared/voice/values';
import type { RtcPeer, SignalData } from './rtc-signalling-client.ts';

export interface PeerLinkOptions {
  self: RtcPeer;
  peer: RtcPeer;
  /** The outgoing audio (the mixed graph's track); absent for an attendee who sends nothing. */
  outgoing: MediaStreamTrack | undefined;
  send(data: SignalData): void;
  /** The peer's audio arrived (once per link). */
  remote(stream: MediaStream): void;
}

/** How this side's transceiver should run towards `peer`, or `undefined` when no audio flows either way. */
export function linkDirection(self: RtcPeer['role'], peer: RtcPeer['role'], canSend: boolean): RTCRtpTransceiverDirection | undefined {
  const send = canSend && hears(peer, self);
  const receive = hears(self, peer);
  if (send && receive) return 'sendrecv';
  if (send) return 'sendonly';
  if (receive) return 'recvonly';
  return undefined;
}

export class PeerLink {
  readonly connection: RTCPeerConnection;
  private readonly direction: RTCRtpTransceiverDirection;
  /** Candidates that came before the remote description, added once it is set. */
  private pending: (RTCIceCandidateInit | null)[] = [];
  private closed = false;

  constructor(
    private readonly options: PeerLinkOptions,
    direction: RTCRtpTransceiverDirection,
  ) {
    this.direction = direction;
    // Local rooms are browsers on one machine or one network: host candidates are enough, no STUN or TURN.
    this.connection = new RTCPeerConnection({ iceServers: [] });
    this.connection.onicecandidate = (event) => options.send({ candidate: event.candidate ? event.candidate.toJSON() : null });
    this.connection.ontrack = (event) => options.remote(event.streams[0] ?? new MediaStream([event.track]));
  }

  get offers(): boolean {
    return this.options.self.attendeeId < this.options.peer.attendeeId;
  }

  /** The offering side starts the negotiation; the other waits for the offer. */
  async start(): Promise<void> {
    if (!this.offers) return;
    const sends = this.direction !== 'recvonly' && this.options.outgoing;
    if (sends) this.connection.addTransceiver(this.options.outgoing!, { direction: this.direction });
    else this.connection.addTransceiver('audio', { direction: this.direction });
    await this.connection.setLocalDescription(await this.connection.createOffer());
    this.options.send({ description: this.connection.localDescription!.toJSON() as RTCSessionDescriptionInit });
  }

  async handle(data: SignalData): Promise<void> {
    if (this.closed) return;
    if ('description' in data) {
      await this.connection.setRemoteDescription(data.description);
      if (data.description.type === 'offer') await this.answer();
      for (const candidate of this.pending.splice(0)) await this.addCandidate(candidate);
      return;
    }
    if (!this.connection.remoteDescription) this.pending.push(data.candidate);
    else await this.addCandidate(data.candidate);
  }

  /** Audio packets and energy received from this peer so far. */
  async received(): Promise<{ packets: number; energy: number }> {
    let packets = 0;
    let energy = 0;
    if (this.closed) return { packets, energy };
    (await this.connection.getStats()).forEach((report: { type: string; kind?: string; packetsReceived?: number; totalAudioEnergy?: number }) => {
      if (report.type !== 'inbound-rtp' || report.kind !== 'audio') return;
      packets += report.packetsReceived ?? 0;
      energy += report.totalAudioEnergy ?? 0;
    });
    return { packets, energy };
  }

  close(): void {
    this.closed = true;
    this.connection.close();
  }

  private async answer(): Promise<void> {
    const [transceiver] = this.connection.getTransceivers();
    if (transceiver) {
      transceiver.direction = this.direction;
      if (this.direction !== 'recvonly' && this.options.outgoing) await transceiver.sender.replaceTrack(this.options.outgoing);
    }
    await this.connection.setLocalDescription(await this.connection.createAnswer());
    this.options.send({ description: this.connection.localDescription!.toJSON() as RTCSessionDescriptionInit });
  }

  private async addCandidate(candidate: RTCIceCandidateInit | null): Promise<void> {
    // A candidate the browser cannot use (another network, a stale one) must not break the link.
    await this.connection.addIceCandidate(candidate ?? undefined).catch(() => undefined);
  }
}
