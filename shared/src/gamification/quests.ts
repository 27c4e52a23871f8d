/**
 * Quests' progress, pure: each step's volume against its target over the quest's period; the quest is complete
 * when every step is. Steps are volumes (they only grow), so a completed quest stays completed.
 */
import type { AgentFigures } from './rules.ts';
import type { AwardReason, Quest, QuestContent } from './values.ts';

export interface StepProgress {
  stepId: string;
  value: number;
  target: number;
  done: boolean;
}

export function questProgress(quest: Pick<QuestContent, 'steps'>, figures: AgentFigures | undefined): { steps: StepProgress[]; complete: boolean } {
  const steps = quest.steps.map((step) => {
    const value = figures?.values[step.metric] ?? 0;
    return { stepId: step.stepId, value, target: step.target, done: value >= step.target };
  });
  return { steps, complete: steps.length > 0 && steps.every((s) => s.done) };
}

/** Whether an agent of these queues takes part in the quest (an empty list: everyone). */
export const takesPart = (quest: Pick<Quest, 'queueIds' | 'enabled'>, agentQueueIds: readonly string[]): boolean =>
  quest.enabled && (quest.queueIds.length === 0 || quest.queueIds.some((q) => agentQueueIds.includes(q)));

/** Why a completed quest was awarded: its last step's figure (every step is in the progress). */
export function questReason(quest: Pick<QuestContent, 'steps'>, progress: { steps: StepProgress[] }, handled: number): AwardReason {
  const last = progress.steps[progress.steps.length - 1]!;
  return { metric: quest.steps[quest.steps.length - 1]!.metric, value: last.value, comparison: 'quest', threshold: last.target, handled };
}

/** The metrics the quests' steps read. */
export const metricsOfQuests = (quests: readonly Pick<QuestContent, 'steps'>[]): string[] => [...new Set(quests.flatMap((q) => q.steps.map((s) => s.metric)))];
