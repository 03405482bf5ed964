import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { reportSections } from '../../../core/domain/report-sections';
import { cellText } from '../../../core/domain/table';
import { pdfText } from '../testing/pdf-text';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// Requests the Act does not cover (issue 33 §4): an heir asking about her late father's data is
// closed as outside the law, with no 39条 date, no fee, no article in the letter (and no 施行令13条
// refusal), and counted apart in the monthly report and the ledger.

const NOW = new Date('2026-11-24T01:00:00Z');

// The daughter asks, as if an agent, for the data of her father, who has died: only her own ID
// (no 委任状 can exist), 1,000円 sent.
const heirInput = () =>
  intakeInput({
    requesterType: 'appointed',
    answerTo: 'agent',
    principal: { ...intakeInput().principal, name: '山田 一郎', kana: 'ヤマダ イチロウ', birthDate: '1940-01-01' },
    agent: { ...intakeInput().principal, name: '山田 花子', kana: 'ヤマダ ハナコ', relationship: '長女' },
    identity: {
      documents: [
        { id: 'a', type: 'drivingLicence', holder: 'agent', original: false, expiresOn: '2030-01-01', issuedOn: null },
      ],
      nameAddressMatch: { principal: null, agent: true },
      lawyerRegistrationNo: '',
    },
  });

const answer = '故人様のご契約は、令和8年3月31日をもって解約の手続を完了しております。';

