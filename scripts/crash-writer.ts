// The writing process of the crash test (scripts/crash-test.ts), which kills it at random
// moments. It logs in and writes without pause: new requests, workflow steps, settings, letters
// finalized, enclosures taken in, and now and then a database key rotation, an account
// created and disabled (which replaces the master key) or a change of the database's cipher. Each operation is announced before it
// starts ('doing KIND', so the test can count kills per kind) and reported on stdout
// (synchronously) only after it returned, so every reported write must survive the kill.
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
  const pwAccount = process.argv[4] ?? null;
  for (let i = 0; ; i++) {
    const r = random();
    if (r < 0.02) {
      // A backup of this moment restored at once: nothing reported before may go missing, whether
      // the kill strikes before, during or after the swap.
      report('doing restore');
      await call(s, 'backup.create', { password: null });
      open = backupFile;
      await call(s, 'backup.choose', {});
      await call(s, 'backup.restore', { password: null });
      open = scan;
      await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
      report('restored');
    } else if (r < 0.04 && pwAccount) {
      // A new temporary password for the test account (a new key pair in vault.json).
      const password = `temporary password ${i}`;
      report('doing password');
      report(`intend-password ${password.replaceAll(' ', '_')}`);
      await call(s, 'accounts.resetPassword', { id: pwAccount, temporaryPassword: password });
      report(`password ${password.replaceAll(' ', '_')}`);
    } else if (r < 0.05) {
      // Retention: a request withdrawn with an ID copy, whose copy the purge then deletes.
      report('doing purge');
      const x = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
      const e = await call(s, 'enclosures.add', { requestId: x.id, type: 'identity' });
      await call(s, 'requests.transition', { id: x.id, action: 'withdraw', comment: '取下書の受領' });
      const preview = await call(s, 'retention.get', {});
      await call(s, 'retention.purge', { requests: preview.requests.length, idCopies: preview.idCopies.length });
      report(`purged ${e?.id ?? ''}`);
    } else if (r < 0.07) {
      report('doing rekey');
      await call(s, 'backup.rotateKey', {});
      report('rekey');
    } else if (r < 0.09) {
      report('doing revoke');
      const a = await call(s, 'accounts.create', {
        loginName: `staff${seed % 100000}${i}`,
        displayName: '一時 担当',
        roles: ['staff'],
        temporaryPassword: 'temporary password 1',
      });
      await call(s, 'accounts.update', { id: a.id, disabled: true });
      report(`revoked ${a.id}`);
    } else if (r < 0.11) {
      // As a vault of an earlier version, written with ChaCha20: the next login re-encrypts it
      // with AEGIS (a copy first, then one rekey transaction).
      report('doing cipher');
      changeCipher(s.vault.connection(), databaseKeyForTest(s.vault), 'chacha20');
      await s.vault.lock('logout');
      await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
      report('cipher');
    } else if (r < 0.15) {
      const days = 1 + Math.floor(random() * 60);
      // Announced first: a kill after the commit but before the report leaves this value.
      report('doing setting');
      report(`intend-setting ${days}`);
      await call(s, 'backup.updateSettings', { reminderDays: days });
      report(`setting ${days}`);
    } else if (r < 0.22 && created.length > 0) {
      report('doing letter');
      const id = created[created.length - 1] ?? '';
      const letter = await call(s, 'letters.finalize', {
        requestId: id,
        kind: 'receipt',
        ...(lettered.has(id) ? { reissueReason: '再送のため' } : {}),
      });
      lettered.add(id);
      report(`letter ${letter.id}`);
    } else if (r < 0.3 && created.length > 0) {
      report('doing upload');
      const e = await call(s, 'enclosures.add', { requestId: created[created.length - 1] ?? '', type: 'requestForm' });
      report(`enclosure ${e?.id ?? ''}`);
    } else if (r < 0.65 || created.length === 0) {
      report('doing intake');
      const x = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
      created.push(x.id);
      report(`created ${x.id} ${x.receiptNo}`);
    } else {
      report('doing step');
      const id = created.shift() ?? '';
      await call(s, 'requests.transition', { id, action: 'startCheck', comment: `step ${i}` });
      report(`moved ${id}`);
    }
  }
}

void main().catch((err: unknown) => {
  writeSync(2, `crash-writer failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
