// The baseline is the same driver opened without a key (plain SQLite pages): a second SQLite
// build only for this comparison doubled the install time (the two measured alike, 1.03×).
import Plain from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEncrypted, type Db } from '../../electron/main/db/connection';
import { changeCipher } from '../../electron/main/db/maintenance';
import { makeServices } from '../../electron/main/testing/support';
import { BENCH_PASSWORD, createVault, median, round, type BenchGroup, type Metric } from '../lib';

const ROWS = 100_000;

// Request-like rows: the columns and indexes the request list and monthly report will use.
const SCHEMA = `
  CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    receipt_no TEXT NOT NULL UNIQUE,
    received_on TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    name TEXT NOT NULL,
    name_kana TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX requests_status ON requests (status, received_on);
  CREATE INDEX requests_received ON requests (received_on);
  CREATE INDEX requests_kana ON requests (name_kana);
`;

const STATUSES = ['受付', '確認中', '補正待ち', '調査中', '決定起案', '決裁待ち', '回答準備', '発送済', '完了'];
const KINDS = ['利用目的の通知', '開示', '第三者提供記録の開示', '訂正', '利用停止'];
const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';

// A fixed pseudo-random sequence, so both databases get exactly the same rows and queries.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Workload = { insertMs: number; singleMs: number; queryMs: number; coldMs: number };
const SINGLE_ROWS = 300;
const COLD_LOOKUPS = 5000;

// better-sqlite3-multiple-ciphers is API-compatible with better-sqlite3; only their type
// declarations are separate packages.
type Conn = Db;

// The same pragmas openEncrypted sets, for the plain database.
function configure(db: Conn): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
}

function runWorkload(db: Conn): Workload {
  db.exec(SCHEMA);
  const next = rng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const insert = db.prepare(
    'INSERT INTO requests (receipt_no, received_on, status, kind, channel, name, name_kana, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 1000) * 86_400_000).toISOString().slice(0, 10);
      const kana = Array.from({ length: 6 }, () => KANA.charAt(Math.floor(next() * KANA.length))).join('');
      insert.run(
        `${day.slice(0, 4)}-${String(i).padStart(6, '0')}`,
        day,
        pick(STATUSES),
        pick(KINDS),
        pick(['郵送', '簡易書留', 'FAX', 'メール', '窓口']),
        `氏名${i}`,
        kana,
        'x'.repeat(200 + Math.floor(next() * 200)),
      );
    }
  });
  let started = performance.now();
  for (let i = 0; i < ROWS; i += 1000) batch(i, i + 1000);
  const insertMs = performance.now() - started;

  const list = db.prepare(
    'SELECT id, receipt_no, received_on, status, name FROM requests WHERE status = ? ORDER BY received_on DESC LIMIT 50 OFFSET ?',
  );
  const prefix = db.prepare(
    'SELECT id, receipt_no, name FROM requests WHERE name_kana >= ? AND name_kana < ? ORDER BY name_kana LIMIT 50',
  );
  const byNo = db.prepare('SELECT * FROM requests WHERE receipt_no = ?');
  const monthly = db.prepare(
    'SELECT substr(received_on, 1, 7) AS month, kind, status, count(*) AS n FROM requests WHERE received_on >= ? AND received_on < ? GROUP BY month, kind, status',
  );
  const q = rng(7);
  started = performance.now();
  for (let i = 0; i < 2000; i++) {
    list.all(STATUSES[i % STATUSES.length], Math.floor(q() * 500));
    const a = KANA[Math.floor(q() * KANA.length)] ?? 'ア';
    prefix.all(a, `${a}\uffff`);
    byNo.get(`2025-${String(Math.floor(q() * ROWS)).padStart(6, '0')}`);
  }
  for (let m = 0; m < 24; m++) {
    const from = new Date(Date.UTC(2024, m, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(2024, m + 1, 1)).toISOString().slice(0, 10);
    monthly.all(from, to);
  }
  monthly.all('2024-01-01', '2027-01-01');
  const queryMs = performance.now() - started;

  // What intake does: one request per transaction, each committed (fsync) on its own.
  const single = db.transaction((i: number) => {
    insert.run(
      `2099-${String(i).padStart(6, '0')}`,
      '2099-01-01',
      '受付',
      '開示',
      '郵送',
      `氏名${i}`,
      'アイウ',
      'x'.repeat(300),
    );
  });
  started = performance.now();
  for (let i = 0; i < SINGLE_ROWS; i++) single(i);
  const singleMs = performance.now() - started;

  // Cold: a 2 MiB cache against a ~40 MB database, so nearly every lookup reads and decrypts pages.
  db.pragma('cache_size = -2048');
  db.pragma('shrink_memory');
  const c = rng(11);
  started = performance.now();
  for (let i = 0; i < COLD_LOOKUPS; i++) byNo.get(`2025-${String(Math.floor(c() * ROWS)).padStart(6, '0')}`);
  const coldMs = performance.now() - started;
  db.close();
  return { insertMs, singleMs, queryMs, coldMs };
}

