import type { Db } from '../db/connection';

// Writes electron/main/db/schema.ts (the Kysely table types) from a database migrated to the
// latest version: SQLite's own description of each table, so the types cannot drift from the
// migrations (db/schema-types.test.ts compares the committed file with this output).

type Column = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };

const TS_TYPE: Record<string, string> = { TEXT: 'string', INTEGER: 'number', BLOB: 'Buffer', REAL: 'number' };

function pascal(name: string): string {
  return name.replace(/(^|_)([a-z])/g, (_m, _u: string, c: string) => c.toUpperCase());
}

export function schemaTypes(db: Db): string {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);
  const out: string[] = [
    '// Generated from the migrated SQLite schema by electron/main/testing/schema-types.ts; do not edit.',
    '// `npx vitest run electron/main/db/schema-types.test.ts -u` rewrites it after a migration.',
    "import type { ColumnType } from 'kysely';",
    '',
    '// A column the database fills when an insert leaves it out (a DEFAULT or an INTEGER PRIMARY KEY).',
    'type Defaulted<T> = ColumnType<T, T | undefined, T>;',
    '',
  ];
  for (const table of tables) {
    const columns = db.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as Column[];
    out.push(`export type ${pascal(table)}Table = {`);
    for (const c of columns) {
      const base = TS_TYPE[c.type.toUpperCase()] ?? 'unknown';
      const nullable = c.notnull === 0 && c.pk === 0;
      const t = nullable ? `${base} | null` : base;
      const defaulted = c.dflt_value !== null || nullable || (c.pk === 1 && c.type.toUpperCase() === 'INTEGER');
      out.push(`  ${c.name}: ${defaulted ? `Defaulted<${t}>` : t};`);
    }
    out.push('};', '');
  }
  out.push('export type Schema = {');
  for (const table of tables) out.push(`  ${table}: ${pascal(table)}Table;`);
  out.push('};', '');
  return out.join('\n');
}
