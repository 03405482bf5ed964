import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { emptyDecision } from '../../core/domain/decisions';
import { intakeInput, switchTo, switchToNewAccount } from '../../electron/main/testing/support';
import { BENCH_PASSWORD, type BenchGroup, openBenchVault, round, watched } from '../lib';

// Issue 17 §5: 100 scanned A4 pages with 3 rectangles each redacted, then that set and a
// 10,000-row CSV made into the encrypted package — through the channels, as the window asks —
// while main's event loop is watched: the longest it could not answer another call.

const PAGES = 100;
const CSV_ROWS = 10_000;

// A scan-like page: 200 dpi A4, grey paper noise, lines of "text" strokes, as a JPEG.
function scanPage(seed: number): Buffer {
  const canvas = createCanvas(1654, 2339);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4f4f1';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let x = seed * 7919;
  const random = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  ctx.fillStyle = '#222';
  for (let line = 0; line < 60; line++) {
    let at = 150;
    while (at < 1500) {
      const w = 20 + random() * 60;
      ctx.fillRect(at, 200 + line * 34, w, 18 + random() * 6);
      at += w + 10 + random() * 20;
    }
  }
  for (let i = 0; i < 1500; i++) ctx.fillRect(random() * 1654, random() * 2339, 2, 2);
  return canvas.toBuffer('image/jpeg', 50);
}

async function scannedPdf(path: string): Promise<void> {
  const pdf = await PDFDocument.create();
  const scans = [0, 1, 2, 3, 4].map(scanPage);
  for (let i = 0; i < PAGES; i++) {
    const image = await pdf.embedJpg(scans[i % scans.length] as Buffer);
    pdf.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  writeFileSync(path, await pdf.save());
}

export const disclosure: BenchGroup = {
  name: 'disclosure',
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-bench-disclosure-'));
    try {
      const scan = join(work, 'scan.pdf');
      await scannedPdf(scan);
      const csv = join(work, 'members.csv');
      const rows = Array.from({ length: CSV_ROWS }, (_, i) => `${i + 1},山田 太郎${i},東京都千代田区${i},03-0000-${i}`);
      writeFileSync(csv, `\uFEFF会員番号,氏名,住所,電話番号\n${rows.join('\n')}\n`);
      const out = join(work, 'out');
      mkdirSync(out);
      const opens = [scan, csv];
      const { services, call } = await openBenchVault(join(work, 'vault'), {
        dialogs: {
          openFile: () => Promise.resolve(opens.shift() ?? null),
          saveFile: (o) => Promise.resolve(join(out, o.defaultName)),
        },
      });
      const r = (await call(
        'intake.create',
        intakeInput({ disclosureMethod: { method: 'media', format: 'CSV' } }),
      )) as { id: string };
      for (const action of ['startCheck', 'startInvestigation']) {
        await call('requests.transition', { id: r.id, action, comment: '' });
      }
      const meta = { kind: 'disclosure', system: 'スキャン', exportedOn: '2026-11-23' };
      const doc = (await call('records.add', { requestId: r.id, meta })) as { id: string };
      const reason = '第三者の個人情報を含むため。';
      const marks = Array.from({ length: PAGES }, (_, page) =>
        [0.1, 0.4, 0.7].map((y) => ({
          target: 'area',
          page,
          x: 0.1,
          y,
          width: 0.6,
          height: 0.08,
          ground: 'a33-2-1',
          reason,
        })),
      ).flat();
      await call('records.setMarks', { id: doc.id, marks });
      const table = (await call('records.add', { requestId: r.id, meta: { ...meta, system: '顧客管理' } })) as {
        id: string;
      };
      await call('records.setMarks', {
        id: table.id,
        marks: [{ target: 'column', column: 3, ground: 'a33-2-1', reason }],
      });

      const redaction = await watched(() => call('records.redacted', { id: doc.id }) as Promise<{ pages: number }>);
      if (redaction.result.pages !== PAGES) throw new Error(`pages: ${redaction.result.pages}`);

      await call('requests.transition', { id: r.id, action: 'startDraft', comment: '' });
      await call('requests.saveDecision', {
        id: r.id,
        kind: 'disclosure',
        decision: {
          ...emptyDecision(),
          outcome: 'partial',
          disclosed: '会員情報、申込書',
          withheld: '会員情報.csv: 「電話番号」の列',
          grounds: ['a33-2-1'],
          reason,
          electronic: { format: 'csv', route: 'cdr', linkValidDays: null, passwordRoute: 'letter' },
        },
      });
      await call('requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
      await switchToNewAccount(services, 'shonin', ['staff', 'approver']);
      await call('requests.transition', { id: r.id, action: 'approve', comment: '' });
      await switchTo(services, 'admin', BENCH_PASSWORD);
      await call('letters.finalize', { requestId: r.id, kind: 'disclosureDecision' });
      const packaging = await watched(() => call('packages.build', { requestId: r.id }));
      await services.close();
      return [
        { name: 'disclosure.redact_100_pages_ms', value: round(redaction.ms), unit: 'ms' },
        { name: 'disclosure.package_ms', value: round(packaging.ms), unit: 'ms' },
        {
          name: 'disclosure.max_main_stall_ms',
          value: round(Math.max(redaction.stallMs, packaging.stallMs)),
          unit: 'ms',
          note: `redaction ${round(redaction.stallMs)} ms, package ${round(packaging.stallMs)} ms`,
        },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
