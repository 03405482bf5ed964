// The crash test (`npm run test:crash`): a writing process is killed with SIGKILL at random
// moments, 200 times by default. After each kill the database must open, pass integrity_check
// and the audit-chain verification, and hold every write the writer had reported done.
//
//   npx tsx scripts/crash-test.ts [--runs 200] [--seed 1]
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAudit } from '../electron/main/db/repositories/audit';
import { call, makeServices, setupVault, tempDataDir, ADMIN_PASSWORD } from '../electron/main/services/test-support';

// setting: the values the reminder setting may hold (the last one reported done, and any
// attempted after it, whose commit may have happened just before the kill).
type Reported = { created: Map<string, string>; moved: Set<string>; setting: Set<number>; rekeys: number };

function runWriter(dataDir: string, seed: number, killAfterMs: number): Promise<{ lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'crash-writer.ts'), dataDir, String(seed)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (timer === null && out.includes('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      resolve({ lines: out.split('\n').filter(Boolean), stderr });
    });
  });
}

export async function runCrashTest(opts: { runs: number; seed: number; log?: (s: string) => void }): Promise<string[]> {
  const dataDir = tempDataDir();
  const setup = makeServices(dataDir);
  await setupVault(setup);
  await setup.close();
  const reported: Reported = { created: new Map(), moved: new Set(), setting: new Set(), rekeys: 0 };
  const failures: string[] = [];
  let seed = opts.seed;
  for (let run = 1; run <= opts.runs; run++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    // Kill between 0 and 400 ms after login: inside writes, commits, checkpoints and rekeys.
    const { lines, stderr } = await runWriter(dataDir, seed, seed % 400);
    if (!lines.includes('ready')) failures.push(`run ${run}: the writer did not start: ${stderr.trim()}`);
    if (stderr.includes('crash-writer failed')) failures.push(`run ${run}: ${stderr.trim()}`);
    for (const line of lines) {
      const [what, a, b] = line.split(' ');
      if (what === 'created' && a && b) reported.created.set(a, b);
      if (what === 'moved' && a) reported.moved.add(a);
      if (what === 'setting' && a) reported.setting = new Set([Number(a)]);
      if (what === 'intend-setting' && a) reported.setting.add(Number(a));
      if (what === 'rekey') reported.rekeys += 1;
    }
    // Open as the app would and check everything reported.
    const s = makeServices(dataDir);
    try {
      await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
      const db = s.vault.connection();
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') failures.push(`run ${run}: integrity_check: ${String(integrity)}`);
      const audit = verifyAudit(db);
      if (!audit.ok) failures.push(`run ${run}: audit chain: ${audit.problem} at ${audit.entryId}`);
      const rows = new Map(
        (
          db.prepare('SELECT id, receipt_no, status FROM requests').all() as {
            id: string;
            receipt_no: string;
            status: string;
          }[]
        ).map((r) => [r.id, r]),
      );
      for (const [id, receiptNo] of reported.created) {
        if (rows.get(id)?.receipt_no !== receiptNo) failures.push(`run ${run}: request ${receiptNo} lost`);
      }
      for (const id of reported.moved) {
        if (rows.get(id)?.status !== 'checking') failures.push(`run ${run}: step of ${id} lost`);
      }
      if (reported.setting.size > 0) {
        const stored = (await call(s, 'backup.status', {})).settings.reminderDays;
        if (!reported.setting.has(stored)) failures.push(`run ${run}: setting lost (${stored})`);
        else reported.setting = new Set([stored]);
      }
    } catch (err) {
      failures.push(`run ${run}: the vault does not open: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await s.close();
    }
    if (failures.length) break;
    if (run % 20 === 0)
      opts.log?.(`${run} runs: ${reported.created.size} requests, ${reported.rekeys} key rotations\n`);
  }
  opts.log?.(
    `Crash test: ${opts.runs} kills, ${reported.created.size} requests and ${reported.rekeys} key rotations reported; ${failures.length} failure(s).\n`,
  );
  rmSync(dataDir, { recursive: true, force: true });
  return failures;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
  const failures = await runCrashTest({
    runs: Number(values.runs ?? 200),
    seed: Number(values.seed ?? 1),
    log: (s) => process.stdout.write(s),
  });
  for (const f of failures) process.stderr.write(`${f}\n`);
  if (failures.length) process.exit(1);
}

if (require.main === module) void main();
