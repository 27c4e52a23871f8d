/**
 * Which plans apply to whom. A plan on the tenant applies to everyone, a queue's plan to the queue's team (its
 * figure is the queue's), a plan on one agent to that agent, and a plan on `agent` without a value to **each
 * agent**, with each agent's own figure, unless the agent has a plan of their own for the same metric and
 * period, which replaces it. Pure.
 */
import { PLAN_DIMENSIONS, type AttainmentSubject, type Plan } from './values.ts';

/** A plan with whose figure it is measured against. */
export interface PlanSubject {
  plan: Plan;
  subject: AttainmentSubject;
}

const isEachAgent = (plan: Plan) => plan.scope.dimension === 'agent' && plan.scope.value === undefined;
const sameTarget = (a: Plan, b: Plan) => a.metric === b.metric && a.period === b.period;

/** Tenant first, then queues, then agents; within them by metric, period and value, so lists read the same every time. */
function compareSubjects(a: PlanSubject, b: PlanSubject): number {
  const rank = (s: PlanSubject) => PLAN_DIMENSIONS.indexOf(s.plan.scope.dimension);
  return rank(a) - rank(b) || a.plan.metric.localeCompare(b.plan.metric) || a.plan.period.localeCompare(b.plan.period)
    || (a.subject.value ?? '').localeCompare(b.subject.value ?? '');
}

/** The plans that apply to one agent, each with the figure it is measured on (the tenant's, the queue's or the agent's own). */
export function plansForAgent(plans: readonly Plan[], agent: { agentId: string; queueIds: readonly string[] }): PlanSubject[] {
  const queues = new Set(agent.queueIds);
  const own = plans.filter((p) => p.scope.dimension === 'agent' && p.scope.value === agent.agentId);
  const subjects: PlanSubject[] = [];
  for (const plan of plans) {
    const { dimension, value } = plan.scope;
    if (dimension === 'tenant') subjects.push({ plan, subject: { dimension } });
    else if (dimension === 'queue' && value !== undefined && queues.has(value)) subjects.push({ plan, subject: { dimension, value } });
    else if (dimension === 'agent' && value === agent.agentId) subjects.push({ plan, subject: { dimension, value } });
    else if (isEachAgent(plan) && !own.some((o) => sameTarget(o, plan))) subjects.push({ plan, subject: { dimension: 'agent', value: agent.agentId } });
  }
  return subjects.sort(compareSubjects);
}

/**
 * Every plan with every figure it is measured on, for supervisors: a plan's own scope, and an each-agent plan
 * once per agent of `agentIds` who has no plan of their own for that metric and period.
 */
export function planSubjects(plans: readonly Plan[], agentIds: readonly string[]): PlanSubject[] {
  const subjects: PlanSubject[] = [];
  for (const plan of plans) {
    if (!isEachAgent(plan)) {
      subjects.push({ plan, subject: { ...plan.scope } });
      continue;
    }
    const replaced = new Set(plans.filter((p) => p.scope.dimension === 'agent' && p.scope.value !== undefined && sameTarget(p, plan)).map((p) => p.scope.value));
    for (const agentId of agentIds) if (!replaced.has(agentId)) subjects.push({ plan, subject: { dimension: 'agent', value: agentId } });
  }
  return subjects.sort(compareSubjects);
}
