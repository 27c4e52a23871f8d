import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilerOptionsOf, findImportCycles } from './import-cycles.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAX_LINES = 400;
/** Files over the limit that another change is splitting, with the reason; keep it empty, never grow it quietly. */
const OVERSIZED: Record<string, string> = {};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('architecture', () => {
  it('finds a cycle that only a dynamic import and a type import close', () => {
    // Arrange
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    try {
      writeFileSync(join(dir, 'deps.ts'), "export const load = () => import('./service.ts');\n");
      writeFileSync(join(dir, 'service.ts'), "import type { load } from './deps.ts';\nexport type Load = typeof load;\n");
      writeFileSync(join(dir, 'alone.ts'), "import { load } from './deps.ts';\nexport const again = load;\n");
      // Act
      const cycles = findImportCycles(dir, ['.'], compilerOptionsOf(join(root, 'tsconfig.json')));
      // Assert
      expect(cycles).toEqual([['deps.ts', 'service.ts', 'deps.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no import cycles in shared, functions, infra, test or scripts (types and dynamic imports included)', () => {
    // Act
    const cycles = findImportCycles(root, ['shared/src', 'functions', 'infra', 'test', 'scripts'], compilerOptionsOf(join(root, 'tsconfig.json')));
    // Assert
    expect(cycles.map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('has no import cycles in the console', () => {
    // Act
    const cycles = findImportCycles(root, ['web/src'], compilerOptionsOf(join(root, 'web/tsconfig.json')));
    // Assert
    expect(cycles.map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it(`keeps every file in functions/ and shared/src at ${MAX_LINES} lines or fewer`, () => {
    // Act
    const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length - 1;
    const sizes = ['functions', 'shared/src'].flatMap((dir) => filesUnder(join(root, dir))).map((file) => ({ file: relative(root, file), lines: lines(file) }));
    // Assert: nothing over the limit but the listed files, and no listed file that is back under it.
    expect(sizes.filter((s) => s.lines > MAX_LINES && !(s.file in OVERSIZED)).map((s) => `${s.file}: ${s.lines}`)).toEqual([]);
    expect(Object.keys(OVERSIZED).filter((file) => !sizes.some((s) => s.file === file && s.lines > MAX_LINES))).toEqual([]);
  });
});
