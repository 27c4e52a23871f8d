import { useEffect, useState } from 'react';
import type { CallAudio } from '../../../voice/call-audio.ts';
import { useI18n } from '../../../i18n/provider.tsx';

const BARS = 12;

/** How loud the other side is now: a row of bars read from the call's audio ten times a second. */
export function LevelMeter({ audio, active }: { audio: CallAudio | undefined; active: boolean }) {
  const { t } = useI18n();
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!audio || !active) {
      setLevel(0);
      return undefined;
    }
    const timer = setInterval(() => setLevel(Math.min(1, Math.max(0, audio.remoteLevel()))), 100);
    return () => clearInterval(timer);
  }, [audio, active]);
  // Speech sits low on a linear scale; a square root spreads it over the bars.
  const lit = Math.round(Math.sqrt(level) * BARS);
  return (
    <div className="level-meter" role="meter" aria-label={t('softphone.level')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(level * 100)} data-testid="remote-level">
      {Array.from({ length: BARS }, (_, i) => (
        <span key={i} className="level-meter__bar" data-lit={i < lit} style={{ height: `${30 + (i * 70) / BARS}%` }} />
      ))}
    </div>
  );
}
