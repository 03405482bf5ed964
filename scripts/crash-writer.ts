// The writing process of the crash test (scripts/crash-test.ts), which kills it at chosen
// moments. It logs in and writes without pause: new requests, workflow steps, settings, letters
// finalized, enclosures taken in, and now and then a database key rotation, an account disabled
// (which revokes it: the master key is replaced), a backup restored or a change of the database's
// cipher. Each operation is announced before it starts ('doing KIND') and closed after it returned
// ('done KIND <ms>'), so the test knows which operation a kill struck inside and how long each
// takes; what it wrote is reported on stdout (synchronously) only after it returned, so every
// reported write must survive the kill. Given a focus kind, the writer does one or two other
// operations first and then that one, which the test times its kill into.
import { mkdtempSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { changeCipher } from '../electron/main/db/maintenance';
import {
  ADMIN_PASSWORD,
  call,
  cheapKdf,
  databaseKeyForTest,
  intakeInput,
  makeServices,
} from '../electron/main/testing/support';

async function main(): Promise<void> {
  const [dataDir, seedText] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: crash-writer <dataDir> <seed>');
  let seed = Number(seedText ?? 1) >>> 0 || 1;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const report = (line: string) => writeSync(1, `${line}\n`);
  const scan = join(mkdtempSync(join(tmpdir(), 'madoguchi-crash-scan-')), 'scan.pdf');
  writeFileSync(scan, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x20)]));
  const backupFile = join(dirname(scan), 'crash.mdgbak');
  let open = scan;
  const s = makeServices(dataDir, {
    kdfCost: cheapKdf,
    dialogs: { openFile: () => Promise.resolve(open), saveFile: () => Promise.resolve(backupFile) },
  });
  await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
  report('ready');
  const created: string[] = [];
  const lettered = new Set<string>();
  // The account whose password the writer changes (created by the test before the first run).
  const pwAccount = process.argv[4] || null;
  const focus = process.argv[5] && process.argv[5] !== '-' ? process.argv[5] : null;
  let i = 0;
  const doing = (kind: string) => {
    report(`doing ${kind}`);
    const started = performance.now();
    return () => report(`done ${kind} ${Math.round(performance.now() - started)}`);
  };
  const ops: Record<string, () => Promise<void>> = {
    restore: async () => {
      // A backup of this moment restored at once: nothing reported before may go missing, whether
      // the kill strikes before, during or after the swap.
      const backedUp = doing('backup');
      await call(s, 'backup.create', { password: null });
      backedUp();
      const done = doing('restore');
      open = backupFile;
      await call(s, 'backup.choose', {});
      await call(s, 'backup.restore', { password: null });
      open = scan;
      await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
      report('restored');
      done();
    },
    password: async () => {
      // A new temporary password for the test account (a new key pair in vault.json).
      const password = `temporary password ${i}`;
      const done = doing('password');
      report(`intend-password ${password.replaceAll(' ', '_')}`);
      await call(s, 'accounts.resetPassword', { id: pwAccount ?? '', temporaryPassword: password });
      report(`password ${password.replaceAll(' ', '_')}`);
      done();
    },
    purge: async () => {
      // Retention: a request withdrawn with an ID copy, whose copy the purge then deletes.
      const done = doing('purge');
      const x = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
      const e = await call(s, 'enclosures.add', { requestId: x.id, type: 'identity' });
      await call(s, 'requests.transition', { id: x.id, action: 'withdraw', comment: '取下書の受領' });
      const preview = await call(s, 'retention.get', {});
      await call(s, 'retention.purge', { requests: preview.requests.length, idCopies: preview.idCopies.length });
      report(`purged ${e?.id ?? ''}`);
      done();
    },
    rekey: async () => {
      const done = doing('rekey');
      await call(s, 'backup.rotateKey', {});
      report('rekey');
      done();
    },
    revoke: async () => {
      // An account created, then disabled: the disable revokes it (the master key is replaced).
      const made = doing('account');
      const a = await call(s, 'accounts.create', {
        loginName: `staff${seed % 100000}${i}`,
        displayName: '一時 担当',
        roles: ['staff'],
        temporaryPassword: 'temporary password 1',
      });
      report(`account ${a.id}`);
      made();
      const done = doing('revoke');
      report(`intend-revoke ${a.id}`);
      await call(s, 'accounts.update', { id: a.id, disabled: true });
      report(`revoked ${a.id}`);
      done();
    },
    cipher: async () => {
      // As a vault of an earlier version, written with ChaCha20: the next login re-encrypts it
      // with AEGIS (a copy first, then one rekey transaction).
      const done = doing('cipher');
      changeCipher(s.vault.connection(), databaseKeyForTest(s.vault), 'chacha20');
      await s.vault.lock('logout');
      await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
      report('cipher');
      done();
    },
    setting: async () => {
      const days = 1 + Math.floor(random() * 60);
      // Announced first: a kill after the commit but before the report leaves this value.
      const done = doing('setting');
      report(`intend-setting ${days}`);
      await call(s, 'backup.updateSettings', { reminderDays: days });
      report(`setting ${days}`);
      done();
    },
    letter: async () => {
      const done = doing('letter');
      const id = created[created.length - 1] ?? '';
      const letter = await call(s, 'letters.finalize', {
        requestId: id,
        kind: 'receipt',
        ...(lettered.has(id) ? { reissueReason: '再送のため' } : {}),
      });
      lettered.add(id);
      report(`letter ${letter.id}`);
      done();
    },
    upload: async () => {
      const done = doing('upload');
      const e = await call(s, 'enclosures.add', { requestId: created[created.length - 1] ?? '', type: 'requestForm' });
      report(`enclosure ${e?.id ?? ''}`);
      done();
    },
    intake: async () => {
      const done = doing('intake');
      const x = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
      created.push(x.id);
      report(`created ${x.id} ${x.receiptNo}`);
      done();
    },
    step: async () => {
      const done = doing('step');
      const id = created.shift() ?? '';
      await call(s, 'requests.transition', { id, action: 'startCheck', comment: `step ${i}` });
      report(`moved ${id}`);
      done();
    },
  };
  // The usual mix: mostly requests and steps, now and then one of the heavy operations.
  const pick = (): string => {
    const r = random();
    if (r < 0.02) return 'restore';
    if (r < 0.04 && pwAccount) return 'password';
    if (r < 0.05) return 'purge';
    if (r < 0.07) return 'rekey';
    if (r < 0.09) return 'revoke';
    if (r < 0.11) return 'cipher';
    if (r < 0.15) return 'setting';
    if (r < 0.22 && created.length > 0) return 'letter';
    if (r < 0.3 && created.length > 0) return 'upload';
    if (r < 0.65 || created.length === 0) return 'intake';
    return 'step';
  };
  const run = async (kind: string) => {
    const op = ops[kind];
    if (!op) throw new Error(`unknown operation ${kind}`);
    await op();
    i += 1;
  };
  if (focus) {
    // A request to work on, one or two ordinary writes, then the operation the test aims at.
    await run('intake');
    const warmup = Math.floor(random() * 2);
    for (let n = 0; n < warmup; n++) await run(random() < 0.5 ? 'intake' : 'setting');
    await run(focus);
  }
  for (;;) await run(pick());
}

void main().catch((err: unknown) => {
  writeSync(2, `crash-writer failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
