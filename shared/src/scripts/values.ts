/**
 * Call scripts' vocabulary, zod-free so the console imports it: a script is a graph of steps (what to say, the
 * customer's answers that branch, the outcomes that end it), attached to queues; an agent's run through it is the
 * path of steps reached. Four models share that one shape: a **standard** script is a chain, a **flowchart**
 * branches freely, a **hybrid** one is linear sections joined by branching points, and a **personal** variant is one
 * agent's wording of a team script's steps where its supervisor allows it (the structure stays the team's, so its
 * runs count in the team script's funnel).
 */

/** How a team script is built; personal variants are overlays of a team script (see {@link PersonalWording}). */
export const SCRIPT_KINDS = ['standard', 'flowchart', 'hybrid'] as const;
export type ScriptKind = (typeof SCRIPT_KINDS)[number];

/** What a step is: something to say and go on, a question whose answers branch, or an outcome that ends the run. */
export const STEP_KINDS = ['say', 'question', 'outcome'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Whether agents may word a script's unlocked steps their own way. */
export const PERSONAL_MODES = ['off', 'wording'] as const;
export type PersonalMode = (typeof PERSONAL_MODES)[number];

export const SCRIPT_LIMITS = {
  perTenant: 100,
  steps: 150,
  answersPerStep: 8,
  nameMaxLength: 120,
  titleMaxLength: 80,
  textMaxLength: 2000,
  labelMaxLength: 80,
  idMaxLength: 40,
  /** Steps a run may record: a loop back through a flowchart cannot grow a run without bound. */
  runSteps: 300,
  /** Distinct paths whose outcomes the funnel keeps per version; rarer ones are summed as "other paths". */
  pathsShown: 20,
} as const;

/** The customer's answer at a question step, leading to the next step. */
export interface ScriptAnswer {
  id: string;
  label: string;
  next: string;
}

/** What a run ended with at an outcome step (a sale made, a callback booked); the funnel counts runs per outcome. */
export interface ScriptOutcome {
  id: string;
  label: string;
  /** A good result (a sale) or not (a refusal): the funnel colours paths by it. */
  success: boolean;
}

/** One stage of a script. Ids stay across versions, so two versions' funnels compare stage by stage. */
export interface ScriptStep {
  id: string;
  kind: StepKind;
  /** The stage's short name, as the funnel shows it. */
  title: string;
  /** What the agent says or writes; `{customer.name}`-style placeholders are filled from the contact. */
  text: string;
  /** `say`: the step that follows. */
  next?: string;
  /** `question`: the customer's answers, each leading on. */
  answers?: ScriptAnswer[];
  /** `outcome`: the result the run ends with. */
  outcome?: ScriptOutcome;
  /** `hybrid`: the section the step belongs to. */
  section?: string;
  /** A personal variant may not reword it (a legal notice, the price). */
  locked?: boolean;
  /** Where the editor draws it. */
  position?: { x: number; y: number };
}

/** Which contacts a script is for: its queues, and optionally only some channel kinds or IVR / menu choices. */
export interface ScriptAttachment {
  queueIds: string[];
  channels?: string[];
  menuChoices?: string[];
}

/** What a supervisor edits; saving it makes a new version. */
export interface ScriptContent {
  name: string;
  description?: string;
  kind: ScriptKind;
  start: string;
  steps: ScriptStep[];
  attach: ScriptAttachment;
  personal: PersonalMode;
}

/** A script as stored: its current content and version; every older version is kept as it was. */
export interface Script extends ScriptContent {
  tenantId: string;
  scriptId: string;
  /** The current version, from 1; conversations keep the version they used. */
  version: number;
  archived?: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** One saved version of a script, never changed after. */
export interface ScriptVersion extends ScriptContent {
  tenantId: string;
  scriptId: string;
  version: number;
  savedAt: string;
  savedBy: string;
}

/** An agent's own wording of a team script's unlocked steps, written against one version of it. */
export interface PersonalWording {
  tenantId: string;
  scriptId: string;
  agentId: string;
  /** The team script's version the wording was written for; a step changed since is shown with the team's text. */
  baseVersion: number;
  texts: Record<string, string>;
  version: number;
  updatedAt: string;
}

/** How a run got to a step: the start, the step's `next`, a customer's answer, or back to a step reached before. */
export const STEP_VIAS = ['start', 'next', 'answer', 'return'] as const;
export type StepVia = (typeof STEP_VIAS)[number];

export interface RunStep {
  stepId: string;
  via: StepVia;
  /** `answer`: the answer taken at the previous step. */
  answerId?: string;
  at: string;
}

/** Where a run stands: being followed, ended at an outcome, or dropped (the contact ended first). */
export const RUN_RESULTS = ['active', 'completed', 'dropped'] as const;
export type RunResult = (typeof RUN_RESULTS)[number];

/** One contact's way through one script version. */
export interface ScriptRun {
  tenantId: string;
  contactId: string;
  scriptId: string;
  version: number;
  agentId: string;
  /** The agent followed their own wording. */
  personal?: boolean;
  path: RunStep[];
  result: RunResult;
  outcome?: string;
  startedAt: string;
  endedAt?: string;
}

/** The step with `id` in a version, if any. */
export const stepOf = (content: Pick<ScriptContent, 'steps'>, id: string | undefined): ScriptStep | undefined =>
  id === undefined ? undefined : content.steps.find((s) => s.id === id);

/** The steps a step leads to: its `next`, or each answer's. */
export function successorsOf(step: ScriptStep): string[] {
  if (step.kind === 'say') return step.next ? [step.next] : [];
  if (step.kind === 'question') return (step.answers ?? []).map((a) => a.next);
  return [];
}

/** Steps in the order a reader meets them: breadth first from the start, then any the start cannot reach. */
export function stepsInOrder(content: Pick<ScriptContent, 'steps' | 'start'>): ScriptStep[] {
  const byId = new Map(content.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const order: ScriptStep[] = [];
  const queue = [content.start];
  while (queue.length) {
    const id = queue.shift()!;
    const step = byId.get(id);
    if (!step || seen.has(id)) continue;
    seen.add(id);
    order.push(step);
    queue.push(...successorsOf(step));
  }
  return [...order, ...content.steps.filter((s) => !seen.has(s.id))];
}

/**
 * How a run may go from `from` to `to`: along `next`, by the answer `answerId`, or back to a step already reached.
 * Undefined when it may not (the console only offers moves this allows; the API refuses the rest).
 */
export function moveOf(content: Pick<ScriptContent, 'steps'>, path: readonly Pick<RunStep, 'stepId'>[], to: string, answerId?: string): StepVia | undefined {
  const current = stepOf(content, path.at(-1)?.stepId);
  if (!current || !stepOf(content, to)) return undefined;
  if (answerId !== undefined) return current.kind === 'question' && current.answers?.some((a) => a.id === answerId && a.next === to) ? 'answer' : undefined;
  if (current.kind === 'say' && current.next === to) return 'next';
  return path.some((p) => p.stepId === to) && to !== current.id ? 'return' : undefined;
}
