import { describe, expect, it } from 'vitest';
import {
  initials,
  ledgerHeader,
  ledgerPrintColumns,
  ledgerPrintTable,
  ledgerRow,
  prefectureOf,
  type LedgerColumn,
  type LedgerEntry,
} from './ledger';

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
  dueDate: '2026-10-22',
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
    const cell = (name: LedgerColumn) => row[ledgerHeader.indexOf(name)];
    expect(row.slice(0, 3)).toEqual(['2026-0001', '簡易書留', { date: '2026-10-01' }]);
    expect(row.slice(12, 17)).toEqual([
      { n: 1000, unit: '円' },
      { n: 1000, unit: '円' },
      { date: '2026-10-02' },
      { date: '2026-10-16' },
      { date: '2026-10-08' },
    ]);
    expect(cell('発送（日付・方法・追跡番号）')).toBe('2026/10/12 簡易書留 1234');
    expect(cell('本人確認書類の写し')).toBe('廃棄（2026/10/15）');
    expect(cell('本人氏名')).toBe('山田 太郎');
    expect(cell('決定')).toBe('開示: 一部開示');
    expect(cell('根拠')).toContain('第33条第2項第1号');
    expect(cell('状態')).toBe('完了');
    expect(row.at(-1)).toBe('');
    // A request split at intake names the other requests of its 請求書.
    expect(ledgerRow({ ...entry, linked: ['2026-0001-2', '2026-0001-3'] }, true).at(-1)).toBe(
      '2026-0001-2\n2026-0001-3',
    );
  });

  it('types 回答期限 and 回答日 as dates: the due date in force, and the day the first letter went out', () => {
    const at = (e: LedgerEntry, name: LedgerColumn) => ledgerRow(e, false)[ledgerHeader.indexOf(name)];
    expect(at(entry, '回答期限')).toEqual({ date: '2026-10-22' });
    expect(at(entry, '回答日')).toEqual({ date: '2026-10-12' });
    // A later letter (a fee return, say), recorded first, does not move the 回答日.
    const two = {
      ...entry,
      dispatches: [
        { sentOn: '2026-10-20', method: '普通郵便', trackingNo: '' },
        { sentOn: '2026-10-12', method: '簡易書留', trackingNo: '1234' },
      ],
    };
    expect(at(two, '回答日')).toEqual({ date: '2026-10-12' });
    // Not answered yet: empty, not a date.
    expect(at({ ...entry, dispatches: [] }, '回答日')).toBe('');
    expect(ledgerHeader.indexOf('回答期限')).toBeLessThan(ledgerHeader.indexOf('決定'));
  });

  it('prints the columns an auditor checks, with the cells of the full ledger', () => {
    const row = ledgerRow(entry, false);
    const print = ledgerPrintTable([row]);
    expect(print.header).toEqual(ledgerPrintColumns.map((c) => c.column));
    expect(print.header).toEqual(
      expect.arrayContaining(['受付番号', '本人氏名', '回答期限', '回答日', '決定', '承認者']),
    );
    expect(print.header).not.toContain('本人住所');
    print.header.forEach((h, i) => expect(print.rows[0]?.[i]).toEqual(row[ledgerHeader.indexOf(h)]));
    expect(print.maxWidths).toHaveLength(print.header.length);
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
