import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/connection';
import { entryHash, GENESIS_HASH } from '../db/repositories/audit';
import { ADMIN_PASSWORD, call, intakeInput, makeServices, setupVault, switchTo, tempDataDir } from '../testing/support';
import type { Services } from '../composition';

// An insider who can open the database rewrites the audit log and recomputes its chain: the
// chain alone then verifies, but the heads recorded outside the database (vault.json at each lock,
// the backups' descriptions, a printed record) no longer match, and verification says which.

type Row = {
  id: number;
  at: string;
  account_id: string | null;
  action: string;
  target_id: string | null;
  summary: string;
};

function rewrite(db: Db, edit: (rows: Row[]) => Row[]): void {
  const rows = db
    .prepare('SELECT id, at, account_id, action, target_id, summary FROM audit_log ORDER BY id')
    .all() as Row[];
  const next = edit(rows);
  db.transaction(() => {
    db.prepare('DELETE FROM audit_log').run();
    let prev = GENESIS_HASH;
    next.forEach((r, i) => {
      const id = i + 1;
      const hash = entryHash(prev, {
        id,
        at: r.at,
        accountId: r.account_id,
        action: r.action,
        targetId: r.target_id,
        summary: r.summary,
      });
      db.prepare(
        'INSERT INTO audit_log (id, at, account_id, action, target_id, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(id, r.at, r.account_id, r.action, r.target_id, r.summary, prev, hash);
      prev = hash;
    });
    db.prepare('UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1').run(next.length, prev);
  })();
}

async function vaultWithHistory(): Promise<{ s: Services; dir: string; dataDir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-anchors-'));
  const dataDir = tempDataDir();
  const s = makeServices(dataDir, {
    dialogs: { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(join(dir, 'b.mdgbak')) },
  });
  await setupVault(s);
  for (let i = 0; i < 3; i++) await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
  await switchTo(s, 'admin', ADMIN_PASSWORD);
  await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-02' }));
  // A safety copy in the data folder carries the head in its description too.
  await call(s, 'backup.rotateKey', {});
  await switchTo(s, 'admin', ADMIN_PASSWORD);
  return { s, dir, dataDir };
}

const attacks: [string, (rows: Row[]) => Row[]][] = [
  ['a forged entry', (rows) => [...rows.slice(0, 3), { ...rows[2], summary: 'forged' } as Row, ...rows.slice(3)]],
  ['an edited entry', (rows) => rows.map((r, i) => (i === 2 ? { ...r, summary: 'edited' } : r))],
  ['a deletion with renumbering', (rows) => rows.filter((_, i) => i !== 3)],
  ['a cut tail', (rows) => rows.slice(0, rows.length - 6)],
  ['a wipe', () => []],
];

describe('audit anchors', () => {
  it.each(attacks)('detect %s whose chain was recomputed, naming the record that disagrees', async (_name, edit) => {
    const { s } = await vaultWithHistory();
    expect(await call(s, 'audit.verify', {})).toMatchObject({ ok: true, problem: null });
    rewrite(s.vault.connection(), edit);
    const result = await call(s, 'audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.problem).toBe('anchor_mismatch');
    expect(result.anchors.failed.map((f) => f.source)).toEqual(
      expect.arrayContaining(['鍵情報ファイル（vault.json）の記録', expect.stringMatching(/^バックアップ pre-rekey-/)]),
    );
    await s.close();
  });

  it('checks a printed record, and notices an anchor in vault.json edited without the keys', async () => {
    const { s, dataDir } = await vaultWithHistory();
    const printed = await call(s, 'audit.anchor', {});
    expect(printed.id).toBeGreaterThan(5);
    expect(await call(s, 'audit.verify', { anchor: { id: printed.id, hash: printed.hash } })).toMatchObject({
      ok: true,
    });
    const wrong = await call(s, 'audit.verify', { anchor: { id: printed.id, hash: 'f'.repeat(64) } });
    expect(wrong.anchors.failed).toEqual([{ source: '印刷した記録', entryId: printed.id }]);
    // Someone edits an anchor in vault.json (without the master key its MAC cannot follow).
    const file = join(dataDir, 'vault.json');
    const header = JSON.parse(readFileSync(file, 'utf8')) as { auditAnchors: { hash: string }[] };
    const first = header.auditAnchors[0];
    if (first) first.hash = 'e'.repeat(64);
    writeFileSync(file, JSON.stringify(header));
    const edited = await call(s, 'audit.verify', {});
    expect(edited.ok).toBe(false);
    expect(edited.anchors.failed[0]?.source).toBe('鍵情報ファイル（vault.json）の記録');
    await s.close();
  });
});