export const vault: BenchGroup = {
  name: 'vault',
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-bench-vault-'));
    try {
      const metrics: Metric[] = [];
      // Unlock as at a real login: the calibrated KDF (about 0.5 s by design) plus the open.
      const dataDir = join(work, 'vault');
      mkdirSync(dataDir);
      await createVault(dataDir);
      const unlock: number[] = [];
      for (let i = 0; i < 3; i++) {
        const services = makeServices(dataDir, { kdfCost: undefined });
        const started = performance.now();
        await services.vault.login('admin', BENCH_PASSWORD);
        unlock.push(performance.now() - started);
        await services.close();
      }
      metrics.push({ name: 'vault.unlock_ms', value: round(median(unlock)), unit: 'ms' });

      const key = randomBytes(32);
      const file = join(work, 'open.db');
      openEncrypted(file, key, { create: true }).close();
      const opens: number[] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        openEncrypted(file, key, { create: false }).close();
        opens.push(performance.now() - started);
      }
      metrics.push({ name: 'vault.open_ms', value: round(median(opens), 3), unit: 'ms' });

      // The same schema and workload with AEGIS-256 (the app's cipher), with ChaCha20-Poly1305
      // (what vaults used before) and with no key (plain pages), run in turn five times; medians.
      const runs: Record<'aegis' | 'chacha20' | 'plain', Workload[]> = { aegis: [], chacha20: [], plain: [] };
      for (let i = 0; i < 5; i++) {
        runs.aegis.push(runWorkload(openEncrypted(join(work, `aegis${i}.db`), randomBytes(32), { create: true })));
        const key = randomBytes(32);
        const legacy = openEncrypted(join(work, `chacha${i}.db`), key, { create: true });
        changeCipher(legacy, key, 'chacha20');
        runs.chacha20.push(runWorkload(legacy));
        const p = new Plain(join(work, `plain${i}.db`));
        const conn: Conn = p;
        configure(conn);
        runs.plain.push(runWorkload(conn));
      }
      const mid = (list: Workload[], k: keyof Workload) => median(list.map((w) => w[k]));
      const cases = [
        ['insert_100k', 'insertMs', 'insert_ratio'],
        ['insert_one_row_tx', 'singleMs', 'one_row_tx_ratio'],
        ['query', 'queryMs', 'query_ratio'],
        ['cold_lookups', 'coldMs', 'cold_query_ratio'],
      ] as const;
      for (const [name, k] of cases) {
        metrics.push(
          { name: `db.encrypted.${name}_ms`, value: round(mid(runs.aegis, k)), unit: 'ms' },
          { name: `db.plain.${name}_ms`, value: round(mid(runs.plain, k)), unit: 'ms' },
        );
      }
      for (const [, k, ratio] of cases) {
        metrics.push({
          name: `db.encrypted_vs_plain.${ratio}`,
          value: round(mid(runs.aegis, k) / mid(runs.plain, k), 3),
          unit: 'ratio',
        });
      }
      for (const [, k, ratio] of cases) {
        metrics.push({
          name: `db.chacha20_vs_plain.${ratio}`,
          value: round(mid(runs.chacha20, k) / mid(runs.plain, k), 3),
          unit: 'ratio',
          note: 'the cipher of vaults before AEGIS, for comparison',
        });
      }
      return metrics;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
