import { useState } from 'react';
import type { Contact } from '@cc/shared/contacts/model';
import { HangUpIcon, KeypadIcon, MicIcon, MicOffIcon, PauseIcon, PlayIcon, TransferIcon } from '../../../components/icons.tsx';
import { formatClock, formatStatusDuration } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import type { AudioFailure, SoftphonePhase } from './call-session.ts';
import { Keypad } from './keypad.tsx';
import { LevelMeter } from './level-meter.tsx';
import { useCallAudio } from './use-call-audio.ts';
import { useWhisperSeat } from './use-whisper-seat.ts';

const FAILURES: readonly SoftphonePhase[] = ['microphone-denied', 'microphone-unavailable', 'audio'];

/**
 * The agent's softphone for a call connected to them: the call's state and time, the other side's level, and
 * mute, hold (on the contact, so supervisors and the hold-time KPI see it), keypad, transfer and hang up.
 * A refused microphone or failed audio says so, with a retry.
 */
export function Softphone({ contact, now, onHold, onTransfer, onHangUp }: { contact: Contact; now: number; onHold(onHold: boolean): Promise<unknown>; onTransfer(): void; onHangUp(): Promise<unknown> }) {
  const { t, locale } = useI18n();
  const heldSince = contact.hold?.since;
  const { session, snapshot, phase } = useCallAudio(contact.contactId, heldSince !== undefined);
  const [busy, setBusy] = useState<'hold' | 'hangup' | undefined>();
  const [keypadOpen, setKeypadOpen] = useState(false);
  const failed = FAILURES.includes(phase);
  const joined = snapshot.step === 'joined';
  useWhisperSeat(contact, joined ? session?.current()?.ticket : undefined);
  const talkSeconds = (now - Date.parse(contact.connectedAt ?? contact.statusSince)) / 1000;

  const run = (which: 'hold' | 'hangup', action: () => Promise<unknown>) => {
    setBusy(which);
    void action().finally(() => setBusy(undefined));
  };

  return (
    <section className="softphone" data-phase={phase} aria-label={t('softphone.title')} data-testid="softphone">
      <div className="softphone__status">
        <span className="softphone__dot" aria-hidden="true" />
        <span className="softphone__phase" role="status" data-testid="softphone-phase">
          {t(`softphone.phase.${phase}`)}
        </span>
        <span className="softphone__timer tabular" aria-label={`${t('softphone.talkTime')}: ${formatStatusDuration(talkSeconds * 1000, locale)}`} data-testid="softphone-timer">
          {formatClock(talkSeconds)}
        </span>
      </div>
      {heldSince !== undefined && (
        <p className="softphone__hold-note tabular" data-testid="softphone-hold">
          {t('softphone.holdFor', { time: formatClock((now - Date.parse(heldSince)) / 1000) })}
        </p>
      )}

      {failed ? (
        <div className="softphone__problem" role="alert">
          <p className="softphone__problem-title">{t(`softphone.failure.${phase as AudioFailure}`)}</p>
          <p className="softphone__problem-hint">{t(`softphone.failureHint.${phase as AudioFailure}`)}</p>
          <button type="button" className="button button--primary" onClick={() => void session?.start()}>
            {t('common.retry')}
          </button>
        </div>
      ) : keypadOpen && joined ? (
        // The keypad takes the meter's place, so the controls and hang-up stay in view.
        <Keypad onTone={(digit) => session?.sendTones(digit)} />
      ) : (
        <LevelMeter audio={joined ? session?.current() : undefined} active={phase === 'talking' || phase === 'muted'} />
      )}

      <div className="softphone__controls">
        <button type="button" className="softphone__button" aria-pressed={snapshot.muted} disabled={!joined} onClick={() => session?.setMuted(!snapshot.muted)}>
          {snapshot.muted ? <MicOffIcon size={22} /> : <MicIcon size={22} />}
          <span>{t(snapshot.muted ? 'softphone.unmute' : 'softphone.mute')}</span>
        </button>
        <button type="button" className="softphone__button" aria-pressed={heldSince !== undefined} disabled={busy !== undefined} onClick={() => run('hold', () => onHold(heldSince === undefined))}>
          {heldSince !== undefined ? <PlayIcon size={22} /> : <PauseIcon size={22} />}
          <span>{t(heldSince !== undefined ? 'softphone.resume' : 'softphone.hold')}</span>
        </button>
        <button type="button" className="softphone__button" aria-expanded={keypadOpen} disabled={!joined} onClick={() => setKeypadOpen((open) => !open)}>
          <KeypadIcon size={22} />
          <span>{t('softphone.keypad')}</span>
        </button>
        <button type="button" className="softphone__button" disabled={busy !== undefined} onClick={onTransfer}>
          <TransferIcon size={22} />
          <span>{t('conversation.transfer')}</span>
        </button>
      </div>
      <button type="button" className="button button--danger softphone__hangup" disabled={busy !== undefined} onClick={() => run('hangup', onHangUp)}>
        {busy === 'hangup' ? <span className="spinner" aria-hidden="true" /> : <HangUpIcon size={22} />}
        {t('softphone.hangUp')}
      </button>
    </section>
  );
}

/** After the call: how long it lasted, in place of the controls. */
export function CallEnded({ contact }: { contact: Contact }) {
  const { t, locale } = useI18n();
  const seconds = (Date.parse(contact.statusSince) - Date.parse(contact.connectedAt ?? contact.statusSince)) / 1000;
  return (
    <section className="softphone softphone--ended" data-phase="ended" aria-label={t('softphone.title')} data-testid="softphone">
      <div className="softphone__status">
        <span className="softphone__dot" aria-hidden="true" />
        <span className="softphone__phase" role="status" data-testid="softphone-phase">
          {t('softphone.phase.ended')}
        </span>
        <span className="softphone__timer tabular" aria-label={`${t('softphone.talkTime')}: ${formatStatusDuration(seconds * 1000, locale)}`}>
          {formatClock(seconds)}
        </span>
      </div>
      {contact.hold && contact.hold.count > 0 && (
        <p className="softphone__hold-note">{t('softphone.heldTotal', { time: formatStatusDuration(contact.hold.totalSeconds * 1000, locale) })}</p>
      )}
    </section>
  );
}
