/** A plan made from a request and changed by a patch, pure: ids, versions and times as the repository stores them. */
import { InvalidRequestError } from '../errors.ts';
import type { CreatePlan, PatchPlan } from './schema.ts';
import { planTargetProblem } from './schema.ts';
import { planIdOf, type Plan } from './values.ts';

/** The plan a `POST /api/plans` body makes, at version 1. */
export function planFrom(input: CreatePlan, tenantId: string, at: Date): Plan {
  const scope = { dimension: input.scope.dimension, ...(input.scope.value !== undefined && { value: input.scope.value }) };
  const created = at.toISOString();
  return {
    tenantId,
    planId: planIdOf({ period: input.period, metric: input.metric, scope }),
    metric: input.metric,
    scope,
    period: input.period,
    target: input.target,
    ...(input.name !== undefined && { name: input.name }),
    version: 1,
    createdAt: created,
    updatedAt: created,
  };
}

/** Whether `stored` is what `input` would make (a repeated request, answered again rather than refused). */
export function madeBy(stored: Plan, input: CreatePlan): boolean {
  return stored.planId === planIdOf({ period: input.period, metric: input.metric, scope: input.scope }) && stored.target === input.target && stored.name === input.name;
}

/**
 * `stored` with the patch applied, one version on.
 * @throws InvalidRequestError (field `target`) when the new target does not fit the metric's unit.
 */
export function patchedPlan(stored: Plan, patch: PatchPlan, at: Date): Plan {
  if (patch.target !== undefined) {
    const problem = planTargetProblem(stored.metric, patch.target);
    if (problem) throw new InvalidRequestError(problem, { field: 'target' });
  }
  const { name: _name, ...rest } = stored;
  const name = patch.name === undefined ? stored.name : (patch.name ?? undefined);
  return { ...rest, ...(patch.target !== undefined && { target: patch.target }), ...(name !== undefined && { name }), version: stored.version + 1, updatedAt: at.toISOString() };
}
