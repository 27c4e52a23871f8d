import { describe, expect, it } from 'vitest';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { CallAudio, CallAudioState } from '../../../voice/call-audio.ts';
import { CallSession, SessionTurns, softphonePhase, transcribesInBrowser, type CallSessionDeps, type CallTranscription } from './call-session.ts';

const ticket: AudioTicket = { contactId: 'c1', role: 'agent', provider: 'local', meetingId: 'm', attendeeId: 'a', joinToken: 't', signallingPath: '/local/rtc' };

/** A microphone whose tracks record being stopped. */
function fakeMicrophone() {
  const track = { stopped: false, stop() { this.stopped = true; } };
  return { stream: { getTracks: () => [track] } as unknown as MediaStream, track };
}

/** A joined call's audio that records what the session told it. */
function fakeAudio(initial: CallAudioState = 'connected', joined: AudioTicket = ticket) {
  let state = initial;
  const listeners = new Set<(s: CallAudioState) => void>();
  const calls: string[] = [];
  const audio = {
    ticket: joined,
    state: () => state,
    onStateChange: (l: (s: CallAudioState) => void) => (listeners.add(l), () => listeners.delete(l)),
    peers: () => [],
    onPeersChange: () => () => undefined,
    setMuted: (m: boolean) => void calls.push(`muted:${m}`),
    setOnHold: (h: boolean) => void calls.push(`hold:${h}`),
    sendTones: (d: string) => void calls.push(`tones:${d}`),
    remoteLevel: () => 0,
    receivedAudio: async () => ({ packets: 0, energy: 0 }),
    leave: async () => void calls.push('leave'),
  } satisfies CallAudio;
  return { audio, calls, emit: (s: CallAudioState) => ((state = s), listeners.forEach((l) => l(s))) };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the softphone’s call session', () => {
  it('joins with the microphone it opened and shows talking, then follows the audio’s state', async () => {
    // Arrange
    const mic = fakeMicrophone();
    const { audio, emit } = fakeAudio();
    let joinedWith: MediaStream | undefined;
    const session = new CallSession('c1', { openMicrophone: async () => mic.stream, requestTicket: async () => ticket, join: async (_t, o) => ((joinedWith = o.microphone), audio) });
    // Act
    await session.start();
    const talking = softphonePhase(session.getSnapshot());
    emit('reconnecting');
    // Assert
    expect(talking).toBe('talking');
    expect(joinedWith).toBe(mic.stream);
    expect(softphonePhase(session.getSnapshot())).toBe('connecting');
  });

  it('says the microphone was refused, asks no ticket, and joins on retry once it is allowed', async () => {
    // Arrange
    let allowed = false;
    let tickets = 0;
    const deps: CallSessionDeps = {
      openMicrophone: async () => {
        if (!allowed) throw Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
        return fakeMicrophone().stream;
      },
      requestTicket: async () => (tickets++, ticket),
      join: async () => fakeAudio().audio,
    };
    const session = new CallSession('c1', deps);
    // Act
    await session.start();
    const refused = softphonePhase(session.getSnapshot());
    allowed = true;
    await session.start();
    // Assert
    expect(refused).toBe('microphone-denied');
    expect(tickets).toBe(1);
    expect(softphonePhase(session.getSnapshot())).toBe('talking');
  });

  it('tells a missing microphone from a refused one, and a failed join from both (freeing the microphone)', async () => {
    // Arrange
    const missing = new CallSession('c1', { openMicrophone: async () => Promise.reject(Object.assign(new Error('none'), { name: 'NotFoundError' })), requestTicket: async () => ticket, join: async () => fakeAudio().audio });
    const mic = fakeMicrophone();
    const broken = new CallSession('c1', { openMicrophone: async () => mic.stream, requestTicket: async () => ticket, join: async () => Promise.reject(new Error('ICE failed')) });
    // Act
    await missing.start();
    await broken.start();
    // Assert
    expect(softphonePhase(missing.getSnapshot())).toBe('microphone-unavailable');
    expect(softphonePhase(broken.getSnapshot())).toBe('audio');
    expect(mic.track.stopped).toBe(true);
  });

  it('keeps mute and hold across a rejoin and shows hold over mute', async () => {
    // Arrange
    const first = fakeAudio();
    const second = fakeAudio();
    const audios = [first.audio, second.audio];
    const session = new CallSession('c1', { openMicrophone: async () => fakeMicrophone().stream, requestTicket: async () => ticket, join: async () => audios.shift()! });
    await session.start();
    // Act
    session.setMuted(true);
    const muted = softphonePhase(session.getSnapshot());
    session.setOnHold(true);
    await session.start();
    // Assert
    expect(muted).toBe('muted');
    expect(first.calls).toEqual(['muted:false', 'hold:false', 'muted:true', 'hold:true', 'leave']);
    expect(second.calls).toEqual(['muted:true', 'hold:true']);
    expect(softphonePhase(session.getSnapshot())).toBe('on-hold');
  });

  it('leaves a join that finishes after the contact moved on, and gives the microphone back', async () => {
    // Arrange
    const mic = fakeMicrophone();
    const late = fakeAudio();
    const joining = deferred<CallAudio>();
    const session = new CallSession('c1', { openMicrophone: async () => mic.stream, requestTicket: async () => ticket, join: () => joining.promise });
    const started = session.start();
    await new Promise((r) => setTimeout(r, 0));
    // Act
    const left = session.leave();
    joining.resolve(late.audio);
    await Promise.all([started, left]);
    // Assert
    expect(late.calls).toEqual(['leave']);
    expect(mic.track.stopped).toBe(true);
    expect(softphonePhase(session.getSnapshot())).toBe('ended');
  });

  it('starts a contact’s next session only once the one before it has left, its late join included', async () => {
    // Arrange: the first session is still joining when the pane remounts
    const turns = new SessionTurns();
    const log: string[] = [];
    const joining = deferred<CallAudio>();
    const first = fakeAudio();
    first.audio.leave = async () => void log.push('first left');
    const old = new CallSession('c1', { openMicrophone: async () => fakeMicrophone().stream, requestTicket: async () => ticket, join: () => joining.promise });
    void old.start();
    await new Promise((r) => setTimeout(r, 0));
    // Act
    turns.left('c1', old.leave());
    const next = turns.turn('c1').then(() => void log.push('second starts'));
    const otherContact = turns.turn('c2').then(() => void log.push('other contact starts'));
    await otherContact;
    joining.resolve(first.audio);
    await next;
    // Assert
    expect(log).toEqual(['other contact starts', 'first left', 'second starts']);
  });
});

