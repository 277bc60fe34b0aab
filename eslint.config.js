// Static checks for every TypeScript source of the project (npm run lint, part of npm run check and CI).
// Type-aware: promises must be awaited or handled (no-floating-promises), and `any` is not allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'apps/web/src/api/schema.d.ts', '**/*.d.ts', 'apps/web/test-artifacts/**', '.data/**', 'bench/**', '**/*.js', '**/*.mjs', '**/*.vue'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
