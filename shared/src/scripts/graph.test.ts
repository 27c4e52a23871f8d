import { describe, expect, it } from 'vitest';
import { scriptIssues } from './graph.ts';
import { ScriptContentSchema } from './schema.ts';
import { linearContent, salesContent, salesSteps } from './test-scripts.ts';
import type { ScriptContent, ScriptStep } from './values.ts';

const withSteps = (steps: ScriptStep[], more: Partial<ScriptContent> = {}): ScriptContent => ({ ...salesContent, steps, ...more });
const messages = (content: ScriptContent) => scriptIssues(content).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('a followable script', () => {
  it('accepts a flowchart whose every way ends at an outcome, and a linear standard script', () => {
    expect(scriptIssues(salesContent)).toEqual([]);
    expect(scriptIssues(linearContent)).toEqual([]);
  });

  it('names a missing next step, a missing start and a duplicated id by path', () => {
    const steps = salesSteps.map((s) => (s.id === 'greet' ? { ...s, next: 'nowhere' } : s));
    expect(messages(withSteps(steps))).toEqual(['steps.0.next: the next step "nowhere" does not exist']);
    expect(messages({ ...salesContent, start: 'hello' })).toEqual(['start: the start "hello" is not a step']);
    expect(messages(withSteps([...salesSteps, { ...salesSteps[4]! }]))).toEqual(['steps.7.id: step id "sale" is used twice']);
  });

  it('refuses a step the start cannot reach and a loop with no way out', () => {
    const orphan: ScriptStep = { id: 'orphan', kind: 'say', title: 'Сирота', text: '…', next: 'sale' };
    expect(messages(withSteps([...salesSteps, orphan]))).toEqual(['steps.7: step "orphan" cannot be reached from the start']);
    const loop: ScriptStep[] = [
      { id: 'greet', kind: 'say', title: 'A', text: '', next: 'ask' },
      { id: 'ask', kind: 'question', title: 'B', text: '', answers: [{ id: 'x', label: 'x', next: 'greet' }, { id: 'y', label: 'y', next: 'ask2' }] },
      { id: 'ask2', kind: 'say', title: 'C', text: '', next: 'ask' },
      { id: 'done', kind: 'outcome', title: 'D', text: '', outcome: { id: 'ok', label: 'ok', success: true } },
    ];
    expect(messages(withSteps(loop))).toContain('steps.3: step "done" cannot be reached from the start');
    const exit = loop.map((s) => (s.id === 'ask2' ? { ...s, next: 'done' } : s));
    // A loop back is fine as long as a way out exists.
    expect(messages(withSteps(exit))).toEqual([]);
  });

  it('keeps a standard script one chain with one outcome and no questions', () => {
    expect(messages({ ...salesContent, kind: 'standard' })).toContain('steps.1.kind: a standard script has no branching questions (make it a flowchart or hybrid)');
    const twoEnds = { ...linearContent, steps: [...linearContent.steps, { id: 'd', kind: 'outcome' as const, title: 'D', text: '', outcome: { id: 'x', label: 'x', success: false } }] };
    expect(messages(twoEnds)).toContain('steps: a standard script ends with exactly one outcome step');
  });

  it('asks a hybrid script to put every step in a section', () => {
    expect(messages({ ...salesContent, kind: 'hybrid' })).toHaveLength(salesSteps.length);
    const sectioned = salesSteps.map((s) => ({ ...s, section: s.kind === 'outcome' ? 'Итог' : 'Продажа' }));
    expect(messages(withSteps(sectioned, { kind: 'hybrid' }))).toEqual([]);
  });

  it('reports the same reasons through the API schema, as 400 issues by path', () => {
    const result = ScriptContentSchema.safeParse({ ...salesContent, start: 'hello' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['start', 'the start "hello" is not a step']]);
    expect(ScriptContentSchema.safeParse({ ...salesContent, steps: salesSteps.map((s) => ({ ...s, text: 'x'.repeat(2001) })) }).success).toBe(false);
  });
});
