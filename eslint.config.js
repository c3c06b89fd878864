// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports flow one way: cli -> app -> {config, policy, providers, engine, report} -> {model, shared}. */
const forbid = (...layers) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: layers.map((layer) => ({
        group: [`**/${layer}/*`, `**/${layer}`],
        message: `This layer must not import from ${layer}/ (see STYLE.md, one-way imports).`,
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-action/**', 'node_modules/**', 'coverage/**', 'fixtures/**', 'bench/.out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  { files: ['src/model/**', 'src/shared/**'], rules: forbid('cli', 'app', 'config', 'policy', 'providers', 'engine', 'report') },
  { files: ['src/engine/**'], rules: forbid('cli', 'app', 'providers', 'report', 'config') },
  // The policy tester runs rule examples through the (pure) engine.
  { files: ['src/policy/**'], rules: forbid('cli', 'app', 'providers', 'report', 'config') },
  { files: ['src/providers/**'], rules: forbid('cli', 'app', 'policy', 'engine', 'report', 'config') },
  { files: ['src/report/**'], rules: forbid('cli', 'app', 'engine', 'providers', 'policy', 'config') },
  { files: ['src/config/**'], rules: forbid('cli', 'app', 'providers', 'report', 'engine') },
  { files: ['src/app/**'], rules: forbid('cli') },
);
