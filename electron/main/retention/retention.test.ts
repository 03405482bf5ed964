import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode, listFilter } from '../../../core/contract';
import {
  call,
  completeRequest,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  ADMIN_PASSWORD,
  OTHER_PASSWORD,
  tempDataDir,
} from '../testing/support';
import type { Services } from '../composition';

const pdf = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'madoguchi-retention-')), 'id.pdf');
  writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 0x20)]));
  return file;
};

const complete = (s: Services, id: string, at: (day: string) => void, days: { approve: string; close: string }) =>
  completeRequest(s, id, {
    drafter: { loginName: 'admin', password: ADMIN_PASSWORD },
    approver: { loginName: 'shonin', password: OTHER_PASSWORD },
    at,
    approveOn: days.approve,
    closeOn: days.close,
  });

describe('retention', () => {
  it('purges exactly what the settings say, ID copies first, and keeps the statistics through tombstones', async () => {
    let now = new Date('2022-03-01T01:00:00Z');
    const at = (day: string) => {
      now = new Date(`${day}T01:00:00Z`);
    };
    const files: string[] = [];
    const s = makeServices(tempDataDir(), {
      clock: () => now,
      dialogs: { openFile: () => Promise.resolve(files.shift() ?? null), saveFile: () => Promise.resolve(null) },
    });
    await setupVault(s);
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    await switchTo(s, 'admin', ADMIN_PASSWORD);

    // Old: completed 2022-03-10 (past 3 years), with an ID copy.
    const old = await call(s, 'intake.create', intakeInput({ arrivalDate: '2022-03-01' }));
    files.push(pdf());
    await call(s, 'enclosures.add', { requestId: old.id, type: 'identity' });
    await complete(s, old.id, at, { approve: '2022-03-08', close: '2022-03-10' });
    // Old but withdrawn 2023-06-05 (past 3 years by 2026-11-22).
    at('2023-06-01');
    const gone = await call(s, 'intake.create', intakeInput({ arrivalDate: '2023-06-01' }));
    at('2023-06-05');
    await call(s, 'requests.transition', { id: gone.id, action: 'withdraw', comment: '山田様より取下げの電話' });
    // Kept: completed 2024-01-10 (under 3 years), with its ID copy and its request form.
    at('2024-01-04');
    const kept = await call(s, 'intake.create', intakeInput({ arrivalDate: '2024-01-04' }));
    files.push(pdf(), pdf());
    await call(s, 'enclosures.add', { requestId: kept.id, type: 'identity' });
    await call(s, 'enclosures.add', { requestId: kept.id, type: 'requestForm' });
    await complete(s, kept.id, at, { approve: '2024-01-09', close: '2024-01-10' });
    // Recent: completed 2026-11-10, ID copy; and an open request with an ID copy.
    at('2026-11-02');
    const recent = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-02' }));
    files.push(pdf());
    await call(s, 'enclosures.add', { requestId: recent.id, type: 'identity' });
    await complete(s, recent.id, at, { approve: '2026-11-06', close: '2026-11-10' });
    const open = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-10' }));
    files.push(pdf());
    await call(s, 'enclosures.add', { requestId: open.id, type: 'identity' });
    at('2026-11-22');

    const reports = async () => ({
      y2022: await call(s, 'reports.get', { kind: 'year', value: '2022' }),
      y2023: await call(s, 'reports.get', { kind: 'year', value: '2023' }),
      m202203: await call(s, 'reports.get', { kind: 'month', value: '2022-03' }),
    });
    const before = await reports();
    expect(before.y2022.current).toMatchObject({ completed: 1, answered: 1 });

    // ID copies after 30 days: the recent request's copy stays.
    await call(s, 'retention.updateSettings', { completedYears: 3, idCopyDays: 30 });
    const preview = await call(s, 'retention.get', {});
    expect(preview.requests.map((r) => r.receiptNo)).toEqual([old.receiptNo, gone.receiptNo]);
    expect(preview.requests[0]).toMatchObject({ kinds: ['開示'], closedOn: '2022-03-10' });
    expect(preview.idCopies.map((c) => c.receiptNo)).toEqual([old.receiptNo, kept.receiptNo]);

    // The list must be the one the administrator saw.
    const changed = await failure(call(s, 'retention.purge', { requests: 1, idCopies: 2 }));
    expect(changed.code).toBe(ErrorCode.CONFLICT);
    expect(await call(s, 'retention.purge', { requests: 2, idCopies: 2 })).toEqual({
      requests: 2,
      idCopies: 2,
      forms: 0,
    });

    // Tombstones: not listed, not opened, no personal data left anywhere in their rows.
    const db = s.vault.connection();
    const listed = (await call(s, 'requests.list', listFilter({ statuses: [] }))).rows.map((r) => r.receiptNo);
    expect(listed).not.toContain(old.receiptNo);
    expect(listed).toContain(kept.receiptNo);
    const opened = await failure(call(s, 'requests.get', { id: old.id }));
    expect(opened.code).toBe(ErrorCode.NOT_FOUND);
    expect(opened.message).toContain('保存期間を過ぎたため削除されています');
    for (const table of [
      'requests',
      'request_parties',
      'request_items',
      'request_events',
      'request_decisions',
      'request_dispatches',
      'identity_documents',
      'enclosures',
      'letters',
    ]) {
      const column = table === 'requests' ? 'id' : 'request_id';
      const rows = JSON.stringify(db.prepare(`SELECT * FROM ${table} WHERE ${column} IN (?, ?)`).all(old.id, gone.id));
      for (const personal of ['山田', 'ヤマダ', '千代田', '03-1234-5678', '1234']) {
        expect(rows, `${table} still holds ${personal}`).not.toContain(personal);
      }
    }
    expect(db.prepare('SELECT count(*) FROM enclosures WHERE request_id = ?').pluck().get(old.id)).toBe(0);
    // The kept request lost its ID copy only; the open and recent ones lost nothing.
    const content = (id: string) =>
      db
        .prepare('SELECT type, content IS NOT NULL AS stored FROM enclosures WHERE request_id = ? ORDER BY type')
        .all(id);
    expect(content(kept.id)).toEqual([
      { type: 'identity', stored: 0 },
      { type: 'requestForm', stored: 1 },
    ]);
    expect(content(recent.id)).toEqual([{ type: 'identity', stored: 1 }]);
    expect(content(open.id)).toEqual([{ type: 'identity', stored: 1 }]);

    // The reports count the same through the tombstones.
    expect(await reports()).toEqual(before);
    // One audit entry per copy and per request, naming the tombstone.
    const audit = await call(s, 'audit.list', { offset: 0, limit: 50, action: 'retention.purge' });
    expect(audit.entries.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        `receipt=${old.receiptNo} kinds=disclosure arrival=2022-03-01 closed=2022-03-10 outcome=disclosure:full`,
        `receipt=${gone.receiptNo} kinds=disclosure arrival=2023-06-01 closed=2023-06-05 outcome=none`,
      ]),
    );
    expect((await call(s, 'audit.list', { offset: 0, limit: 50, action: 'retention.idCopy' })).entries).toHaveLength(2);
    expect(await call(s, 'audit.verify', {})).toMatchObject({ ok: true });

    // Nothing is left to purge; copies at completion (0 days) now takes the recent copy too.
    expect(await call(s, 'retention.get', {})).toMatchObject({ requests: [], idCopies: [] });
    await call(s, 'retention.updateSettings', { completedYears: 3, idCopyDays: 0 });
    expect((await call(s, 'retention.get', {})).idCopies.map((c) => c.receiptNo)).toEqual([recent.receiptNo]);
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    expect((await failure(call(s, 'retention.purge', { requests: 0, idCopies: 1 }))).code).toBe(ErrorCode.FORBIDDEN);
    await s.close();
  });
});
