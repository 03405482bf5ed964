import { ErrorCode, type RequestDetail } from '../../../core/contract';
import { slashDate } from '../../../core/domain/dates';
import { fitColumns, wantsLandscape } from '../../../core/domain/table';
import { Marks, disclosedRows } from '../../../core/domain/disclosure/marks';
import { tableFormats, type RecordFormat } from '../../../core/domain/disclosure/records';
import type { Letter, LetterKind } from '../../../core/domain/letters/catalogue';
import { getDisclosureRecordContent, listDisclosureRecords } from '../db/repositories/disclosure-records';
import { isDocument } from '../disclosure/redact';
import { redactedDocument } from '../disclosure/redacted';
import type { Vault } from '../vault/vault';
import { decodeText, readTable } from '../disclosure/tables';
import { AppError } from '../errors';

// On paper (書面の交付, issue 17 §3): the decision letter of a 開示 carries each record found as a
// 別紙 — tables with their header repeated on every page and withheld cells printed 「（不開示）」,
// then documents as redacted page images, then text notes — so that the withheld values never
// reach the PDF, and the whole is signed once.

export { WITHHELD_CELL } from '../../../core/domain/disclosure/marks';
// More rows than a letter should carry: the answer is better given as an 電磁的記録.
export const MAX_PAPER_ROWS = 5_000;

const letterKindOf: Partial<Record<LetterKind, 'disclosure' | 'thirdPartyRecords'>> = {
  disclosureDecision: 'disclosure',
  thirdPartyRecordsDecision: 'thirdPartyRecords',
};

// The 別紙 of the records a letter of this kind carries (none for other letters, and none when the
// data go as an 電磁的記録: the package carries them). Read once per letter and added to each
// build of it (withRecordAnnexes).
export async function recordAnnexes(vault: Vault, r: RequestDetail, kind: LetterKind): Promise<Letter['annexes']> {
  const db = vault.q();
  const requestKind = letterKindOf[kind];
  if (!requestKind) return [];
  const decision = r.decisions.find((d) => d.kind === requestKind)?.decision;
  if (!decision || (decision.outcome !== 'full' && decision.outcome !== 'partial')) return [];
  if (decision.electronic) return [];
  const records = (await listDisclosureRecords(db, r.id)).filter((x) => x.kind === requestKind);
  const annexes: Letter['annexes'] = [];
  const origin = (x: (typeof records)[number]) => `「${x.file_name}」（${x.system}、${slashDate(x.exported_on)}出力）`;
  let total = 0;
  // Tables first, then the documents (redacted page images) and text notes.
  for (const x of records.filter((y) => tableFormats.includes(y.format as RecordFormat))) {
    const content = await getDisclosureRecordContent(db, x.id);
    if (!content) continue;
    const t = await readTable(content, x.format as RecordFormat);
    total += t.rows.length;
    if (total > MAX_PAPER_ROWS) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `添付した表が合計${MAX_PAPER_ROWS.toLocaleString('ja-JP')}行を超えるため、書面に印刷できません。電磁的記録による提供をご検討ください。`,
      );
    }
    const marks = Marks.parse(JSON.parse(x.marks_json ?? '[]'));
    const rows = disclosedRows(t.header, t.rows, marks);
    annexes.push({
      title: `開示する記録${origin(x)}`,
      lines: [],
      table: { header: t.header, rows, widths: fitColumns(t.header, rows), landscape: wantsLandscape(t.header, rows) },
    });
  }
  for (const x of records.filter((y) => !tableFormats.includes(y.format as RecordFormat))) {
    if (isDocument(x.format as RecordFormat)) {
      // Every document goes on paper as page images: rectangles filled, nothing else of the file.
      const marks = Marks.parse(JSON.parse(x.marks_json ?? '[]'));
      annexes.push({
        title: `開示する記録${origin(x)}${marks.length > 0 ? '（黒塗りの部分は不開示）' : ''}`,
        lines: [],
        document: await redactedDocument(vault, x),
      });
    } else {
      const content = await getDisclosureRecordContent(db, x.id);
      if (!content) continue;
      annexes.push({ title: `開示する記録${origin(x)}`, lines: (decodeText(content) ?? '').split(/\r?\n/) });
    }
  }
  return annexes;
}

export function withRecordAnnexes(letter: Letter, annexes: Letter['annexes']): Letter {
  if (annexes.length === 0) return letter;
  const first = letter.annexes.length + 1;
  const last = letter.annexes.length + annexes.length;
  const named =
    annexes.length === 1 && letter.annexes.length === 0
      ? '別紙'
      : first === last
        ? `別紙${first}`
        : `別紙${first}〜${last}`;
  const at = letter.items.findIndex((i) => i.label.startsWith('決定'));
  const items = [...letter.items];
  items.splice(at + 1, 0, { label: '開示する記録', text: `${named}のとおり（${annexes.length}件）` });
  return { ...letter, items, annexes: [...letter.annexes, ...annexes] };
}
