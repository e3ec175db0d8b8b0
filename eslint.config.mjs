// @ts-check
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Type-aware linting for all TypeScript. The project service shares one TypeScript
 * program with tsconfig.json, so `no-floating-promises` and friends see the same
 * types the compiler does. Plain JS config files are not linted: they are not in
 * the TypeScript program and type-aware rules would fail on them.
 */
export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '.next/',
    '.data/',
    'lib/db/generated/',
    'test-results/',
    'playwright-report/',
    'coverage/',
    'next-env.d.ts',
    '**/*.js',
    '**/*.mjs',
    '**/*.cjs',
  ]),
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Money moves in async code: a promise nobody awaits is a write that may
      // silently fail or land after the response. `void` marks the rare deliberate one.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // Async handlers passed where void is expected (JSX onClick, event emitters) swallow rejections.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [nextPlugin.configs['core-web-vitals'], reactHooks.configs.flat.recommended],
  },
  {
    // Tests may hand-roll fixtures and mocks; unsafe-any rules there cost more than they catch.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
]);
