import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { emptyDecision } from '../../../core/domain/decisions';
import { makeP12 } from '../pdf/test-certificate';
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

// On paper: one PDF to print — the decision letter, the table found as a 別紙 with withheld cells
// printed 「（不開示）」, the call note as redacted page images, the text note — every 別紙 page
// labelled 「別紙2 1/2」, the withheld values nowhere, and the whole signed once.

const NOW = new Date('2026-11-24T01:00:00Z');

async function callNote(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595.28, 841.89]).drawText('PublicCallSummary', { x: 60, y: 500, size: 14, font });
  pdf.addPage([595.28, 841.89]).drawText('SecretOperatorNote', { x: 60, y: 760, size: 14, font });
  return Buffer.from(await pdf.save());
}

describe('records on paper', () => {
  it('prints the disclosed values and never the withheld ones, in one signed PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-record-letter-'));
    const csv = join(dir, '会員情報.csv');
    writeFileSync(csv, '会員番号,氏名,紹介者\n1001,山田 太郎,秘密 一郎\n1002,山田 太郎,秘密 二郎\n');
    const note = join(dir, 'call-note.pdf');
    writeFileSync(note, await callNote());
    const memo = join(dir, 'memo.txt');
    writeFileSync(memo, '応対メモ：住所変更のご依頼\n2026/10/01 受付');
    const wide = join(dir, '購入履歴.csv');
    const columns = Array.from({ length: 12 }, (_, i) => `項目${i + 1}`);
    writeFileSync(wide, `${columns.join(',')}\n${columns.map((c) => `${c}の値（長めの説明文）`).join(',')}\n`);
    const opens = [csv, note, memo, wide, join(dir, 'id.p12')];
    const s = makeServices(tempDataDir(), {
      clock: () => NOW,
      dialogs: { openFile: () => Promise.resolve(opens.shift() ?? null), saveFile: () => Promise.resolve(null) },
    });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    for (const action of ['startCheck', 'startInvestigation'] as const) {
      await call(s, 'requests.transition', { id: r.id, action, comment: '' });
    }
    const meta = { kind: 'disclosure' as const, system: '顧客管理システム', exportedOn: '2026-11-23' };
    const table = await call(s, 'records.add', { requestId: r.id, meta });
    const reason = '第三者の個人情報を含むため。';
    await call(s, 'records.setMarks', {
      id: table?.id ?? '',
      marks: [{ target: 'column', column: 2, ground: 'a33-2-1', reason }],
    });
    const pdf = await call(s, 'records.add', { requestId: r.id, meta: { ...meta, system: 'コールセンター' } });
    await call(s, 'records.setMarks', {
      id: pdf?.id ?? '',
      marks: [{ target: 'area', page: 1, x: 0, y: 0.05, width: 1, height: 0.1, ground: 'a33-2-2', reason }],
    });
    await call(s, 'records.add', { requestId: r.id, meta: { ...meta, system: '応対記録' } });
    await call(s, 'records.add', { requestId: r.id, meta: { ...meta, system: '販売管理' } });
    await call(s, 'requests.transition', { id: r.id, action: 'startDraft', comment: '' });
    await call(s, 'requests.saveDecision', {
      id: r.id,
      kind: 'disclosure',
      decision: {
        ...emptyDecision(),
        outcome: 'partial',
        disclosed: '会員情報、通話記録、応対メモ',
        withheld: '会員情報.csv: 「紹介者」の列\ncall-note.pdf: 2ページ目の黒塗りの部分',
        grounds: ['a33-2-1', 'a33-2-2'],
        reason,
      },
    });
    await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    await call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const preview = (await call(s, 'letters.preview', { requestId: r.id, kind: 'disclosureDecision' })).base64;
    const bundle = join(dir, 'preview.pdf');
    writeFileSync(bundle, Buffer.from(preview, 'base64'));
    const pageText = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), bundle, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
    const text = pdfText(preview);
    expect(text).toContain('開示する記録別紙1〜4のとおり（4件）');
    expect(text).toContain('開示する記録「会員情報.csv」（顧客管理システム、2026/11/23出力）');
    expect(text).toContain('1001山田太郎（不開示）');
    expect(text).toContain('「call-note.pdf」（コールセンター、2026/11/23出力）（黒塗りの部分は不開示）');
    // Tables first: the 12-column one on an A4 landscape page.
    const size = (n: number) =>
      /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(
        execFileSync('pdfinfo', ['-f', String(n), '-l', String(n), bundle], { encoding: 'utf8' }),
      );
    // (The letter takes one page or two: found, not counted.)
    const landscape = (n: number) => Number(size(n)?.[1]) > Number(size(n)?.[2]);
    const landscapeAt = [2, 3, 4].find(landscape) ?? 0;
    expect(pageText(landscapeAt)).toContain('購入履歴.csv');
    expect(pageText(landscapeAt - 1)).toContain('会員情報.csv');
    expect(landscape(landscapeAt - 1)).toBe(false);
    // The call note's two pages, each labelled in the top margin.
    expect(pageText(landscapeAt + 1)).toMatch(/別紙3 1\/2 /);
    expect(pageText(landscapeAt + 2)).toMatch(/別紙3 .*2\/2/);
    expect(text).toContain('応対メモ：住所変更のご依頼');
    // The document is pixels only: none of its words, withheld or not, is text in the PDF.
    expect(text).not.toMatch(/秘密|Secret|PublicCall/);

    // Finalized with a certificate: the bundle is signed once, and the signature holds.
    makeP12(dir, 'pass');
    await call(s, 'letters.importCertificate', { passphrase: 'pass' });
    const done = await call(s, 'letters.finalize', { requestId: r.id, kind: 'disclosureDecision' });
    expect(done.signed).toBe(true);
    const file = join(dir, 'bundle.pdf');
    writeFileSync(file, Buffer.from((await call(s, 'letters.content', { id: done.id })).base64, 'base64'));
    const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    expect(sig.stdout.match(/Signature #/g)).toHaveLength(1);
    expect(sig.stdout).toContain('Signature is Valid.');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    await s.close();
  });
});
