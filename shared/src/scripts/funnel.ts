/**
 * Stage analysis of a script version: how many runs reached each stage, which answers they took, where they were
 * dropped and how each distinct path ended, read from counters the stream and the API keep per version (nothing
 * scans runs). Two versions compare stage by stage, since step ids stay across versions. Pure.
 */
import { SCRIPT_LIMITS, stepsInOrder, type ScriptOutcome, type ScriptStep, type ScriptVersion } from './values.ts';

/** The stored counters of one version. */
export interface FunnelCounters {
  steps: Record<string, { reached: number; dropped: number }>;
  /** `<fromStepId>` → answer id or `next` → runs that moved that way (first moves and repeats after a return alike). */
  edges: Record<string, Record<string, number>>;
  /** Runs per distinct path of first visits and how it ended (`outcome` undefined: dropped). */
  paths: { steps: string[]; outcome?: string; runs: number }[];
}

export const emptyCounters = (): FunnelCounters => ({ steps: {}, edges: {}, paths: [] });

export interface FunnelAnswer {
  answerId: string;
  label: string;
  next: string;
  taken: number;
  /** Of the runs that reached the question. */
  share: number | null;
}

export interface FunnelStage {
  stepId: string;
  title: string;
  kind: ScriptStep['kind'];
  section?: string;
  reached: number;
  /** Of the runs started. */
  reachedShare: number | null;
  /** Runs whose contact ended at this stage, before an outcome. */
  dropped: number;
  /** Of the runs that reached it. */
  dropShare: number | null;
  answers: FunnelAnswer[];
  outcome?: ScriptOutcome;
}

export interface FunnelPath {
  steps: { stepId: string; title: string }[];
  /** Undefined: the runs on this path were dropped at its last step. */
  outcome?: ScriptOutcome;
  runs: number;
  share: number | null;
}

/** `GET /api/scripts/:id/funnel`: one version's funnel. */
export interface FunnelView {
  scriptId: string;
  version: number;
  started: number;
  completed: number;
  dropped: number;
  /** Runs still being followed. */
  active: number;
  stages: FunnelStage[];
  outcomes: (ScriptOutcome & { runs: number; share: number | null })[];
  /** The most common paths, most runs first; `otherRuns` counts the rest. */
  paths: FunnelPath[];
  otherRuns: number;
  /** The stage that loses the most runs (the one to improve first), when any was dropped. */
  weakest?: string;
}

/** Two versions side by side, stage by stage: the shares and how they changed from `before` to `after`. */
export interface FunnelComparison {
  before: FunnelView;
  after: FunnelView;
  stages: { stepId: string; title: string; before?: { reachedShare: number | null; dropShare: number | null }; after?: { reachedShare: number | null; dropShare: number | null }; reachedChange: number | null; dropChange: number | null }[];
}

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

/** The funnel of `version` from its counters. */
export function buildFunnel(version: ScriptVersion, counters: FunnelCounters): FunnelView {
  const started = counters.steps[version.start]?.reached ?? 0;
  const outcomeSteps = version.steps.filter((s) => s.kind === 'outcome' && s.outcome);
  const stages: FunnelStage[] = stepsInOrder(version).map((step) => {
    const cell = counters.steps[step.id] ?? { reached: 0, dropped: 0 };
    const edges = counters.edges[step.id] ?? {};
    return {
      stepId: step.id,
      title: step.title,
      kind: step.kind,
      ...(step.section && { section: step.section }),
      reached: cell.reached,
      reachedShare: share(cell.reached, started),
      dropped: cell.dropped,
      dropShare: share(cell.dropped, cell.reached),
      answers: (step.answers ?? []).map((a) => ({ answerId: a.id, label: a.label, next: a.next, taken: edges[a.id] ?? 0, share: share(edges[a.id] ?? 0, cell.reached) })),
      ...(step.outcome && { outcome: step.outcome }),
    };
  });
  const outcomeRuns = new Map<string, number>();
  for (const p of counters.paths) if (p.outcome !== undefined) outcomeRuns.set(p.outcome, (outcomeRuns.get(p.outcome) ?? 0) + p.runs);
  const completed = [...outcomeRuns.values()].reduce((a, b) => a + b, 0);
  const dropped = stages.reduce((a, s) => a + s.dropped, 0);
  const outcomes = uniqueOutcomes(outcomeSteps.map((s) => s.outcome!)).map((o) => ({ ...o, runs: outcomeRuns.get(o.id) ?? 0, share: share(outcomeRuns.get(o.id) ?? 0, started) }));
  const titles = new Map(version.steps.map((s) => [s.id, s.title]));
  const byOutcome = new Map(outcomes.map((o) => [o.id, o]));
  const sorted = [...counters.paths].sort((a, b) => b.runs - a.runs || a.steps.length - b.steps.length || a.steps.join().localeCompare(b.steps.join()));
  const shown = sorted.slice(0, SCRIPT_LIMITS.pathsShown);
  const weakest = stages.filter((s) => s.kind !== 'outcome' && s.dropped > 0).reduce<FunnelStage | undefined>((best, s) => (!best || s.dropped > best.dropped ? s : best), undefined);
  return {
    scriptId: version.scriptId,
    version: version.version,
    started,
    completed,
    dropped,
    active: Math.max(0, started - completed - dropped),
    stages,
    outcomes,
    paths: shown.map((p) => {
      const outcome = p.outcome === undefined ? undefined : byOutcome.get(p.outcome) ?? { id: p.outcome, label: p.outcome, success: false };
      return { steps: p.steps.map((id) => ({ stepId: id, title: titles.get(id) ?? id })), ...(outcome && { outcome: { id: outcome.id, label: outcome.label, success: outcome.success } }), runs: p.runs, share: share(p.runs, started) };
    }),
    otherRuns: sorted.slice(SCRIPT_LIMITS.pathsShown).reduce((a, p) => a + p.runs, 0),
    ...(weakest && { weakest: weakest.stepId }),
  };
}

function uniqueOutcomes(list: ScriptOutcome[]): ScriptOutcome[] {
  const seen = new Map<string, ScriptOutcome>();
  for (const o of list) if (!seen.has(o.id)) seen.set(o.id, o);
  return [...seen.values()];
}

const change = (after: number | null | undefined, before: number | null | undefined) =>
  after === null || after === undefined || before === null || before === undefined ? null : Math.round(10 * (after - before)) / 10;

/** `before` and `after` stage by stage: the stages of `after` in its order, then the ones only `before` had. */
export function compareFunnels(before: FunnelView, after: FunnelView): FunnelComparison {
  const old = new Map(before.stages.map((s) => [s.stepId, s]));
  const pick = (s: FunnelStage | undefined) => (s ? { reachedShare: s.reachedShare, dropShare: s.dropShare } : undefined);
  const rows = after.stages.map((s) => {
    const b = old.get(s.stepId);
    return { stepId: s.stepId, title: s.title, ...(b && { before: pick(b) }), after: pick(s), reachedChange: change(s.reachedShare, b?.reachedShare), dropChange: change(s.dropShare, b?.dropShare) };
  });
  const gone = before.stages.filter((s) => !after.stages.some((a) => a.stepId === s.stepId))
    .map((s) => ({ stepId: s.stepId, title: s.title, before: pick(s), reachedChange: null, dropChange: null }));
  return { before, after, stages: [...rows, ...gone] };
}
