// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'util',
  'url',
  'stream',
  'buffer',
];

const enumBan = { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' };
// A string that starts like an SQL statement.
// Case-insensitive: `select * from requests` is as much SQL as `SELECT`.
const sqlText = '/^\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WITH|VACUUM|ATTACH)\\s/i';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.tsbuild/**',
      'build/**',
      'test-results/**',
      'playwright-report/**',
      '.native-build/**',
      // Deliberately insecure code the security scan's test must flag.
      'scripts/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreVoidReturningFunctions: true, ignoreArrowShorthand: true },
      ],
      'no-console': 'error',
      'no-restricted-syntax': ['error', enumBan],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // core/ is pure: no runtime of any kind.
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: restrict(
      [...nodeModules, 'electron', 'electron/*', 'react', 'react-dom', 'react/*', 'react-dom/*', 'better-sqlite3*'],
      'core/ must stay pure: no Node, Electron, React or database imports.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeModules, 'electron', 'electron/*', 'better-sqlite3*', '**/electron/**', '**/e2e/**'],
        'The renderer talks to main only through window.madoguchi (lib/api.ts).',
      ),
    },
  },
  {
    // The preload is a thin allow-list: electron and the channel list, nothing else at run time.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./\\.\\./core/contract/(channels|api)$).*',
              message: 'The preload may import only electron and core/contract/channels.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Main-process services run in the test harness too: only the composition root and the thin
    // Electron glue may import 'electron' at run time.
    files: ['electron/main/**/*.ts'],
    ignores: [
      'electron/main/index.ts',
      'electron/main/window.ts',
      'electron/main/ipc/register.ts',
      'electron/main/**/*.test.ts',
      'electron/main/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Keep Electron in index.ts, window.ts and ipc/register.ts.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            { group: ['**/testing/*'], message: 'Test helpers are never part of the app.' },
            {
              group: ['**/db/connection'],
              importNames: ['prepared'],
              message: 'prepared(db, sql) is for repositories in electron/main/db/: call a repository function.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only db/ speaks SQL: prepare, exec and pragma calls and SQL text live in its repositories,
    // migrations and connection code; services call repository functions.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/db/**', 'electron/main/**/*.test.ts', 'electron/main/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        enumBan,
        {
          selector:
            'CallExpression[callee.property.name=/^(prepare|pragma)$/]:not([callee.object.type="ThisExpression"])',
          message: 'SQL belongs in electron/main/db/: call a repository function.',
        },
        {
          selector: 'CallExpression[callee.property.name="exec"]:not([callee.object.regex])',
          message: 'SQL belongs in electron/main/db/: call a repository function.',
        },
        {
          selector: 'CallExpression[callee.name="prepared"]',
          message: 'SQL belongs in electron/main/db/: call a repository function.',
        },
        { selector: `Literal[value=${sqlText}]`, message: 'SQL belongs in electron/main/db/.' },
        { selector: `TemplateElement[value.raw=${sqlText}]`, message: 'SQL belongs in electron/main/db/.' },
      ],
    },
  },
  {
    // The SQL layer knows rows and domain types, never the services above it.
    files: ['electron/main/db/**/*.ts'],
    ignores: ['electron/main/db/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'db/ runs without Electron.' }],
          patterns: [
            {
              group: [
                '**/service',
                '**/handlers',
                '**/commands',
                '**/queries',
                '**/composition',
                '**/vault/*',
                '**/ipc/*',
              ],
              message: 'db/ may not import services, handlers or the vault: they call db/, not the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    // State rules are decided once in core/domain/workflow.ts (recordRules, actionChecks from
    // main); the renderer asks them instead of comparing a request's status itself.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        enumBan,
        {
          selector: 'BinaryExpression[operator=/^[!=]==?$/]:has(> Literal) > MemberExpression[property.name="status"]',
          message: 'Ask core/domain/workflow (canRecord, recordRules) instead of comparing the status.',
        },
        {
          selector:
            'CallExpression[callee.property.name="includes"][callee.object.name=/States$/] > MemberExpression[property.name="status"]',
          message: 'Ask core/domain/workflow (canRecord, recordRules) instead of listing states.',
        },
        {
          selector:
            'CallExpression[callee.property.name="includes"][callee.object.name=/States$/] > TSAsExpression > MemberExpression[property.name="status"]',
          message: 'Ask core/domain/workflow (canRecord, recordRules) instead of listing states.',
        },
        {
          // A destructured or copied local: `const { status } = r; status === 'x'`.
          selector: 'BinaryExpression[operator=/^[!=]==?$/]:has(> Literal) > Identifier[name=/^status$/i]',
          message: 'Ask core/domain/workflow (canRecord, recordRules) instead of comparing the status.',
        },
        {
          // A local list of states, or one written inline: `['a', 'b'].includes(r.status)`.
          selector:
            'CallExpression[callee.property.name="includes"][callee.object.type="ArrayExpression"] > :matches(Identifier[name=/^status$/i], MemberExpression[property.name="status"], TSAsExpression > MemberExpression[property.name="status"])',
          message: 'Ask core/domain/workflow (canRecord, recordRules) instead of listing states.',
        },
        {
          selector:
            'CallExpression[callee.property.name="includes"][callee.object.name=/States$/] > Identifier[name=/^status$/i]',
          message: 'Ask core/domain/workflow (canRecord, recordRules) instead of listing states.',
        },
        {
          selector:
            'SwitchStatement > :matches(MemberExpression[property.name="status"], Identifier[name=/^status$/i], TSAsExpression).discriminant',
          message: 'Ask core/domain/workflow (canRecord, recordRules) instead of switching on the status.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{mjs,cjs}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
      // Playwright fixtures that use no other fixture are written `async ({}, use) => …`.
      'no-empty-pattern': 'off',
    },
  },
);