describe('transcribing the call in the agent’s browser', () => {
  const chime: AudioTicket = { contactId: 'c1', role: 'agent', provider: 'chime', meetingId: 'm', attendeeId: 'a', joinToken: 't', meeting: {}, attendee: {} };
  /** A transcription that records what the session told it. */
  function recorder() {
    const calls: string[] = [];
    const started: { contactId: string; microphone: MediaStream }[] = [];
    const transcribe: NonNullable<CallSessionDeps['transcribe']> = async (contactId, _audio, microphone) => {
      started.push({ contactId, microphone });
      return { setAgentSilenced: (silenced) => void calls.push(`silenced:${silenced}`), stop: async () => void calls.push('stop') } satisfies CallTranscription;
    };
    return { calls, started, transcribe };
  }

  it('transcribes only Chime calls (AWS); local calls keep the scripted caller', () => {
    expect([transcribesInBrowser(chime), transcribesInBrowser(ticket)]).toEqual([true, false]);
  });

  it('starts once the Chime call connects, silences the agent while muted or on hold, and stops on hang-up', async () => {
    // Arrange
    const mic = fakeMicrophone();
    const { audio, emit } = fakeAudio('connecting', chime);
    const transcription = recorder();
    const session = new CallSession('c1', { openMicrophone: async () => mic.stream, requestTicket: async () => chime, join: async () => audio, transcribe: transcription.transcribe });

    // Act
    await session.start();
    const beforeConnected = transcription.started.length;
    emit('connected');
    emit('reconnecting');
    emit('connected');
    await Promise.resolve();
    session.setMuted(true);
    session.setOnHold(true);
    session.setMuted(false);
    session.setOnHold(false);
    await session.leave();

    // Assert
    expect(beforeConnected).toBe(0);
    expect(transcription.started).toEqual([{ contactId: 'c1', microphone: mic.stream }]);
    expect(transcription.calls).toEqual(['silenced:false', 'silenced:true', 'silenced:true', 'silenced:true', 'silenced:false', 'stop']);
  });

  it('never transcribes a local call', async () => {
    const { audio } = fakeAudio('connected');
    const transcription = recorder();
    const session = new CallSession('c1', { openMicrophone: async () => fakeMicrophone().stream, requestTicket: async () => ticket, join: async () => audio, transcribe: transcription.transcribe });

    await session.start();
    await session.leave();

    expect(transcription.started).toEqual([]);
  });
});
