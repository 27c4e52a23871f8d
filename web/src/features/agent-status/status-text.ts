import type { AgentStatus, BreakReason } from '@cc/shared/agents/model';
import type { I18n } from '../../i18n/provider.tsx';

/** "Перерыв · Обед" for a break with a reason, the plain status label otherwise. */
export function statusText(t: I18n['t'], status: AgentStatus, reason?: BreakReason): string {
  const label = t(`status.${status}`);
  return status === 'break' && reason ? `${label} · ${t(`reason.${reason}`)}` : label;
}
