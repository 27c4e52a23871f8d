import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSubjects, plansForAgent } from './applicable.ts';
import { planIdOf, type Plan, type PlanScope } from './values.ts';

const plan = (metric: string, scope: PlanScope, target: number, period: Plan['period'] = 'day'): Plan =>
  ({ tenantId: 't', planId: planIdOf({ metric, scope, period }), metric, scope, period, target, version: 1, createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' });

const tenantSl = plan('service_level', { dimension: 'tenant' }, 80);
const supportHandled = plan('contacts_handled', { dimension: 'queue', value: 'support' }, 400);
const salesHandled = plan('contacts_handled', { dimension: 'queue', value: 'sales' }, 100);
const eachHandled = plan('contacts_handled', { dimension: 'agent' }, 60);
const eachAht = plan('average_handle_time', { dimension: 'agent' }, 300);
const annaHandled = plan('contacts_handled', { dimension: 'agent', value: 'anna' }, 80);
const annaMonth = plan('contacts_handled', { dimension: 'agent', value: 'anna' }, 1500, 'month');
const borisAht = plan('average_handle_time', { dimension: 'agent', value: 'boris' }, 240);
const all = [tenantSl, supportHandled, salesHandled, eachHandled, eachAht, annaHandled, annaMonth, borisAht];

describe('plans that apply to an agent', () => {
  it('are the tenant’s, their queues’, each agent’s and their own, an own plan replacing each agent’s of that metric and period', () => {
    // Act
    const anna = plansForAgent(all, { agentId: 'anna', queueIds: ['support'] });
    // Assert
    expect(anna.map((s) => [s.plan.planId, s.subject.value ?? '*'])).toEqual([
      ['day.tenant.service_level', '*'],
      ['day.queue.contacts_handled.support', 'support'],
      ['day.agent.average_handle_time', 'anna'],
      ['day.agent.contacts_handled.anna', 'anna'],
      ['month.agent.contacts_handled.anna', 'anna'],
    ]);
  });

  it('measure an each-agent plan on the agent’s own figure, and never another agent’s plan', () => {
    const dmitry = plansForAgent(all, { agentId: 'dmitry', queueIds: ['sales'] });
    expect(dmitry.map((s) => [s.plan.planId, s.subject.value ?? '*'])).toEqual([
      ['day.tenant.service_level', '*'],
      ['day.queue.contacts_handled.sales', 'sales'],
      ['day.agent.average_handle_time', 'dmitry'],
      ['day.agent.contacts_handled', 'dmitry'],
    ]);
  });

  it('do not take a queue plan for an agent plan when a queue shares the agent’s id', () => {
    const queueNamedLikeAgent = plan('contacts_handled', { dimension: 'queue', value: 'vera' }, 5);
    expect(plansForAgent([queueNamedLikeAgent], { agentId: 'vera', queueIds: [] })).toEqual([]);
  });
});

describe('plans for supervisors', () => {
  it('expand an each-agent plan to every agent without an own plan of that metric and period', () => {
    // Act
    const subjects = planSubjects(all, ['anna', 'boris', 'dmitry']);
    // Assert
    expect(subjects.filter((s) => s.plan === eachHandled).map((s) => s.subject.value)).toEqual(['boris', 'dmitry']);
    expect(subjects.filter((s) => s.plan === eachAht).map((s) => s.subject.value)).toEqual(['anna', 'dmitry']);
    expect(subjects.filter((s) => s.plan === annaHandled).map((s) => s.subject)).toEqual([{ dimension: 'agent', value: 'anna' }]);
    expect(subjects.filter((s) => s.plan === tenantSl).map((s) => s.subject)).toEqual([{ dimension: 'tenant' }]);
  });

  it('show each agent exactly the figures the agent is shown, whatever the plans', () => {
    const scopes = fc.constantFrom<PlanScope>({ dimension: 'tenant' }, { dimension: 'queue', value: 'support' }, { dimension: 'agent' }, { dimension: 'agent', value: 'anna' }, { dimension: 'agent', value: 'boris' });
    const plans = fc.uniqueArray(fc.record({ metric: fc.constantFrom('contacts_handled', 'average_handle_time'), scope: scopes, period: fc.constantFrom('day' as const, 'month' as const) }), { selector: planIdOf, maxLength: 12 })
      .map((list) => list.map((p) => plan(p.metric, p.scope, 10, p.period)));
    fc.assert(fc.property(plans, (list) => {
      const agentRows = planSubjects(list, ['anna', 'boris']).filter((s) => s.subject.dimension === 'agent');
      for (const agentId of ['anna', 'boris']) {
        const own = plansForAgent(list, { agentId, queueIds: ['support'] }).filter((s) => s.subject.dimension === 'agent');
        expect(own).toEqual(agentRows.filter((s) => s.subject.value === agentId));
      }
    }), { numRuns: 300 });
  });
});
