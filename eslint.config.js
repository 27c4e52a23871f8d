import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'cdk.out/**', '.data/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', crypto: 'readonly', Response: 'readonly', window: 'readonly', document: 'readonly', localStorage: 'readonly', WebSocket: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', navigator: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // `import { z }` makes esbuild keep zod's whole namespace (every locale, ~360 KB per Lambda bundle).
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']", message: "Use `import * as z from 'zod'`: `import { z }` bundles all of zod's locales (bench/lambda-bundles.bench.ts)." }],
    },
  },
  {
    // The console imports the server's types, never its schemas: values only from zod-free modules,
    // so zod stays out of the browser bundle.
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@cc/shared/(?!(?:[\\w-]+/values|channels/catalog)$)',
              allowTypeImports: true,
              message: 'Import types from @cc/shared with `import type`; runtime values only from zod-free `values.ts` or `channels/catalog`.',
            },
            { group: ['**/shared/src/**'], message: 'Import from @cc/shared, not by relative path.' },
            { group: ['zod', 'zod/**'], allowTypeImports: true, message: 'The console bundle carries no schema library.' },
          ],
        },
      ],
    },
  },
  {
    // The value modules the console may import must stay free of zod and of the schema modules.
    files: ['shared/src/*/values.ts', 'shared/src/channels/catalog.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!(?:\\./values|\\.\\./[\\w-]+/values|\\.\\./channels/catalog)\\.ts$)', message: 'Zod-free value modules import only other value modules.' }] }],
    },
  },
);
