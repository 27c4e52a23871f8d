/** The live figures live metrics read, from a snapshot of the contacts not yet closed and the agents. */
import type { AgentStatus } from '../agents/values.ts';
import type { ContactStatus } from '../routing/values.ts';
import type { LiveFigures, LiveMetric } from './catalog/index.ts';

const WAITING: ReadonlySet<ContactStatus> = new Set(['queued', 'offered', 'missed']);
const IN_PROGRESS: ReadonlySet<ContactStatus> = new Set(['connected', 'after-contact-work']);

/** Figures of one queue (its contacts and the agents serving it), or of the tenant when `queueId` is absent. */
export function liveFigures(
  contacts: readonly { queueId: string; status: ContactStatus; enqueuedAt: string }[],
  agents: readonly { status: AgentStatus; queueIds: readonly string[] }[],
  now: Date,
  queueId?: string,
): LiveFigures {
  const figures: LiveFigures = { waiting: 0, oldestWaitSeconds: 0, inProgress: 0, agentsOnline: 0, agentsAvailable: 0, agentsBusy: 0, agentsInAfterContactWork: 0, agentsOnBreak: 0 };
  for (const c of contacts) {
    if (queueId !== undefined && c.queueId !== queueId) continue;
    if (WAITING.has(c.status)) {
      figures.waiting += 1;
      figures.oldestWaitSeconds = Math.max(figures.oldestWaitSeconds, Math.floor((now.getTime() - Date.parse(c.enqueuedAt)) / 1000));
    } else if (IN_PROGRESS.has(c.status)) figures.inProgress += 1;
  }
  for (const a of agents) {
    if (queueId !== undefined && !a.queueIds.includes(queueId)) continue;
    if (a.status === 'offline') continue;
    figures.agentsOnline += 1;
    if (a.status === 'available') figures.agentsAvailable += 1;
    if (a.status === 'busy') figures.agentsBusy += 1;
    if (a.status === 'after-contact-work') figures.agentsInAfterContactWork += 1;
    if (a.status === 'break') figures.agentsOnBreak += 1;
  }
  return figures;
}

/** A live metric's value. */
export const liveValue = (metric: LiveMetric, figures: LiveFigures): number => figures[metric.live];

