import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultReasonLibrary, emptyDecision } from '../../../core/domain/decisions';
import {
  buildLetter,
  letterKinds,
  letterLabels,
  type LetterCase,
  type LetterKind,
} from '../../../core/domain/letters/catalogue';
import { NO_LINE_END, NO_LINE_START } from '../../../core/domain/letters/kinsoku';
import { Organisation } from '../../../core/domain/organisation';
import { organisation, RESOURCES_DIR } from '../services/test-support';
import { LetterFonts, renderLetter } from './letter';

const fonts = LetterFonts.inResources(RESOURCES_DIR);
const org = Organisation.parse(organisation);
const reason = (id: string) => defaultReasonLibrary.find((t) => t.id === id)?.text ?? '';

// A realistic case per letter kind (fictional person).
function caseFor(kind: LetterKind): LetterCase {
  const base: LetterCase = {
    receiptNo: '2026-0042',
    arrivalDate: '2026-11-02',
    addressee: {
      postalCode: '100-0001',
      address: '東京都千代田区千代田1-1 千代田マンション101号室',
      name: '山田 太郎',
    },
    items: [{ kind: 'disclosure', dataItems: '会員情報、2023年4月以降の購入履歴' }],
    decisions: [],
    disclosureMethod: 'paper',
    fee: { due: 1000, accepted: 1000, shortfall: 0, toReturn: 0 },
    cure: null,
    extension: null,
    dueDate: '2026-11-16',
    declineReason: '',
    withdrawnOn: null,
  };
  const d = emptyDecision();
  switch (kind) {
    case 'cure':
    case 'feeShortfall':
      return {
        ...base,
        fee: { due: 1000, accepted: 500, shortfall: 500, toReturn: 0 },
        cure: {
          defects: [
            'ご提出いただいたご本人の運転免許証は有効期限（2026年10月1日）が過ぎています。請求書の到達日において有効な書類の写しをご提出ください。',
            '手数料の不足分 500円',
          ],
          dueDate: '2026-11-16',
        },
      };
    case 'purposeNotice':
      return {
        ...base,
        items: [{ kind: 'purpose', dataItems: '' }],
        decisions: [
          {
            kind: 'purpose',
            decision: { ...d, outcome: 'notify', disclosed: '商品の発送、アフターサービス、新商品のご案内のため' },
          },
        ],
      };
    case 'purposeNotNotified':
      return {
        ...base,
        items: [{ kind: 'purpose', dataItems: '' }],
        decisions: [
          {
            kind: 'purpose',
            decision: { ...d, outcome: 'notNotify', grounds: ['a32-2-clear'], reason: reason('purpose-clear') },
          },
        ],
      };
    case 'disclosureDecision':
      return {
        ...base,
        decisions: [
          {
            kind: 'disclosure',
            decision: {
              ...d,
              outcome: 'partial',
              disclosed: '会員情報（氏名、住所、電話番号）、購入履歴',
              withheld: 'お問い合わせ対応記録のうち第三者に関する記載',
              grounds: ['a33-2-1'],
              reason: reason('third-party-harm'),
            },
          },
        ],
      };
    case 'nonDisclosure':
      return {
        ...base,
        decisions: [
          {
            kind: 'disclosure',
            decision: { ...d, outcome: 'nonexistent', grounds: ['nonexistent'], reason: reason('nonexistent') },
          },
        ],
      };
    case 'thirdPartyRecordsDecision':
      return {
        ...base,
        items: [{ kind: 'thirdPartyRecords', dataItems: '2024年以降の第三者提供記録' }],
        decisions: [
          {
            kind: 'thirdPartyRecords',
            decision: {
              ...d,
              outcome: 'nonexistent',
              grounds: ['recordNonexistent'],
              reason: reason('record-nonexistent'),
            },
          },
        ],
      };
    case 'correctionDecision':
      return {
        ...base,
        fee: { due: 0, accepted: 0, shortfall: 0, toReturn: 0 },
        items: [{ kind: 'correction', dataItems: '登録住所' }],
        decisions: [
          {
            kind: 'correction',
            decision: { ...d, outcome: 'done', changes: '登録住所を「東京都千代田区千代田1-1」に訂正しました。' },
          },
        ],
      };
    case 'suspensionDecision':
      return {
        ...base,
        fee: { due: 0, accepted: 0, shortfall: 0, toReturn: 0 },
        items: [
          { kind: 'erasure', dataItems: '会員情報' },
          { kind: 'stopThirdParty', dataItems: '提携先への提供' },
        ],
        decisions: [
          {
            kind: 'erasure',
            decision: { ...d, outcome: 'notDone', grounds: ['a35-notApplicable'], reason: reason('retention-duty') },
          },
          {
            kind: 'stopThirdParty',
            decision: {
              ...d,
              outcome: 'alternative',
              grounds: ['alternative'],
              reason: reason('alternative-measure'),
              alternativeMeasure: '提携先への提供を停止し、提供済みデータの削除を依頼しました。',
            },
          },
        ],
      };
    case 'extension':
      return { ...base, extension: { date: '2026-11-30', reason: '複数の部署への照会に時間を要しているため。' } };
    case 'withdrawal':
      return { ...base, withdrawnOn: '2026-11-05' };
    case 'declined':
      return {
        ...base,
        declineReason: '当社所定の請求書によらない請求であり、補正の求めにも応じていただけなかったため。',
      };
    default:
      return base;
  }
}

