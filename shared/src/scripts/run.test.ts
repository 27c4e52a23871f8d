import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidRequestError } from '../errors.ts';
import { dropRun, firstVisits, moveRun, pathKey, type RunMove } from './run.ts';
import { salesVersion } from './test-scripts.ts';
import { stepOf, type ScriptRun } from './values.ts';

const script = salesVersion();
const who = { contactId: 'c1', agentId: 'anna' };
const now = new Date('2026-12-04T10:00:00.000Z');

/** The run after each move in turn. */
function follow(moves: RunMove[]): ScriptRun {
  let run: ScriptRun | undefined;
  for (const move of moves) {
    const decision = moveRun(run, script, who, move, now);
    run = decision.run;
  }
  return run!;
}

describe('a run through a script', () => {
  it('starts at the start and records each step with how it was reached and what the funnel counts', () => {
    // Act
    const start = moveRun(undefined, script, who, { seq: 0, stepId: 'greet' }, now);
    const next = moveRun(start.run, script, who, { seq: 1, stepId: 'need' }, now);
    const answer = moveRun(next.run, script, who, { seq: 2, stepId: 'offer-fast', answerId: 'speed' }, now);
    // Assert
    expect(start).toMatchObject({ kind: 'moved', counts: { reached: 'greet' } });
    expect(next).toMatchObject({ kind: 'moved', counts: { reached: 'need', edge: { from: 'greet', via: 'next' } } });
    expect(answer.run.path.map((p) => [p.stepId, p.via, p.answerId])).toEqual([['greet', 'start', undefined], ['need', 'next', undefined], ['offer-fast', 'answer', 'speed']]);
    expect(answer.run.result).toBe('active');
  });

  it('ends at an outcome with the path of first visits', () => {
    const run = follow([{ seq: 0, stepId: 'greet' }, { seq: 1, stepId: 'need' }, { seq: 2, stepId: 'offer-fast', answerId: 'speed' }, { seq: 3, stepId: 'offer-cheap', answerId: 'no' }]);
    const end = moveRun(run, script, who, { seq: 4, stepId: 'sale', answerId: 'yes' }, now);
    expect(end.run).toMatchObject({ result: 'completed', outcome: 'sale', endedAt: now.toISOString() });
    expect(end.kind === 'moved' && end.counts.ended).toEqual({ outcome: 'sale', steps: ['greet', 'need', 'offer-fast', 'offer-cheap', 'sale'] });
  });

  it('answers a repeated move unchanged, and a move from a stale window with a conflict carrying the run', () => {
    const run = follow([{ seq: 0, stepId: 'greet' }, { seq: 1, stepId: 'need' }]);
    expect(moveRun(run, script, who, { seq: 1, stepId: 'need' }, now)).toEqual({ kind: 'unchanged', run });
    expect(() => moveRun(run, script, who, { seq: 1, stepId: 'greet' }, now)).toThrow(ConflictError);
    expect(() => moveRun(run, script, who, { seq: 5, stepId: 'sale' }, now)).toThrow(ConflictError);
    expect(() => moveRun(run, salesVersion(2), who, { seq: 2, stepId: 'offer-fast', answerId: 'speed' }, now)).toThrow(/version 1/);
  });

  it('refuses a step that does not follow, an answer of another step, and a start elsewhere', () => {
    const run = follow([{ seq: 0, stepId: 'greet' }]);
    expect(() => moveRun(run, script, who, { seq: 1, stepId: 'sale' }, now)).toThrow(InvalidRequestError);
    expect(() => moveRun(run, script, who, { seq: 1, stepId: 'need', answerId: 'speed' }, now)).toThrow(InvalidRequestError);
    expect(() => moveRun(undefined, script, who, { seq: 0, stepId: 'need' }, now)).toThrow(/starts at the script's start/);
  });

  it('goes back to a step reached before without counting it reached again', () => {
    const run = follow([{ seq: 0, stepId: 'greet' }, { seq: 1, stepId: 'need' }, { seq: 2, stepId: 'offer-fast', answerId: 'speed' }]);
    const back = moveRun(run, script, who, { seq: 3, stepId: 'need' }, now);
    expect(back).toMatchObject({ kind: 'moved', counts: {} });
    expect(back.run.path.at(-1)).toMatchObject({ stepId: 'need', via: 'return' });
  });

  it('is dropped at its last step when the contact ends first, once', () => {
    const run = follow([{ seq: 0, stepId: 'greet' }, { seq: 1, stepId: 'need' }]);
    const dropped = dropRun(run, now);
    expect(dropped).toMatchObject({ lastStep: 'need', steps: ['greet', 'need'], run: { result: 'dropped' } });
    expect(dropRun(dropped!.run, now)).toBeUndefined();
  });

  it('counts each step reached at most once per run and every edge it moved forward along, on any walk', () => {
    // Random walks: at each step pick a successor or a return to an earlier step.
    const walks = fc.array(fc.nat(), { minLength: 1, maxLength: 40 });
    fc.assert(fc.property(walks, (choices) => {
      let run = moveRun(undefined, script, who, { seq: 0, stepId: 'greet' }, now).run;
      const reached = ['greet'];
      for (const choice of choices) {
        if (run.result !== 'active') break;
        const current = stepOf(script, run.path.at(-1)!.stepId)!;
        const forward = current.kind === 'say' ? [{ stepId: current.next! }] : (current.answers ?? []).map((a) => ({ stepId: a.next, answerId: a.id }));
        const back = run.path.filter((p) => p.stepId !== current.id).map((p) => ({ stepId: p.stepId }));
        const options = [...forward, ...back];
        const pick = options[choice % options.length]!;
        const decision = moveRun(run, script, who, { seq: run.path.length, ...pick }, now);
        if (decision.kind === 'moved' && decision.counts.reached) reached.push(decision.counts.reached);
        run = decision.run;
      }
      expect(new Set(reached).size).toBe(reached.length);
      expect(firstVisits(run.path)).toEqual(reached);
    }), { numRuns: 300 });
  });

  it('keys a path by its steps', () => {
    expect(pathKey(['a', 'b'])).toBe(pathKey(['a', 'b']));
    expect(pathKey(['a', 'b'])).not.toBe(pathKey(['ab']));
    expect(pathKey(['a', 'b'])).not.toBe(pathKey(['b', 'a']));
  });
});
