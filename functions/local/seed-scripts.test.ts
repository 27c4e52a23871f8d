import { describe, expect, it } from 'vitest';
import { ScriptContentSchema } from '@cc/shared/scripts/schema';
import { DEMO_SCRIPTS } from './seed-scripts.ts';

describe('the demo scripts', () => {
  it('are followable scripts the API would accept as they are', () => {
    for (const script of DEMO_SCRIPTS) expect(ScriptContentSchema.parse(script)).toEqual(script);
  });
});
