import { describe, expect, it } from 'vitest';
import { describeAudit } from './audit-text';

const uuid = '3f2b8c1e-9a4d-4e5f-8b7a-1c2d3e4f5a6b';

// Every summary shape main writes (grep `vault.write(` and `.audit(`), as an auditor reads it.
const samples: [action: string, summary: string, receiptNo: string | null, expected: string][] = [
  ['session.login', 'password', null, 'パスワードでログインしました'],
  ['session.login_failed', 'while locked', null, 'ロック中に記録された操作です'],
  ['session.lock', 'logout', null, 'ログアウトしました'],
  ['session.lock', 'idle', null, '一定時間操作がなかったため自動でロックしました'],
  ['session.recover', 'recovery key', null, '回復キーでパスワードを再設定しました'],
  ['vault.setup', 'schema=11', null, 'データベースの版: 11'],
  ['requests.transition', 'action=complete from=sent to=completed', '2026-0001', '「発送済」→「完了」（完了にする）'],
  [
    'requests.transition',
    'action=closeOutsideLaw from=checking to=outsideLaw category=deceased response=service',
    '2026-0001',
    '「確認中」→「法の対象外」（法の対象外として終了）、法の対象外とする理由: 故人の情報、対応の方法: 任意の対応として回答する',
  ],
  [
    'requests.create',
    'kinds=disclosure,correction channel=post',
    '2026-0002',
    '請求の種類: 開示・訂正、受付方法: 郵送',
  ],
  [
    'requests.decision',
    'kind=disclosure outcome=partial grounds=a33-2-2',
    '2026-0003',
    '請求の種類: 開示、決定: 一部開示、根拠: ',
  ],
  [
    'requests.dispatch',
    `dispatch=${uuid} method=simpleRegistered sent=2026-11-27`,
    '2026-0004',
    '方法: 簡易書留、発送日: 2026/11/27',
  ],
  ['requests.disposal', 'method=destroyed date=2026-12-01', '2026-0004', '方法: 廃棄、日付: 2026/12/01'],
  [
    'requests.feeReturn',
    'method=cashRegistered date=2026-11-24 amount=500',
    '2026-0005',
    '方法: 現金書留で返還、日付: 2026/11/24、金額: 500円',
  ],
  ['requests.extension', 'to=2026-12-18', '2026-0006', '延長後の期限: 2026/12/18'],
  ['requests.cure', 'defects=2 due=2026-12-04', '2026-0007', '不備の数: 2、期限: 2026/12/04'],
  ['requests.suspicion', 'suspected=true', '2026-0008', 'なりすましの疑い: あり'],
  [
    'enclosures.add',
    `enclosure=${uuid} type=identity mime=application/pdf size=4096`,
    '2026-0009',
    '種類: 本人確認書類、形式: PDF、サイズ: 4 KB',
  ],
  [
    'letters.finalize',
    `letter=${uuid} kind=disclosureDecision signed=true`,
    '2026-0010',
    '回答書: 開示決定通知書、電子署名: あり',
  ],
  ['accounts.create', 'roles=staff,approver', null, '権限: 担当者・承認者'],
  ['accounts.update', 'displayName disabled=true', null, '表示名を変更しました、利用停止: あり'],
  ['settings.update', 'amount=1000 per=kind', null, '金額: 1,000円、手数料の単位: 請求の種類ごと'],
  [
    'settings.update',
    'amount=1000 per=request amounts=purpose:500',
    null,
    '金額: 1,000円、手数料の単位: 請求ごと、種類ごとの手数料: 利用目的の通知 500円',
  ],
  [
    'settings.update',
    'months=3 lawyerSeal=false faxProvisional=true windows=residentRecord:6',
    null,
    '書類の有効期間（月）: 3、弁護士の実印・印鑑登録証明書: なし、FAXを仮受付として扱う: あり、書類ごとの有効期間: 住民票の写し 6か月',
  ],
  [
    'audit.verify',
    'ok=true checked=120 anchors=1 failed=0',
    null,
    '検証結果: 正常、検証した件数: 120、照合した控え: 1、一致しない控え: 0',
  ],
  ['reports.export', 'ledger=2026-10-01..2026-10-31 masked=true format=xlsx rows=12', null, ''],
  ['requests.split', 'kinds=correction', '2026-0001', '請求の種類: 訂正'],
  ['settings.update', 'sla=10 closed=6 cure=14 samePerson=12', null, '社内期限（営業日）: 10、'],
];

describe('audit entries as sentences', () => {
  it.each(samples)('%s %s', (action, summary, receiptNo, expected) => {
    const text = describeAudit({ action, summary });
    if (expected) expect(text.startsWith(expected)).toBe(true);
    // No code, id or English word reaches the auditor (PDF/KB/CSV/XLSX/FAX are words of the trade).
    const words = (text.match(/[A-Za-z_]{2,}/g) ?? []).filter((w) => !['PDF', 'KB', 'XLSX', 'CSV', 'FAX'].includes(w));
    expect(words, text).toEqual([]);
    expect(text).not.toContain(uuid);
    // The 受付番号 has its own column on the screen and in the CSV: the text does not repeat it.
    if (receiptNo) expect(text).not.toContain(receiptNo);
  });
});
