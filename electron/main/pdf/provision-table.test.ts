import { describe, expect, it } from 'vitest';
import { buildLetter } from '../../../core/domain/letters/catalogue';
import { sampleLetterCase } from '../../../core/domain/letters/sample';
import { emptyDecision } from '../../../core/domain/decisions';
import { Organisation } from '../../../core/domain/organisation';
import { emptyProvisionRecord, type ProvisionRecord } from '../../../core/domain/provision-records';
import { pdfText } from '../testing/pdf-text';
import { organisation, RESOURCES_DIR } from '../testing/support';
import { LetterFonts, renderLetter } from './letter';

// The 第三者提供記録 disclosed are printed as a table on a 別紙: every record, the header again on
// each page the table continues on, and nothing of a record excluded by 施行令11条.

const fonts = LetterFonts.inResources(RESOURCES_DIR);

describe('the 第三者提供記録 table', () => {
  it('prints every disclosed record across pages, with the header repeated, and no excluded record', async () => {
    const records: ProvisionRecord[] = Array.from({ length: 40 }, (_, i) => ({
      ...emptyProvisionRecord(),
      date: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
      counterparty: `提供先${i + 1}号株式会社`,
      items: '氏名、住所、電話番号、購入履歴（商品名・数量・金額）',
    }));
    records.splice(7, 0, { ...records[0]!, counterparty: '除外対象署', exclusion: 'r11-4' });
    const letter = buildLetter(
      'thirdPartyRecordsDecision',
      {
        ...sampleLetterCase,
        items: [{ kind: 'thirdPartyRecords', dataItems: '', grounds: [] }],
        decisions: [{ kind: 'thirdPartyRecords', decision: { ...emptyDecision(), provisionRecords: records } }],
      },
      Organisation.parse(organisation),
      { documentNo: '個保第7号', date: '2026-11-24', dateStyle: 'seireki' },
    );
    const rendered = await renderLetter(letter, fonts, { windowEnvelope: false, seal: null });
    expect(rendered.pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(Buffer.from(rendered.bytes).toString('base64'));
    expect(text).toContain('別紙「第三者提供記録」のとおり（40件）');
    for (let i = 1; i <= 40; i++) expect(text).toContain(`提供先${i}号株式会社`);
    expect(text).not.toContain('除外対象署');
    // The header on the first table page and on every page the table continues on.
    const headers = text.split('個人データの項目').length - 1;
    expect(headers).toBeGreaterThanOrEqual(2);
    expect(text).toContain('第三者提供記録（続き）');
  });
});
