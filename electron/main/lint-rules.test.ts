import { join } from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The house rules in eslint.config.mjs (§7: SQL only in db/, state rules asked of core/domain/workflow)
// are selectors that are easy to weaken by accident. These lint snippets with the rules exactly as
// the config gives them for a file at that path, without type information (not needed by them).
const root = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
const ruleNames = ['no-restricted-syntax', 'no-restricted-imports'] as const;

async function lint(path: string, code: string): Promise<string[]> {
  const config = (await eslint.calculateConfigForFile(path)) as { rules?: Linter.RulesRecord };
  const rules = Object.fromEntries(ruleNames.map((r) => [r, config.rules?.[r] ?? 'off']));
  const messages = new Linter().verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        rules,
      },
    ],
    path,
  );
  return messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const service = 'electron/main/requests/lint-probe.ts';
const repository = 'electron/main/db/repositories/lint-probe.ts';
const component = 'renderer/src/features/requests/LintProbe.tsx';

describe('the SQL rule (SQL only in electron/main/db/)', () => {
  it.each([
    ['upper-case SQL text', "export const q = 'SELECT * FROM requests';"],
    ['lower-case SQL text', "export const q = 'select * from requests';"],
    ['mixed-case SQL in a template', 'export const q = (t: string) => `  Delete from ${t}`;'],
    ['a prepare call', "declare const db: { prepare(s: string): unknown }; db.prepare('x');"],
    [
      'prepared(db, sql)',
      "declare const db: unknown; declare function prepared(d: unknown, s: string): void; prepared(db, 'x');",
    ],
  ])('flags %s in a service', async (_label, code) => {
    expect((await lint(service, code)).filter((m) => m.includes('SQL belongs'))).not.toEqual([]);
  });

  it('refuses importing prepared from db/connection outside db/, other imports from it are fine', async () => {
    const refused = await lint(service, "import { prepared } from '../db/connection';\nexport const p = prepared;");
    expect(refused.filter((m) => m.startsWith('no-restricted-imports') && m.includes('prepared('))).toHaveLength(1);
    expect(
      await lint(service, "import { openEncrypted } from '../db/connection';\nexport const o = openEncrypted;"),
    ).toEqual([]);
  });

  it('leaves repositories alone, and ordinary text in services', async () => {
    const sql = "import { prepared } from '../connection';\ndeclare const db: unknown;\nprepared(db, 'select 1');";
    expect(await lint(repository, sql)).toEqual([]);
    expect(await lint(service, "export const t = ['selected', 'updated', 'Select-ish', 'created_at'];")).toEqual([]);
  });
});

describe('the renderer status rule (ask core/domain/workflow)', () => {
  const head = 'declare const r: { status: string }; declare const canRecord: (w: string, s: string) => boolean;\n';
  it.each([
    ['a member compared', "export const a = r.status === 'completed';"],
    ['a literal on the left', "export const a = 'completed' !== r.status;"],
    ['a destructured local', "const { status } = r;\nexport const a = status === 'completed';"],
    ['a copied local', "const status = r.status;\nexport const a = status !== 'completed';"],
    ['a named list of states', 'declare const openStates: string[];\nexport const a = openStates.includes(r.status);'],
    ['an inline array', "export const a = ['completed', 'declined'].includes(r.status);"],
    ['an inline array with a local', "const { status } = r;\nexport const a = ['completed'].includes(status);"],
    ['a switch on the member', "switch (r.status) {\n  case 'completed':\n    break;\n}"],
    ['a switch on a local', 'const { status } = r;\nswitch (status) {\n  default:\n    break;\n}'],
  ])('flags %s', async (_label, code) => {
    const found = await lint(component, head + code);
    expect(
      found.filter((m) => m.startsWith('no-restricted-syntax') && m.includes('core/domain/workflow')),
    ).toHaveLength(1);
  });

  it('lets the renderer ask workflow and compare states with each other', async () => {
    const code = "export const a = canRecord('intake', r.status);\nexport const b = (s: string) => s === r.status;";
    expect(await lint(component, head + code)).toEqual([]);
  });
});
