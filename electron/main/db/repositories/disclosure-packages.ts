import { prepared, type Db } from '../connection';

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

const COLUMNS =
  'id, request_id, route, password_route, file_name, size, sha256, manifest_json, password_hash, created_by, created_at, approval_event';

export function insertDisclosurePackage(db: Db, row: DisclosurePackageRow): void {
  prepared(db, `INSERT INTO disclosure_packages (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    row.id,
    row.request_id,
    row.route,
    row.password_route,
    row.file_name,
    row.size,
    row.sha256,
    row.manifest_json,
    row.password_hash,
    row.created_by,
    row.created_at,
    row.approval_event,
  );
}

export function listDisclosurePackages(db: Db, requestId: string): DisclosurePackageRow[] {
  return prepared(db, `SELECT ${COLUMNS} FROM disclosure_packages WHERE request_id = ? ORDER BY created_at, rowid`).all(
    requestId,
  ) as DisclosurePackageRow[];
}

export function getDisclosurePackage(db: Db, id: string): DisclosurePackageRow | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM disclosure_packages WHERE id = ?`).get(id) as
    DisclosurePackageRow | undefined;
}
