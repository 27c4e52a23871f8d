import type { ReactNode } from 'react';
import type { AchievementIcon } from '@cc/shared/gamification/values';
import { ChatIcon, MicIcon, PhoneIcon, TargetIcon } from '../../components/icons.tsx';

/** The badges' own pictures (24×24, stroked like the console's icons); phone, chat, microphone and target are shared. */
const PATHS: Partial<Record<AchievementIcon, ReactNode>> = {
  book: <><path d="M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5z" /><path d="M4 20.5A2.5 2.5 0 0 0 6.5 23H20v-5" /><path d="M8 7h8M8 11h6" /></>,
  shield: <><path d="M12 2.5 4 5.5v6c0 5 3.4 8.7 8 10 4.6-1.3 8-5 8-10v-6z" /><path d="m8.5 12 2.5 2.5 4.5-5" /></>,
  bolt: <path d="M13 2 4 14h7l-1 8 9-12h-7z" />,
  star: <path d="m12 2.8 2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3-4.6-4.4 6.3-.9z" />,
  trophy: <><path d="M7 3h10v5a5 5 0 0 1-10 0z" /><path d="M7 5H4a3 3 0 0 0 3 4M17 5h3a3 3 0 0 1-3 4" /><path d="M12 13v4M8 21h8M9 17h6" /></>,
  heart: <path d="M12 20.5S3.5 15.3 3.5 9.2A4.7 4.7 0 0 1 12 6.5a4.7 4.7 0 0 1 8.5 2.7c0 6.1-8.5 11.3-8.5 11.3z" />,
  rocket: <><path d="M12 2.5c3.5 2 5.5 5.6 5.5 9.5l-2.5 4h-6L6.5 12c0-3.9 2-7.5 5.5-9.5z" /><circle cx="12" cy="9.5" r="1.8" /><path d="M9 16l-2.5 3.5M15 16l2.5 3.5M12 17v4" /></>,
  crown: <><path d="M3 8l4.5 4L12 5l4.5 7L21 8l-2 11H5z" /><path d="M5 19h14" /></>,
};

const SHARED: Partial<Record<AchievementIcon, (props: { size?: number }) => ReactNode>> = { phone: PhoneIcon, chat: ChatIcon, microphone: MicIcon, target: TargetIcon };

/** A badge's picture in its round frame; decorative (the badge's name is beside it). */
export function BadgeIcon({ icon, size = 22, tone = 'gold' }: { icon: AchievementIcon; size?: number; tone?: 'gold' | 'muted' }) {
  const Shared = SHARED[icon];
  return (
    <span className="badge-icon" data-tone={tone} data-icon={icon} aria-hidden="true">
      {Shared ? <Shared size={size} /> : (
        <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" focusable="false">{PATHS[icon]}</svg>
      )}
    </span>
  );
}