describe('a request outside the Act', () => {
  it('closes an heir’s request with no 39条 date, no fee and a letter that cites no article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-outside-law-'));
    const s = makeServices(tempDataDir(), {
      clock: () => NOW,
      dialogs: { openFile: () => Promise.resolve(null), saveFile: (o) => Promise.resolve(join(dir, o.defaultName)) },
    });
    await setupVault(s);
    const r = await call(s, 'intake.create', heirInput());
    // A request under the Act, as far as anyone knows at intake.
    await call(s, 'intake.create', intakeInput());
    await call(s, 'requests.transition', { id: r.id, action: 'startCheck', comment: '' });
    expect((await call(s, 'requests.get', { id: r.id })).identity.result.status).not.toBe('verified');

    // Bad input changes nothing: no text, or the action without what it records.
    const outsideLaw = { category: 'deceased', response: 'service', text: answer } as const;
    const empty = await failure(
      call(s, 'requests.closeOutsideLaw', { id: r.id, outsideLaw: { ...outsideLaw, text: ' ' } }),
    );
    expect(empty.code).toBe(ErrorCode.BAD_INPUT);
    expect(empty.issues?.map((i) => i.message)).toContain(
      'お知らせする内容（回答又は応じない理由）を入力してください。',
    );
    const bare = await failure(
      call(s, 'requests.transition', { id: r.id, action: 'closeOutsideLaw', comment: answer }),
    );
    expect(bare.code).toBe(ErrorCode.CONFLICT);
    expect(bare.message).toContain('理由・対応の方法・お知らせする内容を指定してください');
    expect((await call(s, 'requests.get', { id: r.id })).status).toBe('checking');

    const closed = await call(s, 'requests.closeOutsideLaw', { id: r.id, outsideLaw });
    expect(closed).toMatchObject({ status: 'outsideLaw', closedOn: '2026-11-24', outsideLaw });
    // No 39条 date; the company's own target (the internal SLA) is the date shown.
    expect(closed.deadlines).toMatchObject({ article39Applies: false, dueBasis: 'sla', beyondArticle39: false });
    expect(closed.deadlines.dueDate).toBe(closed.deadlines.slaDate);
    expect(closed.deadlines.explanation.join('\n')).toContain(
      '法の対象外（故人の情報）のため、法第39条の期限はありません',
    );
    expect(closed.deadlines.explanation.join('\n')).not.toContain('法第39条の期限: ');
    // No fee under the Act: the 1,000円 goes back.
    expect(closed.fee).toMatchObject({ due: 0, status: 'notRequired', toReturn: 1000 });
    expect(closed.fee.notes.join()).toContain('法の対象外のご依頼のため手数料は不要です');

    const available = (await call(s, 'letters.list', { requestId: r.id })).available.map((a) => a.kind);
    expect(available).toContain('outsideLawAnswer');
    expect(available).not.toContain('declined');
    await call(s, 'requests.recordDisposal', { id: r.id, method: 'returned', date: '2026-11-24' });

    // Finalized, as a decline's letter is, by an approver other than the one who closed it.
    const self = await failure(call(s, 'letters.finalize', { requestId: r.id, kind: 'outsideLawAnswer' }));
    expect(self.message).toBe('法の対象外として終了した方とは別の承認者が確定してください。');
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    const done = await call(s, 'letters.finalize', { requestId: r.id, kind: 'outsideLawAnswer' });
    const text = pdfText((await call(s, 'letters.content', { id: done.id })).base64);
    expect(text).toContain('ご依頼の件について（ご回答）');
    expect(text).toContain('亡くなられた方に関する情報');
    expect(text).toContain('当社の任意の対応としてお知らせするものです');
    expect(text).toContain('令和8年3月31日をもって解約の手続を完了しております');
    expect(text).toContain('本人確認書類等の写しは、本通知に同封して返却いたします');
    expect(text).toContain('お送りいただいた1,000円は');
    expect(text).toContain('山田花子様');
    expect(text).not.toMatch(/第\d+条|施行令/);
    expect(text).not.toContain('代理人');

    // Counted apart: the report's 請求 are the other one only; the ledger names the outcome.
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const report = await call(s, 'reports.get', { kind: 'month', value: '2026-11' });
    expect(report.current.received.total).toBe(1);
    expect(report.current.outsideLaw).toEqual({ total: 1, byCategory: { deceased: 1 }, byResponse: { service: 1 } });
    const sections = reportSections(report);
    const line = (title: string, label: string) =>
      sections
        .find((x) => x.title === title)
        ?.rows.find((row) => row[0] === label)
        ?.map((c) => cellText(c));
    expect(line('主な数値', '受け付けた請求')?.[1]).toBe('1件');
    expect(line('主な数値', '法の対象外として終了した依頼（別計上）')?.[1]).toBe('1件');
    expect(line('法の対象外として終了した依頼', '理由：故人の情報')?.[1]).toBe('1件');
    expect(line('法の対象外として終了した依頼', '対応：任意の対応として回答する')?.[1]).toBe('1件');
    await call(s, 'reports.ledger', { from: '2026-11-01', to: '2026-11-30', masked: false, format: 'csv' });
    const ledger = readFileSync(join(dir, '開示等請求管理台帳_2026-11-01_2026-11-30.csv'), 'utf8');
    const heirRow = ledger.split('\r\n').find((l) => l.includes('山田 一郎')) ?? '';
    expect(heirRow).toContain('"法の対象外（故人の情報）：任意の対応として回答する"');
    expect(heirRow).toContain('"法の対象外"');
    await s.close();
  });

  it('declines the company’s own information with an explanation, and only before approval', async () => {
    const s = makeServices(tempDataDir(), { clock: () => NOW });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput({ payments: [] }));
    const closed = await call(s, 'requests.closeOutsideLaw', {
      id: r.id,
      outsideLaw: {
        category: 'companyInformation',
        response: 'declined',
        text: 'ご依頼の社内審査基準は当社の営業上の情報であり、開示いたしかねます。',
      },
    });
    expect(closed.status).toBe('outsideLaw');
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    const preview = pdfText((await call(s, 'letters.preview', { requestId: r.id, kind: 'outsideLawDeclined' })).base64);
    expect(preview).toContain('ご依頼の件について（お知らせ）');
    expect(preview).toContain('ご依頼者様ご本人に関する保有個人データには当たらない');
    expect(preview).toContain('社内審査基準は当社の営業上の情報であり');
    expect(preview).not.toMatch(/第\d+条/);
    const available = (await call(s, 'letters.list', { requestId: r.id })).available.map((a) => a.kind);
    expect(available).toEqual(['receipt', 'outsideLawDeclined']);

    // A closed request, or one whose decisions are approved, is not closed so.
    const again = await failure(
      call(s, 'requests.closeOutsideLaw', {
        id: r.id,
        outsideLaw: { category: 'notARequest', response: 'declined', text: '…' },
      }),
    );
    expect(again.code).toBe(ErrorCode.CONFLICT);
    expect(again.message).toBe('「法の対象外」の請求に「法の対象外として終了」はできません。');
    expect((await call(s, 'requests.get', { id: r.id })).outsideLaw?.category).toBe('companyInformation');
    await s.close();
  });
});
