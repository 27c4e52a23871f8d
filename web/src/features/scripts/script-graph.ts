/**
 * A script's steps as the flowchart editor draws them, and the editor's changes back as steps: nodes with their
 * places (laid out in levels from the start where a step has none), edges for each `next` and answer, and the
 * pure edits (connect, disconnect, add, remove, start) the canvas and the step form make.
 */
import type { ScriptContent, ScriptStep, StepKind } from '@cc/shared/scripts/values';
import { stepsInOrder, successorsOf } from '@cc/shared/scripts/values';

export interface GraphEdge {
  id: string;
  source: string;
  /** `next`, or the answer's id. */
  sourceHandle: string;
  target: string;
  label?: string;
}

const LEVEL_GAP = 150;
const COLUMN_GAP = 250;

/** Places for steps without one: a level per distance from the start, side by side within it. */
export function layoutSteps(content: Pick<ScriptContent, 'steps' | 'start'>): Map<string, { x: number; y: number }> {
  const level = new Map<string, number>([[content.start, 0]]);
  const queue = [content.start];
  const byId = new Map(content.steps.map((s) => [s.id, s]));
  while (queue.length) {
    const id = queue.shift()!;
    const step = byId.get(id);
    if (!step) continue;
    for (const next of successorsOf(step)) {
      if (level.has(next)) continue;
      level.set(next, level.get(id)! + 1);
      queue.push(next);
    }
  }
  const deepest = Math.max(0, ...level.values());
  const columns = new Map<number, number>();
  const places = new Map<string, { x: number; y: number }>();
  for (const step of stepsInOrder(content)) {
    const row = level.get(step.id) ?? deepest + 1;
    const column = columns.get(row) ?? 0;
    columns.set(row, column + 1);
    places.set(step.id, step.position ?? { x: column * COLUMN_GAP, y: row * LEVEL_GAP });
  }
  return places;
}

/** The edges of every `next` and answer that leads to a step. */
export function edgesOf(steps: readonly ScriptStep[]): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const step of steps) {
    if (step.kind === 'say' && step.next) edges.push({ id: `${step.id}>next`, source: step.id, sourceHandle: 'next', target: step.next });
    for (const answer of step.kind === 'question' ? step.answers ?? [] : []) {
      if (answer.next) edges.push({ id: `${step.id}>${answer.id}`, source: step.id, sourceHandle: answer.id, target: answer.next, label: answer.label });
    }
  }
  return edges;
}

const mapStep = (content: ScriptContent, id: string, change: (step: ScriptStep) => ScriptStep): ScriptContent =>
  ({ ...content, steps: content.steps.map((s) => (s.id === id ? change(s) : s)) });

/** Leads `source`'s handle (`next` or an answer) to `target`. */
export function connect(content: ScriptContent, source: string, handle: string, target: string): ScriptContent {
  if (source === target) return content;
  return mapStep(content, source, (step) => {
    if (step.kind === 'say' && handle === 'next') return { ...step, next: target };
    if (step.kind === 'question') return { ...step, answers: (step.answers ?? []).map((a) => (a.id === handle ? { ...a, next: target } : a)) };
    return step;
  });
}

/** Cuts the edge `source`'s handle makes (the step is then incomplete until connected again). */
export function disconnect(content: ScriptContent, source: string, handle: string): ScriptContent {
  return mapStep(content, source, (step) => {
    if (handle === 'next') {
      const { next: _next, ...rest } = step;
      return rest;
    }
    return { ...step, answers: (step.answers ?? []).map((a) => (a.id === handle ? { ...a, next: '' } : a)) };
  });
}

/** A fresh id not used by any step: `<prefix>-<n>`. */
export function freshId(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** Adds a step of `kind` at `position`, with what its kind needs (two answers, an outcome). */
export function addStep(content: ScriptContent, kind: StepKind, position: { x: number; y: number }, names: { title: string; answer: (n: number) => string; outcome: string }): { content: ScriptContent; id: string } {
  const id = freshId(content.steps.map((s) => s.id), kind === 'say' ? 'step' : kind);
  const step: ScriptStep = { id, kind, title: names.title, text: '', position };
  if (kind === 'question') step.answers = [1, 2].map((n) => ({ id: `a${n}`, label: names.answer(n), next: '' }));
  if (kind === 'outcome') step.outcome = { id: freshId(content.steps.flatMap((s) => (s.outcome ? [s.outcome.id] : [])), 'outcome'), label: names.outcome, success: true };
  return { content: { ...content, steps: [...content.steps, step] }, id };
}

/** Removes a step and every way into it; the start moves to the first remaining step when it was the start. */
export function removeStep(content: ScriptContent, id: string): ScriptContent {
  const steps = content.steps.filter((s) => s.id !== id).map((s) => {
    if (s.next === id) {
      const { next: _next, ...rest } = s;
      return rest;
    }
    return s.answers ? { ...s, answers: s.answers.map((a) => (a.next === id ? { ...a, next: '' } : a)) } : s;
  });
  return { ...content, steps, start: content.start === id ? steps[0]?.id ?? '' : content.start };
}
