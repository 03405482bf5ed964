import { prepared, type Db } from '../connection';

// Settings are JSON values under fixed keys; services parse them with their zod schema.
export function getSetting(db: Db, key: string): unknown {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export function putSetting(db: Db, key: string, value: unknown): void {
  prepared(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function deleteSetting(db: Db, key: string): void {
  prepared(db, 'DELETE FROM settings WHERE key = ?').run(key);
}
