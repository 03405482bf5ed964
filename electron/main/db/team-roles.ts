import { sql, type Kysely } from 'kysely';

// Least privilege on the team's PostgreSQL server (issue 32 §1; docs/DECISIONS.md, "Team mode:
// what the server sees"). Two roles:
// - the owner owns the tables and runs the migrations (asked for once, at an upgrade);
// - the desk role is what every desk logs in as every day: it reads and writes rows, but cannot
//   create, alter or drop anything, and may only add to and read the audit log: the server itself
//   refuses an UPDATE, DELETE or TRUNCATE there, whatever the app does.
// grantDeskRole runs as the owner after every migration (a new table gets its grants), and is
// idempotent.

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// Tables the desk role may only read and append to.
const APPEND_ONLY = ['audit_log'] as const;
// Tables the desk role may only read.
const READ_ONLY = ['schema_version'] as const;

export function checkRoleName(role: string): string {
  if (!ROLE_NAME.test(role)) {
    throw new Error(
      'A role name is lower-case letters, digits and underscores (at most 63), not starting with a digit.',
    );
  }
  return role;
}

export async function grantDeskRole<DB>(owner: Kysely<DB>, role: string): Promise<void> {
  const desk = sql.id(checkRoleName(role));
  await owner.transaction().execute(async (tx) => {
    const schema = sql.id(
      (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(tx)).rows[0]?.schema ?? 'public',
    );
    // No one but the owner creates in the schema (PUBLIC may on databases made before PostgreSQL 15).
    await sql`REVOKE CREATE ON SCHEMA ${schema} FROM PUBLIC`.execute(tx);
    await sql`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${desk}`.execute(tx);
    await sql`GRANT USAGE ON SCHEMA ${schema} TO ${desk}`.execute(tx);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${desk}`.execute(tx);
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${desk}`.execute(tx);
    for (const table of APPEND_ONLY) {
      await sql`REVOKE UPDATE, DELETE, TRUNCATE ON ${sql.id(table)} FROM ${desk}`.execute(tx);
    }
    for (const table of READ_ONLY) {
      await sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${sql.id(table)} FROM ${desk}`.execute(tx);
    }
  });
}
