import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';

describe('the audit log for an auditor', () => {
  it('names the 受付番号, filters by it, and exports the entries as Japanese sentences in a CSV', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'madoguchi-audit-')), 'audit.csv');
    let target: string | null = out;
    const s = makeServices(tempDataDir(), {
      clock: () => new Date('2026-11-24T01:00:00Z'),
      dialogs: { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(target) },
    });
    await setupVault(s);
    const first = await call(s, 'intake.create', intakeInput());
    const second = await call(s, 'intake.create', intakeInput());
    await call(s, 'requests.transition', { id: second.id, action: 'startCheck', comment: '' });

    const all = await call(s, 'audit.list', { limit: 100, offset: 0 });
    const created = all.entries.find((e) => e.action === 'requests.create' && e.targetId === first.id);
    expect(created?.receiptNo).toBe(first.receiptNo);
    expect(all.entries.find((e) => e.action === 'session.login')?.receiptNo ?? null).toBeNull();

    const one = await call(s, 'audit.list', { receiptNo: second.receiptNo, limit: 100, offset: 0 });
    expect(one.entries.map((e) => e.action)).toEqual(['requests.transition', 'requests.create']);

    const saved = await call(s, 'audit.export', { receiptNo: second.receiptNo });
    expect(saved).toEqual({ saved: true, rows: 2 });
    const csv = readFileSync(out);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('"番号","日時","アカウント","操作","受付番号","内容"');
    expect(lines[1]).toContain(`"請求の段階の変更","${second.receiptNo}","「受付」→「確認中」（確認を開始）"`);
    expect(lines[2]).toContain('請求の種類: 開示、受付方法: 郵送');
    // The export itself is audited; cancelling the dialog saves nothing.
    expect((await call(s, 'audit.list', { action: 'audit.export', limit: 10, offset: 0 })).total).toBe(1);
    target = null;
    expect(await call(s, 'audit.export', {})).toEqual({ saved: false, rows: 0 });
  });
});
