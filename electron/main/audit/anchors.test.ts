import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/connection';
import { entryHash, GENESIS_HASH } from '../db/repositories/audit';
import { ADMIN_PASSWORD, call, intakeInput, makeServices, setupVault, switchTo, tempDataDir } from '../testing/support';
import type { Services } from '../composition';
import { fileWitness } from '../vault/witness';

// The witness is written in the background after a lock: wait for the state, not for a time.
async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await sleep(10);
  expect(done()).toBe(true);
}

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

  it.each(attacks)(
    'detect %s even with every anchor deleted from vault.json and the backups removed',
    async (_name, edit) => {
      const { s, dataDir } = await vaultWithHistory();
      rewrite(s.vault.connection(), edit);
      const file = join(dataDir, 'vault.json');
      const header = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      delete header['auditAnchors'];
      delete header['anchorTotal'];
      writeFileSync(file, JSON.stringify(header));
      rmSync(join(dataDir, 'backups'), { recursive: true, force: true });
      const result = await call(s, 'audit.verify', {});
      expect(result.ok).toBe(false);
      expect(result.anchors.checked).toBeGreaterThan(0);
      expect(result.anchors.failed.map((f) => f.source)).toEqual(
        expect.arrayContaining([
          '鍵情報ファイル（vault.json）の記録（全体の認証）',
          '鍵情報ファイル（vault.json）の記録（件数・最新の控え）',
        ]),
      );
      await s.close();
    },
  );

  it('counts the anchors against the backups’ descriptions: deleting some from vault.json shows', async () => {
    const { s, dataDir } = await vaultWithHistory();
    const file = join(dataDir, 'vault.json');
    const header = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete header['auditAnchors'];
    delete header['anchorTotal'];
    writeFileSync(file, JSON.stringify(header));
    const result = await call(s, 'audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.anchors.failed.map((f) => f.source)).toContainEqual(
      expect.stringMatching(/^バックアップ pre-rekey-.*（控えの件数）$/),
    );
    await s.close();
  });

  it('flags a log whose first entry is not the vault’s setup', async () => {
    const dataDir = tempDataDir();
    const s = makeServices(dataDir);
    await setupVault(s);
    for (let i = 0; i < 2; i++) await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    // No anchor yet (no lock, no backup): the chain is rewritten from its first entry.
    rewrite(s.vault.connection(), (rows) => rows.slice(1));
    const result = await call(s, 'audit.verify', {});
    expect(result).toMatchObject({ ok: false, problem: 'not_from_setup', entryId: 1 });
    await s.close();
  });

  it('notices the data folder put back to an older state, against the anchor kept outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-witness-'));
    const dataDir = tempDataDir();
    const plain = {
      encrypt: (t: string) => Promise.resolve(Buffer.from(t)),
      decrypt: (b: Buffer) => Promise.resolve(b.toString()),
    };
    const open = () => makeServices(dataDir, { anchorWitness: fileWitness(join(dir, 'anchor.bin'), plain) });
    let s = open();
    await setupVault(s);
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    await s.vault.lock('logout');
    await waitFor(() => existsSync(join(dir, 'anchor.bin')));
    // The insider copies the whole data folder's vault (database and vault.json) …
    await s.close();
    const saved = join(dir, 'saved');
    cpSync(dataDir, saved, { recursive: true });
    // … work goes on (a request the insider wants gone) …
    s = open();
    await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
    await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-02' }));
    const before = readFileSync(join(dir, 'anchor.bin'), 'utf8');
    await s.vault.lock('logout');
    await waitFor(() => readFileSync(join(dir, 'anchor.bin'), 'utf8') !== before);
    await s.close();
    // … and the older pair is put back: consistent with itself, every key and MAC verifies.
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(saved, dataDir, { recursive: true });
    s = open();
    await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
    const audit = await call(s, 'audit.list', { action: 'vault.keyset_mismatch', limit: 10, offset: 0 });
    expect(audit.entries.map((e) => e.summary)).toEqual(['problems=rollback']);
    const result = await call(s, 'audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.anchors.failed.map((f) => f.source)).toEqual(['このPCのWindowsアカウントに保存した控え']);
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
    // Someone moves an anchor in vault.json to another entry of the log (it still holds there;
    // without the master key its MAC cannot follow).
    const file = join(dataDir, 'vault.json');
    const header = JSON.parse(readFileSync(file, 'utf8')) as { auditAnchors: { id: number; hash: string }[] };
    const first = header.auditAnchors[0];
    const row = s.vault.connection().prepare('SELECT id, hash FROM audit_log WHERE id = 2').get() as {
      id: number;
      hash: string;
    };
    if (!first || first.id === row.id) throw new Error('expected an anchor past entry 2');
    first.id = row.id;
    first.hash = row.hash;
    writeFileSync(file, JSON.stringify(header));
    const edited = await call(s, 'audit.verify', {});
    expect(edited.ok).toBe(false);
    expect(edited.anchors.failed).toContainEqual({ source: '鍵情報ファイル（vault.json）の記録', entryId: row.id });
    await s.close();
  });
});
