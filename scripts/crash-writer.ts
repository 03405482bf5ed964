// The writing process of the crash test (scripts/crash-test.ts), which kills it at random
// moments. It logs in and writes without pause: new requests, workflow steps, settings, and now
// and then a database key rotation. Each write is reported on stdout (synchronously) only after
// it returned, so every reported write must survive the kill.
import { writeSync } from 'node:fs';
import { ADMIN_PASSWORD, call, cheapKdf, intakeInput, makeServices } from '../electron/main/services/test-support';

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
  const s = makeServices(dataDir, { kdfCost: cheapKdf });
  await call(s, 'session.login', { loginName: 'admin', password: ADMIN_PASSWORD });
  report('ready');
  const created: string[] = [];
  for (let i = 0; ; i++) {
    const r = random();
    if (r < 0.04) {
      await call(s, 'backup.rotateKey', {});
      report('rekey');
    } else if (r < 0.12) {
      const days = 1 + Math.floor(random() * 60);
      // Announced first: a kill after the commit but before the report leaves this value.
      report(`intend-setting ${days}`);
      await call(s, 'backup.updateSettings', { reminderDays: days });
      report(`setting ${days}`);
    } else if (r < 0.6 || created.length === 0) {
      const x = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
      created.push(x.id);
      report(`created ${x.id} ${x.receiptNo}`);
    } else {
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
