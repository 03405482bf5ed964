import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLetter } from '../../../core/domain/letters/catalogue';
import { Organisation } from '../../../core/domain/organisation';
import { organisation, RESOURCES_DIR } from '../testing/support';
import { caseFor } from './fixtures/letter-cases';
import { LetterFonts, renderLetter } from './letter';
import { renderReport } from './report';
import { PadesSigner, readPkcs12 } from './sign';
import { renderTableDocument } from './table-document';
import { makeP12 } from './test-certificate';

// What a PDF says about itself, read by qpdf and poppler: a trailer /ID, the title in the Info
// dictionary (shown in the title bar), the language in the catalog, and both in XMP metadata.

const fonts = LetterFonts.inResources(RESOURCES_DIR);
const org = Organisation.parse(organisation);
const dir = mkdtempSync(join(tmpdir(), 'madoguchi-meta-'));
let n = 0;

type Objects = Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }>;

function described(bytes: Uint8Array, title: string): string {
  const file = join(dir, `m${n++}.pdf`);
  writeFileSync(file, bytes);
  const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as {
    qpdf: [unknown, Objects];
  };
  const objects = json.qpdf[1];
  const trailer = objects['trailer']?.value ?? {};
  const id = trailer['/ID'] as string[] | undefined;
  expect(id).toHaveLength(2);
  expect(id?.[0]).toMatch(/^b:[0-9a-f]{32}$/);
  expect(id?.[1]).toBe(id?.[0]);
  const info = objects[`obj:${String(trailer['/Info'])}`]?.value ?? {};
  expect(info['/Title']).toBe(`u:${title}`);
  const catalog = objects[`obj:${String(trailer['/Root'])}`]?.value ?? {};
  expect(catalog['/Lang']).toBe('u:ja-JP');
  const metadata = objects[`obj:${String(catalog['/Metadata'])}`]?.stream?.dict ?? {};
  expect(metadata).toMatchObject({ '/Type': '/Metadata', '/Subtype': '/XML' });
  const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
  // Escaped as XML text (a report's title may have < and &).
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  expect(xmp).toContain(`<rdf:li xml:lang="x-default">${escaped}</rdf:li>`);
  expect(xmp).toMatch(/<dc:language><rdf:Bag><rdf:li>ja-JP<\/rdf:li><\/rdf:Bag><\/dc:language>/);
  // The reader shows the title, not the file name.
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(new RegExp(`Title:\\s+${title}`));
  return file;
}

describe('document metadata', () => {
  it('is in every letter, signed or not, and a signed letter still passes qpdf and pdfsig', async () => {
    const letter = buildLetter('nonexistent', caseFor('nonexistent'), org, {
      documentNo: '個保第9号',
      date: '2026-11-24',
      dateStyle: 'wareki',
    });
    const title = '保有個人データが存在しない旨の通知（2026-0042）';
    described((await renderLetter(letter, fonts, { windowEnvelope: true, seal: null, title })).bytes, title);

    const signer = new PadesSigner(readPkcs12(makeP12(dir, 'meta pass'), 'meta pass'));
    const signed = await renderLetter(letter, fonts, {
      windowEnvelope: false,
      seal: null,
      title,
      signature: {
        signer,
        at: new Date('2026-11-24T01:00:00Z'),
        name: org.companyName,
        reason: title,
        location: '',
        contactInfo: '',
      },
    });
    const file = described(signed.bytes, title);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).not.toMatch(/WARNING/i);
    expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).toContain('Signature is Valid.');
  });

  it('is in reports and disclosed tables', async () => {
    const report = await renderReport(
      {
        title: '月次報告 <2026年10月> & 比較',
        byline: [],
        sections: [],
        perMonth: [],
        chartTo: '2026-10',
        outcomes: [],
        comment: '',
      },
      fonts,
    );
    described(report.bytes, '月次報告 <2026年10月> & 比較');
    const table = await renderTableDocument(
      { title: '開示する記録「会員.csv」', subtitle: '', header: ['氏名'], rows: [['山田 太郎']] },
      fonts,
    );
    described(table, '開示する記録「会員.csv」');
  });
});
