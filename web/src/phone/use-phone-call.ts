import { useEffect, useRef, useState } from 'react';
import { emulatorApi, type PhoneCall } from './emulator-api.ts';
import { speak, stopSpeaking } from './speak.ts';

const POLL_MS = 400;

/**
 * Follows one call on the emulator: polls its view until it ends, and says each new prompt aloud as the caller
 * "hears" it (`spoken` is false once a prompt found no voice for its language; the text is shown anyway).
 */
export function usePhoneCall(callId: string | undefined) {
  const [call, setCall] = useState<PhoneCall | undefined>();
  const [spoken, setSpoken] = useState(true);
  const said = useRef(0);

  useEffect(() => {
    if (!callId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    said.current = 0;
    setCall(undefined);
    const poll = async () => {
      try {
        const next = await emulatorApi.get(callId);
        if (stopped) return;
        for (const item of next.heard.slice(said.current)) {
          if (item.kind === 'speech' && !speak(item.text, item.language ?? 'ru-RU')) setSpoken(false);
        }
        said.current = next.heard.length;
        setCall(next);
        if (next.state === 'ended') return;
      } catch {
        // A missed poll is retried on the next tick.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stopSpeaking();
    };
  }, [callId]);

  return { call, spoken };
}
