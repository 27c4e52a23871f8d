// The AWS transcript path in the agent's browser, loaded only for a Chime call (its SDK stays out of the main chunk):
// the two sides captured as PCM, streamed to Amazon Transcribe with the call's short-lived credentials, finals posted.
import { TranscribeStreamingClient, type TranscriptEvent } from '@aws-sdk/client-transcribe-streaming';
import type { TranscriptionGrant } from '@cc/shared/voice/values';
import { CallTranscriber } from './call-transcriber.ts';
import { capturePcm } from './pcm-capture.ts';

export interface BrowserTranscription {
  setAgentSilenced(silenced: boolean): void;
  stop(): Promise<void>;
}

/** Transcribes the call until `stop` (the hang-up). */
export function startBrowserTranscription(
  contactId: string,
  streams: { agent: MediaStream; customer: MediaStream },
  api: { transcriptionGrant(contactId: string): Promise<TranscriptionGrant>; postTranscript(contactId: string, event: { TranscriptEvent: TranscriptEvent }): Promise<unknown> },
): BrowserTranscription {
  const transcriber = new CallTranscriber(contactId, {
    requestGrant: (id) => api.transcriptionGrant(id),
    createClient: ({ region, credentials }) =>
      new TranscribeStreamingClient({ region, credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken, expiration: new Date(credentials.expiration) } }),
    postTranscript: (id, event) => api.postTranscript(id, event),
    now: () => Date.now(),
    setTimer: (ms, callback) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
    onError: (error) => console.warn('Call transcription', error),
  });
  const capture = capturePcm(streams.agent, streams.customer, (frame) => transcriber.push(frame));
  void transcriber.start();
  return {
    setAgentSilenced: (silenced) => capture.setAgentSilenced(silenced),
    stop: async () => {
      await capture.close();
      await transcriber.stop();
    },
  };
}
