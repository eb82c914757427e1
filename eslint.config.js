import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The pure core (tests/core/modules.json): modules that know no browser (no WXT, no extension
 * API, no storage) and run in plain Node (tests/core/pure.test.ts). They return codes
 * ({ code, params }); the UI edge turns them into text with t(). Add a module there when it
 * becomes pure.
 */
const PURE_CORE = JSON.parse(readFileSync(new URL('./tests/core/modules.json', import.meta.url), 'utf8'));

export default tseslint.config(
  { ignores: ['.output/', '.out-*/', '.wxt/', '.tmp/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'scripts/**', 'examples/**'],
    languageOptions: {
      globals: {
        Buffer: 'readonly',
        process: 'readonly',
        console: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
  },
  {
    files: PURE_CORE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'wxt/browser',
              message: 'The pure core knows no browser: return a code, call the API at the edge.',
            },
            { name: '#imports', message: 'The pure core knows no WXT storage or helpers.' },
            { name: 'webextension-polyfill', message: 'The pure core knows no browser.' },
          ],
          patterns: [
            { group: ['wxt', 'wxt/*', '@wxt-dev/*'], message: 'The pure core knows no WXT.' },
            {
              regex: '(^|/)i18n(/(index|text|inPage|router|language|secretParse|popup))?$',
              message:
                'The pure core returns codes ({ code, params }); the UI edge translates them with t().',
            },
          ],
        },
      ],
    },
  },
);
