// Lint rules double as the architecture's fence: each layer may import only the layers below it
// (core ← taskpane/preview, core ← server), and platform globals stay in the shell that owns them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noServerImports = {
  group: ['**/server/**', 'fastify', 'better-sqlite3', 'pg'],
  message: 'The browser shell must not import server code.',
};
const noBrowserImports = {
  group: ['**/taskpane/**', '**/preview/**', 'react', 'react-dom', 'react-dom/*', '@fluentui/*'],
  message: 'The server must not import the task pane, React or Fluent.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.certs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/preview/**/*.{ts,tsx}', 'test/taskpane/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/taskpane/**', '**/server/**', '**/preview/**', 'node:*', 'react', 'fastify'],
              message: 'src/core is pure: it imports only core.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'core is platform-free.' },
        { name: 'window', message: 'core is platform-free.' },
        { name: 'document', message: 'core is platform-free.' },
        { name: 'fetch', message: 'core does no I/O.' },
        { name: 'process', message: 'core reads no environment.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass time in.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass time in.' },
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/preview/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServerImports] }] },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ignores: ['src/taskpane/office/**', 'src/taskpane/index.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'Only src/taskpane/office/ and index.tsx touch Office.*' },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noBrowserImports] }] },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/main.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/server/main.ts reads the environment.' },
      ],
    },
  },
);
