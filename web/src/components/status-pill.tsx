import type { AgentStatus, BreakReason } from '@cc/shared/agents/model';
import { useI18n } from '../i18n/provider.tsx';

/** A coloured dot and the status label, e.g. "● Перерыв · Обед". */
export function StatusPill({ status, reason, size = 'md' }: { status: AgentStatus; reason?: BreakReason; size?: 'md' | 'lg' }) {
  const { t } = useI18n();
  return (
    <span className={`status-pill status-pill--${size}`} data-status={status} data-reason={reason}>
      <span className="status-dot" aria-hidden="true" />
      <span>
        {t(`status.${status}`)}
        {status === 'break' && reason && <span className="status-pill__reason"> · {t(`reason.${reason}`)}</span>}
      </span>
    </span>
  );
}
