// Both sides of a call as interleaved 16 kHz PCM frames for Transcribe: the agent's microphone on channel 0, the
// call's incoming audio on channel 1. Web Audio resamples to the context's rate; a ScriptProcessorNode hands the two
// channels to script (an AudioWorklet would need a module of its own for the few lines of `interleavePcm`).
import { interleavePcm, TRANSCRIBE_SAMPLE_RATE } from './transcribe-stream.ts';

/** Samples per frame per channel: about a quarter second at 16 kHz, within Transcribe's advised chunk sizes. */
const FRAME_SAMPLES = 4096;

export interface PcmCapture {
  /** Silences the agent's channel (muted or on hold: what the customer does not hear is not transcribed). */
  setAgentSilenced(silenced: boolean): void;
  close(): Promise<void>;
}

/** Starts capturing; `onFrame` gets one interleaved frame per `FRAME_SAMPLES` samples. */
export function capturePcm(agent: MediaStream, customer: MediaStream, onFrame: (frame: Uint8Array) => void): PcmCapture {
  const context = new AudioContext({ sampleRate: TRANSCRIBE_SAMPLE_RATE });
  const merger = context.createChannelMerger(2);
  const agentGain = context.createGain();
  context.createMediaStreamSource(agent).connect(agentGain).connect(merger, 0, 0);
  context.createMediaStreamSource(customer).connect(merger, 0, 1);
  const processor = context.createScriptProcessor(FRAME_SAMPLES, 2, 1);
  processor.onaudioprocess = (event) => onFrame(interleavePcm(event.inputBuffer.getChannelData(0), event.inputBuffer.getChannelData(1)));
  // The processor runs only while connected to the destination; a zero gain keeps it from being heard.
  const silent = context.createGain();
  silent.gain.value = 0;
  merger.connect(processor).connect(silent).connect(context.destination);
  return {
    setAgentSilenced: (silenced) => void (agentGain.gain.value = silenced ? 0 : 1),
    close: async () => {
      processor.onaudioprocess = null;
      await context.close().catch(() => undefined);
    },
  };
}
