import type { FunnelCounters } from './funnel.ts';
import type { FunnelIncrement } from './run.ts';
import type { PersonalWording, Script, ScriptRun, ScriptVersion } from './values.ts';

/** A saved version as listed: who saved it and when. */
export type ScriptVersionSummary = Pick<ScriptVersion, 'version' | 'name' | 'kind' | 'savedAt' | 'savedBy'>;

/** Scripts, their versions, agents' wordings, runs and the funnel counters (docs/scripts.md). */
export interface ScriptRepository {
  list(tenantId: string): Promise<Script[]>;
  get(tenantId: string, scriptId: string): Promise<Script | undefined>;
  getVersion(tenantId: string, scriptId: string, version: number): Promise<ScriptVersion | undefined>;
  listVersions(tenantId: string, scriptId: string): Promise<ScriptVersionSummary[]>;
  /** The script and its version 1. @throws ConflictError when the id is taken */
  create(script: Script, first: ScriptVersion): Promise<void>;
  /** The script's new current content and its version record, if the stored script is still at `expectedVersion`. @throws ConflictError */
  saveVersion(script: Script, saved: ScriptVersion, expectedVersion: number): Promise<void>;
  /** @throws ConflictError when the script changed meanwhile */
  archive(tenantId: string, scriptId: string, expectedVersion: number, at: string): Promise<void>;

  getWording(tenantId: string, scriptId: string, agentId: string): Promise<PersonalWording | undefined>;
  /** @throws ConflictError when `expectedVersion` is stale (or a wording exists and none was expected) */
  putWording(wording: PersonalWording, expectedVersion: number | undefined): Promise<void>;

  getRun(tenantId: string, contactId: string, scriptId: string): Promise<ScriptRun | undefined>;
  runsOfContact(tenantId: string, contactId: string): Promise<ScriptRun[]>;
  /**
   * The run with one more step and the funnel counts for it, in one transaction, if the stored run still has the
   * `previous` path (none: no run yet). @throws ConflictError when another move won
   */
  recordMove(run: ScriptRun, previous: ScriptRun | undefined, counts: FunnelIncrement): Promise<void>;
  /** The run dropped at `lastStep`, counted once: false when it had ended already. */
  recordDrop(run: ScriptRun, lastStep: string, steps: string[]): Promise<boolean>;
  funnelCounters(tenantId: string, scriptId: string, version: number): Promise<FunnelCounters>;
}
