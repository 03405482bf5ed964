import { sql, type Kysely } from 'kysely';
import { migratePostgres } from './migrate-postgres';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import type { Migration } from './migrations/types';
import { grantDeskRole } from './team-roles';

// A desk meeting the team's database (issue 32 §1): it works only on the schema it was built
// for. An older schema needs the owner's login once (the desk role cannot change tables); a
// newer one needs this desk's app updated. Either way the desk says so in one sentence and
// changes nothing.

export type TeamSchema =
  | { state: 'current'; version: number }
  | { state: 'empty' }
  | { state: 'older' | 'newer'; version: number; message: string };

export async function checkTeamSchema<DB>(db: Kysely<DB>, latest = LATEST_SCHEMA_VERSION): Promise<TeamSchema> {
  const table = await sql<{ found: boolean }>`SELECT to_regclass('schema_version') IS NOT NULL AS found`.execute(db);
  if (!table.rows[0]?.found) return { state: 'empty' };
  const version = (await sql<{ version: number }>`SELECT version FROM schema_version WHERE id = 1`.execute(db)).rows[0]
    ?.version;
  if (version === undefined) return { state: 'empty' };
  if (version === latest) return { state: 'current', version };
  if (version < latest) {
    return {
      state: 'older',
      version,
      message: `共有サーバーのデータベースがこのアプリより古い版です（サーバー: 版${version}、このアプリ: 版${latest}）。データベースの所有者のログインで更新してください。更新するまで、この端末からは何も変更しません。`,
    };
  }
  return {
    state: 'newer',
    version,
    message: `共有サーバーのデータベースがこのアプリより新しい版です（サーバー: 版${version}、このアプリ: 版${latest}）。この端末のアプリを更新してください。更新するまで、この端末からは何も変更しません。`,
  };
}

// Run with the owner's login (asked for once): the migrations, then the desk role's grants on
// every table, new ones included.
export async function upgradeTeamSchema<DB>(
  owner: Kysely<DB>,
  deskRole: string,
  list: readonly Migration[] = migrations,
): Promise<{ from: number; to: number }> {
  const result = await migratePostgres(owner, list);
  await grantDeskRole(owner, deskRole);
  return { from: result.from, to: result.to };
}
