import type { ReactNode } from 'react';
import type { ChannelKind } from '@cc/shared/channels/catalog';
import { useI18n } from '../i18n/provider.tsx';

/** White glyphs on the channel's brand colour, drawn for this console (no logos are copied). */
const GLYPHS: Record<ChannelKind, ReactNode> = {
  telegram: <path d="M4.5 11.6L19 6l-2.6 12.2-4.3-3.2-2.3 2.2.3-3.4L16 8.9 8.2 13.6z" fill="currentColor" stroke="none" />,
  whatsapp: (
    <>
      <path d="M12 4.5a7.5 7.5 0 0 0-6.5 11.2L4.5 19.5l3.9-1a7.5 7.5 0 1 0 3.6-14z" />
      <path d="M9.4 8.8c.2 2.9 2.6 5.4 5.6 5.8l.9-1.3-1.6-.8-.7.7c-1-.4-2-1.3-2.4-2.4l.7-.7-.8-1.6z" fill="currentColor" stroke="none" />
    </>
  ),
  vk: (
    <text x="12" y="15.6" textAnchor="middle" fontSize="9.5" fontWeight="800" fontFamily="Arial, sans-serif" fill="currentColor" stroke="none">
      VK
    </text>
  ),
  viber: (
    <>
      <path d="M7 4.8h10a2.5 2.5 0 0 1 2.5 2.5v6.2A2.5 2.5 0 0 1 17 16h-5l-3.8 3.2V16H7a2.5 2.5 0 0 1-2.5-2.5V7.3A2.5 2.5 0 0 1 7 4.8z" />
      <path d="M9.6 7.8c.1 2.3 2 4.2 4.3 4.4l.7-1-1.2-.6-.5.5a3 3 0 0 1-1.8-1.8l.5-.5-.6-1.2z" fill="currentColor" stroke="none" />
    </>
  ),
  webchat: <path d="M19.5 12a7 7 0 0 1-10.3 6.2L4.8 19.5l1.3-4.1A7 7 0 1 1 19.5 12z" />,
  yandex: (
    <>
      <circle cx="12" cy="12" r="6.5" />
      <circle cx="12" cy="12" r="2.4" fill="currentColor" stroke="none" />
    </>
  ),
  voice: <path d="M7.2 4.5h2.3l1.2 3.4-1.7 1.2a9.5 9.5 0 0 0 5.6 5.6l1.2-1.7 3.4 1.2v2.3a1.7 1.7 0 0 1-1.9 1.7A14 14 0 0 1 5.5 6.4a1.7 1.7 0 0 1 1.7-1.9z" />,
  callback: (
    <>
      <path d="M7.2 4.5h2.3l1.2 3.4-1.7 1.2a9.5 9.5 0 0 0 5.6 5.6l1.2-1.7 3.4 1.2v2.3a1.7 1.7 0 0 1-1.9 1.7A14 14 0 0 1 5.5 6.4a1.7 1.7 0 0 1 1.7-1.9z" />
      <path d="M19.5 4.5l-4 4M15.5 5.3v3.2h3.2" />
    </>
  ),
  webcall: (
    <>
      <rect x="4.5" y="5" width="15" height="11" rx="1.8" />
      <path d="M9 19.5h6M12 16v3.5M10.2 9.2a2.6 2.6 0 0 1 0 3.6M12.6 7.8a4.6 4.6 0 0 1 0 6.4" />
    </>
  ),
};

/** A rounded badge in the channel's colour with its glyph; labelled for screen readers unless `decorative`. */
export function ChannelIcon({ channel, size = 32, decorative = false }: { channel: ChannelKind; size?: number; decorative?: boolean }) {
  const { t } = useI18n();
  const label = t(`channel.${channel}`);
  return (
    <span className="channel-icon" data-channel={channel} style={{ width: size, height: size }} role={decorative ? undefined : 'img'} aria-label={decorative ? undefined : label} aria-hidden={decorative || undefined} title={label}>
      <svg width={size * 0.72} height={size * 0.72} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        {GLYPHS[channel]}
      </svg>
    </span>
  );
}
