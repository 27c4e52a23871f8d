/**
 * An agent's move through a script on one contact, decided purely: the run's path grows by one step at the index
 * the console sends (`seq`), so a repeated request finds its step already there and changes nothing, and a request
 * from a stale window (another step at that index) is a conflict. What the funnel must count comes with the decision.
 */
import { ConflictError, InvalidRequestError } from '../errors.ts';
import { SCRIPT_LIMITS, moveOf, stepOf, type RunStep, type ScriptRun, type ScriptVersion } from './values.ts';

export interface RunMove {
  /** The index in the run's path this step takes: 0 for the start. */
  seq: number;
  stepId: string;
  answerId?: string;
}

/** What the funnel counts for one new step: the first time the run reaches it, the answer or `next` taken, the end. */
export interface FunnelIncrement {
  /** The step is reached for the first time in this run. */
  reached?: string;
  /** `<fromStepId>` and the answer id or `next`, when moving forward. */
  edge?: { from: string; via: string };
  /** The run ends here at an outcome: its path (first visits, in order) and the outcome. */
  ended?: { outcome: string; steps: string[] };
}

export type RunDecision =
  | { kind: 'unchanged'; run: ScriptRun }
  | { kind: 'moved'; run: ScriptRun; previous: ScriptRun | undefined; counts: FunnelIncrement };

/** The run after `move`, or the same run when the move is a repeat. @throws ConflictError, InvalidRequestError */
export function moveRun(
  run: ScriptRun | undefined,
  script: ScriptVersion,
  who: { contactId: string; agentId: string; personal?: boolean },
  move: RunMove,
  now: Date,
): RunDecision {
  if (run && run.version !== script.version) throw new ConflictError(`the contact follows version ${run.version} of this script`, { reason: 'run_version', version: run.version });
  const path = run?.path ?? [];
  if (move.seq < path.length) {
    const there = path[move.seq]!;
    if (there.stepId === move.stepId && there.answerId === move.answerId) return { kind: 'unchanged', run: run! };
    throw new ConflictError(`step ${move.seq} of this run is already "${there.stepId}"`, { reason: 'run_changed', run });
  }
  if (move.seq > path.length) throw new ConflictError(`the run has ${path.length} steps; the next is step ${path.length}`, { reason: 'run_changed', run });
  if (run && run.result !== 'active') throw new ConflictError(`the run has ended (${run.result})`, { reason: 'run_ended', run });
  if (path.length >= SCRIPT_LIMITS.runSteps) throw new InvalidRequestError(`a run records at most ${SCRIPT_LIMITS.runSteps} steps`);

  const at = now.toISOString();
  let step: RunStep;
  if (path.length === 0) {
    if (move.stepId !== script.start || move.answerId !== undefined) throw new InvalidRequestError(`a run starts at the script's start "${script.start}"`, { field: 'stepId' });
    step = { stepId: move.stepId, via: 'start', at };
  } else {
    const via = moveOf(script, path, move.stepId, move.answerId);
    if (!via) throw new InvalidRequestError(`step "${move.stepId}" does not follow "${path.at(-1)!.stepId}"${move.answerId ? ` by answer "${move.answerId}"` : ''}`, { field: 'stepId' });
    step = { stepId: move.stepId, via, at, ...(move.answerId !== undefined && { answerId: move.answerId }) };
  }

  const firstVisit = !path.some((p) => p.stepId === move.stepId);
  const target = stepOf(script, move.stepId)!;
  const nextPath = [...path, step];
  const counts: FunnelIncrement = {
    ...(firstVisit && { reached: move.stepId }),
    ...(path.length > 0 && step.via !== 'return' && { edge: { from: path.at(-1)!.stepId, via: move.answerId ?? 'next' } }),
  };
  const base: ScriptRun = run ?? { tenantId: script.tenantId, contactId: who.contactId, scriptId: script.scriptId, version: script.version, agentId: who.agentId, ...(who.personal && { personal: true }), path: [], result: 'active', startedAt: at };
  const next: ScriptRun = { ...base, path: nextPath };
  if (target.kind === 'outcome' && target.outcome) {
    next.result = 'completed';
    next.outcome = target.outcome.id;
    next.endedAt = at;
    counts.ended = { outcome: target.outcome.id, steps: firstVisits(nextPath) };
  }
  return { kind: 'moved', run: next, previous: run, counts };
}

/** The run dropped when its contact ended before an outcome; undefined when it had ended already. */
export function dropRun(run: ScriptRun, now: Date): { run: ScriptRun; lastStep: string; steps: string[] } | undefined {
  if (run.result !== 'active' || run.path.length === 0) return undefined;
  return { run: { ...run, result: 'dropped', endedAt: now.toISOString() }, lastStep: run.path.at(-1)!.stepId, steps: firstVisits(run.path) };
}

/** The steps in the order the run first reached them: a return to an earlier step adds nothing. */
export function firstVisits(path: readonly Pick<RunStep, 'stepId'>[]): string[] {
  const seen = new Set<string>();
  const steps: string[] = [];
  for (const { stepId } of path) {
    if (seen.has(stepId)) continue;
    seen.add(stepId);
    steps.push(stepId);
  }
  return steps;
}

/** A short stable key for a path, so the funnel counts runs per distinct path (FNV-1a over the step ids). */
export function pathKey(steps: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const ch of steps.join('\u0000')) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${steps.length}-${hash.toString(36)}`;
}
