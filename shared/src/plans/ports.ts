import type { Plan } from './values.ts';

/** A tenant's plans (a few dozen to a couple of hundred, read in one query). */
export interface PlanRepository {
  list(tenantId: string): Promise<Plan[]>;
  get(tenantId: string, planId: string): Promise<Plan | undefined>;
  /** @throws ConflictError when a plan with this id (the same metric, scope and period) exists. */
  create(plan: Plan): Promise<void>;
  /** Stores `plan` over the one at `expectedVersion`. @throws ConflictError when the stored version moved on or the plan is gone. */
  replace(plan: Plan, expectedVersion: number): Promise<void>;
  /** @throws ConflictError when the stored version is not `expectedVersion` (changed meanwhile) or the plan is gone. */
  delete(tenantId: string, planId: string, expectedVersion: number): Promise<void>;
}
