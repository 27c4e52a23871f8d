import type { ConnectionState } from '../api/realtime.ts';
import { useI18n } from '../i18n/provider.tsx';

/** Shows whether live updates are flowing: a steady green dot, or an amber pulsing one while retrying. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  return (
    <span className="connection" data-state={state} title={t(`connection.hint.${state}`)} role="status">
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{t(`connection.${state}`)}</span>
    </span>
  );
}