const tool = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe('letters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-letters-'));

  it.each(letterKinds.map((k) => [k, letterLabels[k]]))(
    'renders %s (%s) as a valid A4 PDF with embedded fonts and 禁則',
    async (kind) => {
      const letter = buildLetter(kind, caseFor(kind), org, {
        documentNo: '個保第42号',
        date: '2026-11-22',
        dateStyle: 'wareki',
      });
      const rendered = await renderLetter(letter, fonts, { windowEnvelope: kind === 'receipt', seal: null });
      for (const [i, line] of rendered.lines.entries()) {
        const chars = Array.from(line);
        expect(NO_LINE_START.has(chars[0] ?? ''), `line ${i} starts: ${line}`).toBe(false);
        expect(NO_LINE_END.has(chars.at(-1) ?? ''), `line ${i} ends: ${line}`).toBe(false);
      }
      const file = join(dir, `${kind}.pdf`);
      writeFileSync(file, rendered.bytes);
      expect(tool('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors found/);
      const fontsOut = tool('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
      expect(fontsOut.length).toBeGreaterThan(0);
      for (const row of fontsOut) expect(row, row).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
      const text = tool('pdftotext', ['-layout', file, '-']).replace(/[ \t]+/g, ' ');
      expect(text).toContain('山田 太郎 様');
      expect(text).toContain('2026-0042');
      expect(text).toContain('以上');
      expect(text).toContain('令和8年11月22日');
      expect(text).toContain(letter.title.slice(0, 10));
    },
  );

  it('states the decision, the article and the reason of a partial disclosure', async () => {
    const letter = buildLetter('disclosureDecision', caseFor('disclosureDecision'), org, {
      documentNo: '個保第43号',
      date: '2026-11-22',
      dateStyle: 'seireki',
    });
    const rendered = await renderLetter(letter, fonts, { windowEnvelope: false, seal: null });
    const file = join(dir, 'partial.pdf');
    writeFileSync(file, rendered.bytes);
    const text = tool('pdftotext', [file, '-']).replace(/\s+/g, '');
    expect(text).toContain('一部開示');
    expect(text).toContain('第33条第2項第1号');
    expect(text).toContain('2026年11月22日');
    expect(text).toContain('【お問い合わせ先】お客様相談室');
  });

  it('moves a long list of defects to a 別紙 page and numbers the pages', async () => {
    const c = caseFor('cure');
    const long = {
      ...c,
      cure: {
        defects: Array.from({ length: 12 }, (_, i) => `不備の内容その${i + 1}。書類の写しをご提出ください。`),
        dueDate: '2026-11-16',
      },
    };
    const rendered = await renderLetter(
      buildLetter('cure', long, org, { documentNo: '個保第44号', date: '2026-11-22', dateStyle: 'wareki' }),
      fonts,
      {
        windowEnvelope: false,
        seal: null,
      },
    );
    expect(rendered.pages).toBe(2);
    const file = join(dir, 'annex.pdf');
    writeFileSync(file, rendered.bytes);
    const text = tool('pdftotext', [file, '-']);
    expect(text).toContain('別紙');
    expect(text).toMatch(/2\s*\/\s*2/);
    expect(text).toContain('不備の内容その12');
  });
});
