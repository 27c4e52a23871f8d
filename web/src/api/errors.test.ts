import { describe, expect, it } from 'vitest';
import { NetworkError, ProblemError, saveFailureOf } from './errors.ts';

describe('saveFailureOf', () => {
  it('tells a stale save, a refused one with the server’s reason, and one that did not go through apart', () => {
    expect(saveFailureOf(new ProblemError(409, { title: 'Conflict', status: 409, detail: 'changed' } as never))).toEqual({ kind: 'stale' });
    expect(saveFailureOf(new ProblemError(400, { title: 'Bad Request', status: 400, detail: 'Rule ids must be unique' } as never))).toEqual({ kind: 'refused', reason: 'Rule ids must be unique' });
    expect(saveFailureOf(new ProblemError(503, undefined))).toEqual({ kind: 'failed' });
    expect(saveFailureOf(new NetworkError('offline'))).toEqual({ kind: 'failed' });
  });
});
