/**
 * Finds import cycles among a workspace's own modules with the TypeScript compiler: static imports, re-exports,
 * `import type` and dynamic `import()` all count, so a cycle cannot hide behind a lazy load or a type.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx)$/;
const SKIP = new Set(['node_modules', 'dist', 'cdk.out', '.data']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier `file` imports, exports from, or loads with `import()`. */
function specifiersOf(file: string): string[] {
  const source = ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) found.push(node.arguments[0].text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The import cycles among the files under `dirs` (paths relative to `root`), each as the chain of files that
 * closes it, first file repeated at the end. Imports that leave `dirs` (packages, other workspaces) are ignored.
 */
export function findImportCycles(root: string, dirs: readonly string[], options: ts.CompilerOptions): string[][] {
  const files = new Set(dirs.flatMap((dir) => sourceFiles(join(root, dir))).map((f) => realpathSync(f)));
  const host = ts.createCompilerHost(options);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = specifiersOf(file)
      .map((specifier) => ts.resolveModuleName(specifier, file, options, host).resolvedModule?.resolvedFileName)
      .filter((target): target is string => target !== undefined)
      .map((target) => realpathSync(target))
      .filter((target) => files.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  // Depth-first search; each back edge closes one cycle, reported once per set of files.
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const walk = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f));
        cycles.set([...new Set(cycle)].sort().join('|'), cycle);
      } else if (!state.has(next)) walk(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...files].sort()) if (!state.has(file)) walk(file);
  return [...cycles.values()];
}

/** The compiler options of a tsconfig file, for module resolution as `tsc` does it. */
export function compilerOptionsOf(tsconfigPath: string): ts.CompilerOptions {
  const { config } = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, join(tsconfigPath, '..')).options;
}
