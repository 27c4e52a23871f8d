import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/provider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { emulatorApi, type HeardItem, type PhoneCall } from './emulator-api.ts';
import { useCallerAudio, type CallerAudio } from './use-caller-audio.ts';
import { usePhoneCall } from './use-phone-call.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** One call in progress: its state, what the caller hears, the keypad, the audio with the agent, and hang-up. */
export function CallPanel({ callId, onAgain, onError }: { callId: string; onAgain(): void; onError(message: string): void }) {
  const { t } = useI18n();
  const { call, spoken } = usePhoneCall(callId);
  const audio = useCallerAudio(call);
  const ended = call?.state === 'ended';
  const act = (run: () => Promise<void>) => void run().catch((e: Error) => onError(e.message));

  return (
    <section className="call-panel" data-state={call?.state ?? 'dialing'}>
      <p className="call-state" data-testid="call-state">
        {t(stateKey(call, audio))}
      </p>
      {call && <HeardList heard={call.heard} />}
      {!spoken && <p className="phone-note">{t('phone.speechOff')}</p>}
      {audio.audio && !ended && <AudioControls audio={audio} />}
      {audio.error && <p className="phone-error">{t('phone.audio.failed', { reason: audio.error })}</p>}
      {call && call.digitsPressed.length > 0 && <p className="phone-note">{t('phone.pressed', { digits: call.digitsPressed.join(' ') })}</p>}
      {ended ? (
        <>
          <p className="phone-note" data-testid="call-ended">
            {t('phone.ended', { reason: `${call.ended?.reason ?? ''} (SIP ${call.ended?.sipResponseCode ?? '—'})` })}
          </p>
          <button type="button" className="phone-button phone-button--call" onClick={onAgain}>
            {t('phone.again')}
          </button>
        </>
      ) : (
        <>
          <div className="keypad" role="group" aria-label={t('phone.keypad')}>
            {KEYS.map((key) => (
              <button key={key} type="button" className="keypad__key" disabled={call?.state !== 'connected'} onClick={() => act(() => emulatorApi.press(callId, key))}>
                {key}
              </button>
            ))}
          </div>
          <button type="button" className="phone-button phone-button--hangup" onClick={() => act(() => emulatorApi.hangUp(callId))}>
            {t('phone.hangUp')}
          </button>
        </>
      )}
    </section>
  );
}

function stateKey(call: PhoneCall | undefined, audio: CallerAudio): MessageKey {
  if (!call || call.state === 'dialing') return 'phone.state.dialing';
  if (call.state === 'ringing') return 'phone.state.ringing';
  if (call.state === 'ended') return 'phone.state.ended';
  if (audio.withAgent) return 'phone.state.withAgent';
  if (audio.agentLeft) return 'phone.state.agentLeft';
  return 'phone.state.connected';
}

function HeardList({ heard }: { heard: HeardItem[] }) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  // The newest prompt is what the caller hears now: keep it in view.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [heard.length]);
  const lines = heard.flatMap((item, i): { id: number; text: string; kind: string }[] => {
    if (item.kind === 'speech') return [{ id: i, text: item.text, kind: 'speech' }];
    if (item.kind === 'prompt') return [{ id: i, text: /hold-music/.test(item.key) ? t('phone.heard.music') : t('phone.heard.prompt', { key: item.key }), kind: 'prompt' }];
    if (item.kind === 'recording-prompt') return [{ id: i, text: t('phone.heard.recording'), kind: 'prompt' }];
    return [];
  });
  return (
    <div className="heard">
      <h2>{t('phone.heard')}</h2>
      {lines.length === 0 ? (
        <p className="phone-note">{t('phone.heard.empty')}</p>
      ) : (
        <ol ref={list} className="heard__list" aria-live="polite">
          {lines.map((line) => (
            <li key={line.id} className={`heard__item heard__item--${line.kind}`}>
              {line.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function AudioControls({ audio }: { audio: CallerAudio }) {
  const { t } = useI18n();
  const [muted, setMuted] = useState(false);
  const [level, setLevel] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setLevel(audio.audio?.remoteLevel() ?? 0), 150);
    return () => clearInterval(timer);
  }, [audio.audio]);
  if (audio.state !== 'connected') return <p className="phone-note">{t('phone.audio.connecting')}</p>;
  return (
    <div className="audio-controls">
      <button
        type="button"
        className="phone-button"
        aria-pressed={muted}
        onClick={() => {
          audio.audio?.setMuted(!muted);
          setMuted(!muted);
        }}
      >
        {muted ? t('phone.unmute') : t('phone.mute')}
      </button>
      <div className="level" role="meter" aria-label={t('phone.level')} aria-valuemin={0} aria-valuemax={1} aria-valuenow={Number(level.toFixed(2))} data-testid="remote-level">
        <div className="level__bar" style={{ width: `${Math.round(level * 100)}%` }} />
      </div>
    </div>
  );
}
