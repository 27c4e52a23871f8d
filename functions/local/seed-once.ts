/**
 * Parts of the demo seeded once per data folder (its past, its plans, its alert rule): a note in the table says a
 * part is done, so a later start skips it in one read, and what a person deleted or changed since stays so.
 */
import { keys } from '@cc/shared/db/keys';
import type { Deps } from '../composition/deps.ts';

/** Runs `seed` unless `part` was seeded for the tenant, then notes it. @returns whether it ran */
export async function seedOnce(deps: Pick<Deps, 'table' | 'clock'>, tenantId: string, part: string, seed: () => Promise<Record<string, unknown> | void>): Promise<boolean> {
  const key = keys.localDemoSeeded(tenantId, part);
  if (await deps.table.get(key)) return false;
  const details = await seed();
  // Noted only once the part completed: a start that stopped half-way seeds it again (each step is idempotent).
  await deps.table.put('localDemoSeeded', { ...key, tenantId, part, seededAt: deps.clock.now().toISOString(), ...details });
  return true;
}
