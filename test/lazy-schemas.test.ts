import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? sourcesUnder(path) : name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Module-level `const` whose value is built with zod right away: a call or a record of schemas, not through `lazySchema`. */
function eagerSchemas(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  if (!source.includes("from 'zod'")) return [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const eager: string[] = [];
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      let value = declaration.initializer;
      while (value && (ts.isAsExpression(value) || ts.isSatisfiesExpression(value) || ts.isParenthesizedExpression(value))) value = value.expression;
      if (!value || !(ts.isCallExpression(value) || ts.isObjectLiteralExpression(value))) continue;
      if (ts.isCallExpression(value) && value.expression.getText(sf) === 'lazySchema') continue;
      const text = value.getText(sf);
      // A shape holding lazy schemas as they are builds nothing; one that calls (`.optional()`) builds them.
      const builds = ts.isObjectLiteralExpression(value)
        ? value.properties.some((p) => !(ts.isPropertyAssignment(p) && ts.isArrowFunction(p.initializer)) && !ts.isMethodDeclaration(p) && /\bz\.|\(/.test(p.getText(sf)))
        : /\bz\./.test(text) || /Schemas?$/.test(declaration.name.getText(sf));
      if (builds) eager.push(`${relative(root, file)}: ${declaration.name.getText(sf)}`);
    }
  }
  return eager;
}

describe('schemas built on first use', () => {
  it('declares every module-level zod schema in shared/src and functions through lazySchema', () => {
    // Act
    const eager = ['shared/src', 'functions'].flatMap((dir) => sourcesUnder(join(root, dir))).flatMap(eagerSchemas);
    // Assert: a cold start builds only the schemas its invocation reads (shared/src/lazy-schema.ts).
    expect(eager).toEqual([]);
  });
});
