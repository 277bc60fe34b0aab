// Static checks for every TypeScript source of the project (npm run lint, part of npm run check and CI).
// Type-aware: promises must be awaited or handled (no-floating-promises), and `any` is not allowed.
// Vue single-file components: the template rules of eslint-plugin-vue (flat/essential: error prevention, no layout rules) and the
// typescript-eslint rules that need no type information on their <script setup lang="ts">
// (vue-tsc type-checks them in npm run typecheck).
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'apps/web/src/api/schema.d.ts', '**/*.d.ts', 'apps/web/test-artifacts/**', '.data/**', 'bench/**', '**/*.js', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] },
    },
    rules: {
      // TypeScript (vue-tsc) knows the DOM and the component's names; no-undef would only repeat it wrongly.
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
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
