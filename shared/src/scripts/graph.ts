/**
 * Whether a script's steps make a script an agent can follow: every step reachable from the start, every way
 * through it ending at an outcome, and the shape its model asks for. Pure; the schema reports these as 400s by path.
 */
import { stepOf, successorsOf, type ScriptContent, type ScriptStep } from './values.ts';

export interface ScriptIssue {
  path: (string | number)[];
  message: string;
}

/** Every reason the content is not a followable script of its kind; empty when it is. */
export function scriptIssues(content: ScriptContent): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const ids = new Map<string, number>();
  content.steps.forEach((step, i) => {
    if (ids.has(step.id)) issues.push({ path: ['steps', i, 'id'], message: `step id "${step.id}" is used twice` });
    ids.set(step.id, i);
  });
  if (!ids.has(content.start)) issues.push({ path: ['start'], message: `the start "${content.start}" is not a step` });
  content.steps.forEach((step, i) => issues.push(...stepIssues(step, i, ids, content.kind)));
  if (issues.length) return issues;

  const reachable = reachableFrom(content, [content.start]);
  content.steps.forEach((step, i) => {
    if (!reachable.has(step.id)) issues.push({ path: ['steps', i], message: `step "${step.id}" cannot be reached from the start` });
  });
  const ending = stepsThatEnd(content);
  content.steps.forEach((step, i) => {
    if (reachable.has(step.id) && !ending.has(step.id)) issues.push({ path: ['steps', i], message: `from step "${step.id}" no way leads to an outcome` });
  });
  if (content.kind === 'standard') issues.push(...chainIssues(content));
  return issues;
}

function stepIssues(step: ScriptStep, i: number, ids: ReadonlyMap<string, number>, kind: ScriptContent['kind']): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const at = (...rest: (string | number)[]) => ['steps', i, ...rest];
  const known = (id: string) => ids.has(id);
  if (step.kind === 'say') {
    if (!step.next) issues.push({ path: at('next'), message: 'a step to say leads to a next step (end a script with an outcome step)' });
    else if (!known(step.next)) issues.push({ path: at('next'), message: `the next step "${step.next}" does not exist` });
    else if (step.next === step.id) issues.push({ path: at('next'), message: 'a step cannot lead to itself' });
  }
  if (step.kind === 'question') {
    const answers = step.answers ?? [];
    if (answers.length < 2) issues.push({ path: at('answers'), message: 'a question has at least two answers' });
    const seen = new Set<string>();
    answers.forEach((answer, j) => {
      if (seen.has(answer.id)) issues.push({ path: at('answers', j, 'id'), message: `answer id "${answer.id}" is used twice in this step` });
      seen.add(answer.id);
      if (!known(answer.next)) issues.push({ path: at('answers', j, 'next'), message: `the next step "${answer.next}" does not exist` });
    });
    if (kind === 'standard') issues.push({ path: at('kind'), message: 'a standard script has no branching questions (make it a flowchart or hybrid)' });
  }
  if (step.kind === 'outcome' && !step.outcome) issues.push({ path: at('outcome'), message: 'an outcome step names its outcome' });
  if (step.kind !== 'outcome' && step.outcome) issues.push({ path: at('outcome'), message: 'only an outcome step has an outcome' });
  if (kind === 'hybrid' && !step.section?.trim()) issues.push({ path: at('section'), message: 'every step of a hybrid script belongs to a section' });
  return issues;
}

function reachableFrom(content: ScriptContent, from: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length) {
    const id = stack.pop()!;
    const step = stepOf(content, id);
    if (!step || seen.has(id)) continue;
    seen.add(id);
    stack.push(...successorsOf(step));
  }
  return seen;
}

/** Steps from which some way leads to an outcome: outcomes, then backwards to a fixed point (loops may stay, dead ends not). */
function stepsThatEnd(content: ScriptContent): Set<string> {
  const ending = new Set(content.steps.filter((s) => s.kind === 'outcome').map((s) => s.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const step of content.steps) {
      if (!ending.has(step.id) && successorsOf(step).some((id) => ending.has(id))) {
        ending.add(step.id);
        grew = true;
      }
    }
  }
  return ending;
}

/** A standard script reads top to bottom: one chain from the start with one outcome at its end. */
function chainIssues(content: ScriptContent): ScriptIssue[] {
  const outcomes = content.steps.filter((s) => s.kind === 'outcome');
  const incoming = new Map<string, number>();
  for (const step of content.steps) for (const id of successorsOf(step)) incoming.set(id, (incoming.get(id) ?? 0) + 1);
  const issues: ScriptIssue[] = [];
  if (outcomes.length !== 1) issues.push({ path: ['steps'], message: 'a standard script ends with exactly one outcome step' });
  content.steps.forEach((step, i) => {
    if ((incoming.get(step.id) ?? 0) > 1 || (step.id === content.start && incoming.has(step.id))) issues.push({ path: ['steps', i], message: `a standard script is one chain: step "${step.id}" is reached twice` });
  });
  return issues;
}
