import { QueueMismatchError } from './errors.ts';
import { mediaOf, type MediaClass } from '../channels/catalog.ts';
import {
  type Queue,
  type RoutableContact,
  type RoutingAgent,
  type SkillRequirement,
} from './model.ts';

/** Skills the contact needs: the queue's for its channel and menu choice plus its own, highest level per skill. */
export function requiredSkillsFor(contact: RoutableContact, queue: Queue): SkillRequirement[] {
  const byChannel = queue.requiredSkills.byChannel[contact.channel] ?? [];
  const byMenu = contact.menuChoice === undefined ? [] : (queue.requiredSkills.byMenuChoice[contact.menuChoice] ?? []);
  const levels = new Map<string, number>();
  for (const { skill, level } of [...byChannel, ...byMenu, ...contact.requiredSkills]) {
    levels.set(skill, Math.max(level, levels.get(skill) ?? 0));
  }
  return [...levels].map(([skill, level]) => ({ skill, level }));
}

/**
 * Skill-match score: the sum of (agent level − required level) over the required skills, lower is a closer fit;
 * `undefined` when a skill is missing or below its level. Closest fit keeps experts free for work only they can take.
 */
export function skillGap(agent: RoutingAgent, required: readonly SkillRequirement[]): number | undefined {
  let gap = 0;
  for (const need of required) {
    const level = agent.skills.find((s) => s.skill === need.skill)?.level;
    if (level === undefined || level < need.level) return undefined;
    gap += level - need.level;
  }
  return gap;
}

/**
 * Capacity rule: the agent has a free slot of that kind (`load < capacity`), and when `voiceBlocksChats` is set,
 * voice and chat are exclusive both ways: no chat during a call, no call while holding any chat.
 * With `voiceBlocksChats` false the two capacities are independent.
 */
export function hasFreeCapacity(agent: RoutingAgent, kind: MediaClass): boolean {
  if (agent.load[kind] >= agent.capacity[kind]) return false;
  if (!agent.voiceBlocksChats) return true;
  return kind === 'voice' ? agent.load.chat === 0 : agent.load.voice === 0;
}

/** Seconds the contact has waited in its current queue (never negative). */
export function waitedSeconds(contact: RoutableContact, now: Date): number {
  return Math.max(0, (now.getTime() - Date.parse(contact.enqueuedAt)) / 1000);
}

/** The skill gap if the agent may take the contact now, else `undefined`; shared by every decision. @internal */
export function gapIfEligible(
  agent: RoutingAgent,
  contact: RoutableContact,
  required: readonly SkillRequirement[],
  waited: number,
): number | undefined {
  if (agent.status !== 'available' && agent.status !== 'busy') return undefined;
  if (!hasFreeCapacity(agent, mediaOf(contact.channel))) return undefined;
  const entry = agent.profile.find((p) => p.queueId === contact.queueId);
  if (entry === undefined || waited < entry.delaySeconds) return undefined;
  if (contact.excludedAgentIds.includes(agent.agentId)) return undefined;
  return skillGap(agent, required);
}

/** Whether the agent may be offered the contact now (status, capacity, skills, profile delay, exclusions). */
export function isAgentEligible(agent: RoutingAgent, contact: RoutableContact, queue: Queue, now: Date): boolean {
  return gapIfEligible(agent, contact, requiredSkillsFor(contact, queue), waitedSeconds(contact, now)) !== undefined;
}

/**
 * Eligible agents for the contact, best first: closest skill fit, then fewest active contacts (idle before busy),
 * then longest idle (earliest `idleSince`), then `agentId`.
 * @throws QueueMismatchError when the contact is not in `queue`.
 */
export function rankAgentsForContact(
  contact: RoutableContact,
  agents: readonly RoutingAgent[],
  queue: Queue,
  now: Date,
): RoutingAgent[] {
  if (contact.queueId !== queue.queueId) {
    throw new QueueMismatchError(contact.contactId, contact.queueId, queue.queueId);
  }
  const required = requiredSkillsFor(contact, queue);
  const waited = waitedSeconds(contact, now);
  const ranked: { agent: RoutingAgent; gap: number; active: number; idle: number }[] = [];
  for (const agent of agents) {
    const gap = gapIfEligible(agent, contact, required, waited);
    if (gap === undefined) continue;
    ranked.push({ agent, gap, active: agent.load.voice + agent.load.chat, idle: Date.parse(agent.idleSince) });
  }
  ranked.sort(
    (a, b) =>
      a.gap - b.gap ||
      a.active - b.active ||
      a.idle - b.idle ||
      (a.agent.agentId < b.agent.agentId ? -1 : a.agent.agentId > b.agent.agentId ? 1 : 0),
  );
  return ranked.map((r) => r.agent);
}
