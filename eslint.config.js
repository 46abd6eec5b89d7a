import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers may only depend downwards: content/domain → server, features → app (see README). */
const domainMayNotImport = {
  patterns: [
    {
      group: ['react', 'react-*', 'react/*', '@tanstack/*', 'msw', 'msw/*'],
      message: 'src/domain は React やブラウザーに依存しない純粋なルールだけを置きます。',
    },
    { group: ['node:*', 'better-sqlite3', 'fastify', '@fastify/*'], message: 'src/domain は Node の API に依存しません。' },
    {
      group: ['**/app/**', '**/features/**', '**/ui/**', '**/server/**', '**/client/**', '**/booking/**', '**/practice/**', '**/mocks/**'],
      message: 'src/domain は他の層を読み込みません。',
    },
  ],
};

const srcMayNotImportMocks = { group: ['**/mocks/**'], message: 'src は mocks を読み込みません（mocks はテストと dev:mock のためのものです）。' };
const featureMayNotImportFeature = {
  regex: '^\\.\\./(?!\\.\\.)[^/]+/',
  message: '機能（features）は別の機能を読み込みません。共通の部品は src/ui か src/domain に移してください。',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: 'error',
      // Japanese text uses the full-width space (全角スペース) on purpose.
      'no-irregular-whitespace': ['error', { skipJSXText: true, skipStrings: true, skipTemplates: true }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', domainMayNotImport],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'fetch', 'Buffer', 'process'],
    },
  },
  {
    // Tests of the domain may read the content files from disk; the rules themselves may not.
    files: ['src/domain/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The booking engine runs in the server and in the browser (practice mode): Web Crypto, no Node, no fetch.
    files: ['src/booking/**'],
    ignores: ['src/booking/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...domainMayNotImport.patterns.slice(0, 2),
            {
              group: ['**/app/**', '**/features/**', '**/ui/**', '**/server/**', '**/client/**', '**/practice/**', '**/mocks/**'],
              message: 'src/booking は src/domain だけを読み込みます（サーバーにも練習モードにも使うため）。',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'fetch', 'Buffer', 'process'],
    },
  },
  {
    // Production code never depends on the test and dev:mock helpers.
    files: ['src/**'],
    // Tests may use the mock API; the layers below have their own, stricter lists.
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/domain/**', 'src/booking/**', 'src/server/**', 'src/features/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [srcMayNotImportMocks] }] },
  },
  {
    // What two features share moves down into src/ui or src/domain (see README).
    files: ['src/features/**'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [srcMayNotImportMocks, featureMayNotImportFeature] }] },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '**/app/**', '**/features/**', '**/ui/**', '**/client/**', '**/practice/**', '**/mocks/**'],
              message: 'サーバーは画面のコードも練習モードも mocks も読み込みません。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { sourceType: 'script', globals: globals.browser, parserOptions: { projectService: false } },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
