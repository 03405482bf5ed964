import { sql } from 'kysely';
import { engineOf, type Q } from '../store';

// The dispatch records of 電磁的記録 packages (disclosure_packages, migration 0015).

export type DisclosurePackageRow = {
  id: string;
  request_id: string;
  route: string;
  password_route: string;
  file_name: string;
  size: number;
  sha256: string;
  manifest_json: string;
  password_hash: string;
  created_by: string;
  created_at: string;
  // The request's 'approve' event the package was built under (migration 0022).
  approval_event: number | null;
};

const COLUMNS = [
  'id',
  'request_id',
  'route',
  'password_route',
  'file_name',
  'size',
  'sha256',
  'manifest_json',
  'password_hash',
  'created_by',
  'created_at',
  'approval_event',
] as const;

export async function insertDisclosurePackage(q: Q, row: DisclosurePackageRow): Promise<void> {
  await q
    .insertInto('disclosure_packages')
    .values({
      id: row.id,
      request_id: row.request_id,
      route: row.route,
      password_route: row.password_route,
      file_name: row.file_name,
      size: row.size,
      sha256: row.sha256,
      manifest_json: row.manifest_json,
      password_hash: row.password_hash,
      created_by: row.created_by,
      created_at: row.created_at,
      approval_event: row.approval_event,
    })
    .execute();
}

// Packages built in the same instant keep the order they were built in. SQLite: the table's
// rowid. PostgreSQL has no rowid: its schema gives the table an identity column `seq` for this.
export async function listDisclosurePackages(q: Q, requestId: string): Promise<DisclosurePackageRow[]> {
  const built = engineOf(q) === 'sqlite' ? sql`rowid` : sql`seq`;
  return q
    .selectFrom('disclosure_packages')
    .select(COLUMNS)
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy(built)
    .execute();
}

export async function getDisclosurePackage(q: Q, id: string): Promise<DisclosurePackageRow | undefined> {
  return q.selectFrom('disclosure_packages').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}
