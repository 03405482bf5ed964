import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDecision } from '../../../core/domain/decisions';
import { pdfText } from '../testing/pdf-text';
import {
  ADMIN_PASSWORD,
  call,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// On paper: the 開示 decision letter carries the table found as a 別紙, withheld cells printed
// 「（不開示）」, and the withheld values nowhere in the PDF.

const NOW = new Date('2026-11-24T01:00:00Z');

describe('tables on paper', () => {
  it('prints the disclosed values and never the withheld ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-record-letter-'));
    const csv = join(dir, '会員情報.csv');
    writeFileSync(csv, '会員番号,氏名,紹介者\n1001,山田 太郎,秘密 一郎\n1002,山田 太郎,秘密 二郎\n');
    const s = makeServices(tempDataDir(), {
      clock: () => NOW,
      dialogs: { openFile: () => Promise.resolve(csv), saveFile: () => Promise.resolve(null) },
    });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    for (const action of ['startCheck', 'startInvestigation'] as const) {
      await call(s, 'requests.transition', { id: r.id, action, comment: '' });
    }
    const record = await call(s, 'records.add', {
      requestId: r.id,
      meta: { kind: 'disclosure', system: '顧客管理システム', exportedOn: '2026-11-23' },
    });
    const reason = '第三者の個人情報を含むため。';
    await call(s, 'records.setMarks', {
      id: record?.id ?? '',
      marks: [{ target: 'column', column: 2, ground: 'a33-2-1', reason }],
    });
    await call(s, 'requests.transition', { id: r.id, action: 'startDraft', comment: '' });
    await call(s, 'requests.saveDecision', {
      id: r.id,
      kind: 'disclosure',
      decision: {
        ...emptyDecision(),
        outcome: 'partial',
        disclosed: '会員情報',
        withheld: '会員情報.csv: 「紹介者」の列',
        grounds: ['a33-2-1'],
        reason,
      },
    });
    await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    await call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const text = pdfText((await call(s, 'letters.preview', { requestId: r.id, kind: 'disclosureDecision' })).base64);
    expect(text).toContain('開示する記録別紙のとおり（1件）');
    expect(text).toContain('開示する記録「会員情報.csv」（顧客管理システム、2026/11/23出力）');
    expect(text).toContain('1001山田太郎（不開示）');
    expect(text).toContain('1002');
    expect(text).not.toContain('秘密');
    await s.close();
  });
});
