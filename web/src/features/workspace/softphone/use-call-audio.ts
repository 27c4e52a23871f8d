import { useEffect, useState, useSyncExternalStore } from 'react';
import { joinCallAudio } from '../../../voice/join-call-audio.ts';
import { useApi } from '../../auth/session.tsx';
import type { ApiClient } from '../../../api/client.ts';
import type { CallAudio } from '../../../voice/call-audio.ts';
import { CallSession, SessionTurns, softphonePhase, type CallSessionSnapshot, type CallTranscription, type SoftphonePhase } from './call-session.ts';

const IDLE: CallSessionSnapshot = { step: 'idle', muted: false, onHold: false };
const noSubscription = () => () => undefined;
const idle = () => IDLE;
/** The page's sessions take turns per contact (a remount must not overlap the session it replaces). */
const turns = new SessionTurns();

/** The voice the agent sends: the browser's own echo cancelling and noise suppression, as a headset call wants. */
const openMicrophone = async (): Promise<MediaStream> => {
  // On an insecure origin `mediaDevices` is missing; that reads as "no microphone".
  if (!navigator.mediaDevices?.getUserMedia) throw Object.assign(new Error('No media devices on this page'), { name: 'NotFoundError' });
  return navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
};

/** Transcribes a Chime call here once its incoming audio has arrived; the Transcribe SDK is loaded only then. */
const transcribeWith =
  (api: ApiClient) =>
  (contactId: string, audio: CallAudio, microphone: MediaStream): Promise<CallTranscription> | undefined => {
    const customer = audio.remoteStream?.();
    if (!customer) return undefined;
    return import('../../../voice/browser-transcription.ts').then(({ startBrowserTranscription }) => startBrowserTranscription(contactId, { agent: microphone, customer }, api));
  };

/**
 * The call's audio while `contactId` is a call connected to this agent (undefined: none): joined on mount, left when
 * the contact moves on, the component goes or the page is closed. `onHold` follows the contact's hold.
 */
export function useCallAudio(contactId: string | undefined, onHold: boolean): { session: CallSession | undefined; snapshot: CallSessionSnapshot; phase: SoftphonePhase } {
  const api = useApi();
  const [session, setSession] = useState<CallSession | undefined>();

  useEffect(() => {
    if (contactId === undefined) return undefined;
    const created = new CallSession(contactId, { openMicrophone, requestTicket: (id) => api.callAudioTicket(id, 'agent'), join: joinCallAudio, transcribe: transcribeWith(api) });
    let gone = false;
    setSession(created);
    void turns.turn(contactId).then(() => (gone ? undefined : created.start()));
    const leave = () => turns.left(contactId, created.leave());
    window.addEventListener('pagehide', leave);
    return () => {
      gone = true;
      window.removeEventListener('pagehide', leave);
      leave();
      setSession(undefined);
    };
  }, [api, contactId]);

  useEffect(() => session?.setOnHold(onHold), [session, onHold]);

  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? idle);
  return { session, snapshot, phase: softphonePhase(snapshot) };
}
