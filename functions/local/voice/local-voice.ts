/**
 * The local telephony: the SMA emulator invoking the catalogued `voice-sma` handler as the SIP media application
 * invokes the Lambda, joining callers to the local meeting rooms, with the call control the stream reactions use
 * and the `/local/voice` routes for people and tests. Prompts play as long as the files the voice stack ships.
 */
import type { CallControl } from '@cc/shared/voice/ports';
import { PROMPT_FILES } from '../../voice/prompts.ts';
import type { SmaEvent } from './sma-types.ts';
import { SmaEmulator, type EmulatorTiming } from './emulator.ts';
import { EmulatorCallControl } from './emulator-call-control.ts';
import { voiceEmulatorRoutes } from './emulator-routes.ts';
import type { LocalMeetingRooms } from './local-meetings.ts';
import { ScriptedCallers, type TranscriptFeed } from './scripted-caller.ts';

export interface LocalVoice {
  emulator: SmaEmulator;
  callControl: CallControl;
  /** Numbers with a SIP rule to the emulated SMA: the seeded ones, added once the seed ran. */
  numbers: Set<string>;
  routes: ReturnType<typeof voiceEmulatorRoutes>;
  stop(): void;
}

/**
 * `transcripts`: where the scripted caller's Transcribe events go (the contact center's ingestion); without it a
 * call placed with a `script` is refused.
 */
export function createLocalVoice(options: { invoke: (event: SmaEvent) => Promise<unknown>; meetings: LocalMeetingRooms; timing?: Partial<EmulatorTiming>; transcripts?: TranscriptFeed; onError?: (error: unknown, callId: string) => void }): LocalVoice {
  const numbers = new Set<string>();
  const promptDurationsMs = Object.fromEntries(Object.values(PROMPT_FILES).map((file) => [file.key, file.durationSeconds * 1000]));
  const emulator = new SmaEmulator({
    invoke: options.invoke,
    numbers: (e164) => numbers.has(e164),
    meetings: (meetingId) => options.meetings.has(meetingId),
    timing: { ...options.timing, promptDurationsMs: { ...promptDurationsMs, ...options.timing?.promptDurationsMs } },
  });
  const scripted = options.transcripts && new ScriptedCallers({ feed: options.transcripts, scale: () => emulator.timing.scale, onError: options.onError ?? (() => undefined) });
  const unsubscribe = scripted ? emulator.on(scripted.onActivity) : () => undefined;
  return {
    emulator,
    callControl: new EmulatorCallControl(emulator),
    numbers,
    routes: voiceEmulatorRoutes(emulator, { numbers: () => numbers, ...(scripted && { scripted }) }),
    stop: () => {
      scripted?.stopAll();
      unsubscribe();
      emulator.dispose();
    },
  };
}
