import type { Deps } from '../composition/deps.ts';

/** Zones by tenant, for the life of the process: a tenant's zone changes rarely, and a day is cut by it. */
const ZONES = new Map<string, { zone: string; at: number }>();
const ZONE_TTL_MS = 60_000;

/** The tenant's time zone (days, weeks and months of its reports), cached for a minute. */
export async function tenantTimeZone(deps: Pick<Deps, 'directory'>, tenantId: string): Promise<string> {
  const cached = ZONES.get(tenantId);
  if (cached && Date.now() - cached.at < ZONE_TTL_MS) return cached.zone;
  const zone = (await deps.directory.getTenant(tenantId))?.timeZone ?? 'Europe/Moscow';
  ZONES.set(tenantId, { zone, at: Date.now() });
  return zone;
}
