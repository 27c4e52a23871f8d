import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, withCatalog } from './generate-metric-docs.ts';

describe('docs/metrics.md', () => {
  it('holds the catalog exactly as the code defines it (run npm run docs:metrics after a change)', () => {
    const page = readFileSync(DOC, 'utf8');
    expect(page).toBe(withCatalog(page));
    expect(page).toContain('| `service_level` | Уровень обслуживания | Service level | percent |');
  });
});
