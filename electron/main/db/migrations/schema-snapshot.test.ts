import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, pgKysely } from '../../testing/postgres-database';
import { postgresSchemaOf } from '../../testing/postgres-schema';
import { tempDataDir } from '../../testing/support';
import { openEncrypted, type Db } from '../connection';
import { migrate } from '../migrate';
import { migratePostgres } from '../migrate-postgres';
import { migrations, POSTGRES_BASELINE_VERSION } from './index';

// The schema after each migration, as SQLite stores it, compared with the committed snapshot.
// Migrations are append-only: editing one that has shipped changes the schema at its version
// (users' databases already ran the old text) and fails here; a new migration adds a section,
// written with `npx vitest run -u` and reviewed in the diff.
function schemaOf(db: Db): string {
  const rows = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY type, name",
    )
    .all() as { type: string; name: string; sql: string }[];
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql.replace(/[ \t]+$/gm, '')};`).join('\n');
}

describe('schema snapshot', () => {
  it('each version of the schema is the one committed in schema.snapshot.sql', async () => {
    const db = openEncrypted(join(tempDataDir(), 's.db'), randomBytes(32), { create: true });
    const sections: string[] = [];
    for (let v = 1; v <= migrations.length; v++) {
      migrate(db, migrations.slice(0, v), () => undefined);
      sections.push(`-- ===== version ${v}: ${migrations[v - 1]?.name ?? ''} =====\n${schemaOf(db)}`);
    }
    db.close();
    await expect(`${sections.join('\n\n')}\n`).toMatchFileSnapshot('./schema.snapshot.sql');
  });
});

// The same for PostgreSQL, from its baseline on (no PostgreSQL database is older), in
// schema.postgres.snapshot.sql: the catalogs' description (testing/postgres-schema.ts).
describe('PostgreSQL schema snapshot', () => {
  it('each version of the schema is the one committed in schema.postgres.snapshot.sql', async () => {
    const database = await freshPgDatabase({ empty: true });
    const db = pgKysely(database.connection);
    try {
      const sections: string[] = [];
      for (let v = POSTGRES_BASELINE_VERSION; v <= migrations.length; v++) {
        await migratePostgres(db, migrations.slice(0, v));
        const title = `${migrations[v - 1]?.name ?? ''}${v === POSTGRES_BASELINE_VERSION ? ' (baseline)' : ''}`;
        sections.push(`-- ===== version ${v}: ${title} =====\n${await postgresSchemaOf(db)}`);
      }
      await expect(`${sections.join('\n\n')}\n`).toMatchFileSnapshot('./schema.postgres.snapshot.sql');
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
