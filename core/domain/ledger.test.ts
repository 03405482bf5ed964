import { describe, expect, it } from 'vitest';
import { initials, ledgerHeader, ledgerRow, prefectureOf, type LedgerEntry } from './ledger';

const entry: LedgerEntry = {
  receiptNo: '2026-0001',
  channel: 'registeredPost',
  arrivalDate: '2026-10-01',
  receivedBy: '窓口 担当子',
  kinds: ['disclosure'],
  requesterType: 'self',
  principal: { name: '山田 太郎', kana: 'ヤマダ タロウ', address: '東京都千代田区千代田1-1', phone: '03-1234-5678' },
  agentName: '',
  identity: '確認済',
  feeDue: 1000,
  feeAccepted: 1000,
  cure: { requestedOn: '2026-10-02', dueDate: '2026-10-16', arrivedOn: '2026-10-08' },
  decisions: [{ kind: 'disclosure', decision: { outcome: 'partial', grounds: ['a33-2-1'] } }],
  approver: '決裁 承認郎',
  dispatches: [{ sentOn: '2026-10-12', method: '簡易書留', trackingNo: '1234' }],
  closedOn: '2026-10-15',
  disposal: '廃棄（2026-10-15）',
  status: 'completed',
  linked: [],
};

describe('ledger', () => {
  it('has one cell per column, in order', () => {
    const row = ledgerRow(entry, false);
    expect(row).toHaveLength(ledgerHeader.length);
    expect(row.slice(0, 3)).toEqual(['2026-0001', '簡易書留', { date: '2026-10-01' }]);
    expect(row.slice(12, 17)).toEqual([
      { n: 1000, unit: '円' },
      { n: 1000, unit: '円' },
      { date: '2026-10-02' },
      { date: '2026-10-16' },
      { date: '2026-10-08' },
    ]);
    expect(row[20]).toBe('2026/10/12 簡易書留 1234');
    expect(row[22]).toBe('廃棄（2026/10/15）');
    expect(row[6]).toBe('山田 太郎');
    expect(row[17]).toBe('開示: 一部開示');
    expect(row[18]).toContain('第33条第2項第1号');
    expect(row[23]).toBe('完了');
    expect(row.at(-1)).toBe('');
    // A request split at intake names the other requests of its 請求書.
    expect(ledgerRow({ ...entry, linked: ['2026-0001-2', '2026-0001-3'] }, true).at(-1)).toBe(
      '2026-0001-2\n2026-0001-3',
    );
  });

  it('masks names to initials, addresses to the prefecture, and drops the phone', () => {
    const row = ledgerRow({ ...entry, agentName: '佐藤 花子' }, true);
    expect(row.slice(6, 11)).toEqual(['山. 太.', 'ヤ. タ.', '東京都', '', '佐. 花.']);
    expect(JSON.stringify(row)).not.toContain('千代田');
    expect(prefectureOf('大阪府大阪市北区梅田1-1')).toBe('大阪府');
    expect(prefectureOf('神奈川県横浜市')).toBe('神奈川県');
    expect(prefectureOf('北海道札幌市')).toBe('北海道');
    expect(prefectureOf('千代田区千代田1-1')).toBe('（非表示）');
    expect(initials('𠮷田 花子')).toBe('𠮷. 花.');
  });
});
