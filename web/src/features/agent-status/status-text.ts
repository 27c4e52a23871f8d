import type { AgentStatus, BreakReason, SetAgentStatus } from '@cc/shared/agents/model';
import { BREAK_REASONS } from '@cc/shared/agents/values';
import type { I18n } from '../../i18n/provider.tsx';

/** "Перерыв · Обед" for a break with a reason, the plain status label otherwise. */
export function statusText(t: I18n['t'], status: AgentStatus, reason?: BreakReason): string {
  const label = t(`status.${status}`);
  return status === 'break' && reason ? `${label} · ${t(`reason.${reason}`)}` : label;
}

/** A status a person can set (routing sets `busy` and after-contact work): its request and a stable key. */
export interface StatusChoice {
  value: SetAgentStatus;
  key: string;
}

/** Available, a break for each reason, offline: in the order the menus list them. */
export const STATUS_CHOICES: readonly StatusChoice[] = [
  { value: { status: 'available' }, key: 'available' },
  ...BREAK_REASONS.map((reason) => ({ value: { status: 'break', reason } as SetAgentStatus, key: `break:${reason}` })),
  { value: { status: 'offline' }, key: 'offline' },
];

/** The key of the agent's current status among {@link STATUS_CHOICES} (`busy` and after-contact work match none). */
export const statusChoiceKey = (agent: { status: AgentStatus; breakReason?: BreakReason | undefined }): string => (agent.status === 'break' ? `break:${agent.breakReason ?? ''}` : agent.status);
