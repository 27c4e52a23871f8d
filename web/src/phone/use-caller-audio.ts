import { useEffect, useState } from 'react';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { CallAudio, CallAudioState } from '../voice/call-audio.ts';
import { joinCallAudio } from '../voice/join-call-audio.ts';
import type { PhoneCall } from './emulator-api.ts';

export interface CallerAudio {
  audio?: CallAudio;
  state?: CallAudioState;
  /** Whether an agent is in the call's audio now, and whether one was before. */
  withAgent: boolean;
  agentLeft: boolean;
  error?: string;
}

/** Joins the call's audio as the caller, with the microphone, once the emulator joined the call to a meeting; leaves when it ends. */
export function useCallerAudio(call: PhoneCall | undefined): CallerAudio {
  const meeting = call?.state === 'connected' ? call.meeting : undefined;
  const [audio, setAudio] = useState<CallAudio | undefined>();
  const [state, setState] = useState<CallAudioState | undefined>();
  const [agents, setAgents] = useState({ now: false, before: false });
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!meeting) return;
    let left = false;
    let joined: CallAudio | undefined;
    const ticket: AudioTicket = { contactId: '', role: 'caller', provider: 'local', meetingId: meeting.meetingId, attendeeId: '', joinToken: meeting.joinToken, signallingPath: '/local/rtc' };
    setError(undefined);
    joinCallAudio(ticket)
      .then((a) => {
        if (left) return void a.leave();
        joined = a;
        setAudio(a);
        setState(a.state());
        a.onStateChange(setState);
        a.onPeersChange((peers) => {
          const now = peers.some((p) => p.role === 'agent');
          setAgents((previous) => ({ now, before: previous.before || now }));
        });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      left = true;
      void joined?.leave();
      setAudio(undefined);
      setState(undefined);
      setAgents({ now: false, before: false });
    };
  }, [meeting?.meetingId, meeting?.joinToken]);

  return { audio, state, withAgent: agents.now, agentLeft: agents.before && !agents.now, ...(error && { error }) };
}
