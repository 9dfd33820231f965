import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules only src/main.ts, the platforms, the store, ingest and the schedulers may touch. */
const OUTER_LIBRARIES = [
  'discord.js',
  'grammy',
  '@grammyjs/*',
  'better-sqlite3',
  'node-cron',
  'pino',
  'pino-pretty',
  'undici',
];
const OUTER_FOLDERS = [
  '**/store/**',
  '**/platforms/**',
  '**/ingest/**',
  '**/schedule/**',
  '**/main.js',
  '**/config.js',
];

/** DESIGN.md's dependency directions, enforced: the inner folders stay free of SDKs, SQLite, cron and the outer folders. */
const inward = (extraFolders = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: OUTER_LIBRARIES,
          message: 'core, extract and commands stay free of SDKs, SQLite and cron (DESIGN.md).',
        },
        {
          group: [...OUTER_FOLDERS, ...extraFolders],
          message: 'This folder may not import the outer parts (DESIGN.md).',
        },
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Store ports are asynchronous (DESIGN.md): a store call that is not awaited is a bug these rules catch.
    files: ['src/**/*.ts', 'commands/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // What is bundled into dist/.
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // The bundle cannot tree-shake zod's re-exported `z` object: it keeps all 755 KB of zod, 186 KB this way.
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message: "Write `import * as z from 'zod'`: it keeps the build's start-up small (README, Build).",
        },
      ],
    },
  },
  { files: ['src/core/**/*.ts'], rules: inward(['**/extract/**', '**/commands/**', '../commands/**']) },
  { files: ['src/extract/**/*.ts'], rules: inward(['**/commands/**', '../../commands/**']) },
  { files: ['commands/**/*.ts'], rules: inward(['**/extract/**']) },
  {
    files: ['src/platforms/discord/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['grammy', '@grammyjs/*', '**/platforms/telegram/**', '../telegram/**', '../console/**'],
              message: 'A platform never imports another platform.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platforms/telegram/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['discord.js', '@discordjs/*', '**/platforms/discord/**', '../discord/**', '../console/**'],
              message: 'A platform never imports another platform.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platforms/console/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['discord.js', 'grammy', '@grammyjs/*', '../discord/**', '../telegram/**'],
              message: 'A platform never imports another platform.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'tests/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
