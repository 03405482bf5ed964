import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import { feeMeans } from '../../../core/domain/intake/fees';
import { emptyItem } from '../../../core/domain/intake/request';
import { pdfText } from '../testing/pdf-text';
import {
  ADMIN_PASSWORD,
  OTHER_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// Issue 33 §4: one envelope with 利用目的の通知 + 開示 (fee short) and a 訂正 (never a fee, 法38条)
// was held as a whole. The 訂正 is split off into a request of its own and goes ahead.

async function ready() {
  let now = new Date('2026-11-20T01:00:00Z');
  const at = (day: string) => {
    now = new Date(`${day}T01:00:00Z`);
  };
  const s = makeServices(tempDataDir(), { clock: () => now });
  await setupVault(s);
  await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
  await switchTo(s, 'admin', ADMIN_PASSWORD);
  await call(s, 'settings.updateFees', {
    amount: 1000,
    per: 'kind',
    accepted: [...feeMeans],
    kinds: ['purpose', 'disclosure', 'thirdPartyRecords'],
    amounts: { purpose: 500 },
  });
  return { s, at };
}

const envelope = () =>
  intakeInput({
    items: [
      { ...emptyItem('purpose') },
      { ...emptyItem('disclosure'), dataItems: '購入履歴' },
      {
        ...emptyItem('correction'),
        dataItems: '電話番号',
        currentContent: '03-0000-0000',
        correctContent: '03-1234-5678',
      },
    ],
    payments: [
      {
        id: 'p1',
        means: 'postalMoneyOrder',
        amount: 1000,
        receivedOn: '2026-11-20',
        issuedOn: '2026-10-01',
        forKind: 'disclosure',
      },
    ],
  });

describe('splitting an envelope at intake', () => {
  it('lets a 訂正 go ahead while the other kinds wait for their fee, with its own number, dates, letters and history', async () => {
    const { s, at } = await ready();
    const r = await call(s, 'intake.create', envelope());
    expect(r.fee).toMatchObject({ status: 'short', due: 1500, shortfall: 500 });
    await call(s, 'requests.transition', { id: r.id, action: 'startCheck', comment: '' });
    await call(s, 'requests.requestCure', {
      id: r.id,
      cure: { defects: ['利用目的の通知の手数料500円'], dueDate: '2026-12-04' },
    });
    // Before: the 訂正 waits with the rest.
    const held = await failure(call(s, 'requests.transition', { id: r.id, action: 'startInvestigation', comment: '' }));
    expect(held.code).toBe(ErrorCode.CONFLICT);

    at('2026-11-24');
    const child = await call(s, 'intake.split', { id: r.id, kinds: ['correction'] });
    const parent = await call(s, 'requests.get', { id: r.id });
    expect(child).toMatchObject({ receiptNo: `${r.receiptNo}-2`, arrivalDate: '2026-11-20', status: 'checking' });
    expect(child.items.map((i) => i.kind)).toEqual(['correction']);
    expect(child.items[0]).toMatchObject({ correctContent: '03-1234-5678' });
    expect(child.principal).toEqual(r.principal);
    expect(child.identity.result.status).toBe('verified');
    expect(child.fee.status).toBe('notRequired');
    expect(child.payments).toEqual([]);
    // The 39条 date is the envelope's (same 到達日); its internal SLA was never paused by the fee.
    expect(child.deadlines).toMatchObject({ article39Date: r.deadlines.article39Date, slaDate: r.deadlines.slaDate });
    expect(parent.items.map((i) => i.kind)).toEqual(['disclosure', 'purpose']);
    expect(parent).toMatchObject({ status: 'awaitingCure', fee: { status: 'short', shortfall: 500 } });
    expect(parent.deadlines.article39Date).toBe(r.deadlines.article39Date);
    expect(parent.linked).toEqual([{ id: child.id, receiptNo: child.receiptNo, kinds: ['correction'] }]);
    expect(child.linked).toEqual([{ id: r.id, receiptNo: r.receiptNo, kinds: ['disclosure', 'purpose'] }]);
    expect(parent.history.at(-1)).toMatchObject({
      action: 'split',
      comment: `訂正を受付番号 ${child.receiptNo} として分割`,
    });
    expect(child.history).toEqual([
      expect.objectContaining({ action: 'split', comment: `受付番号 ${r.receiptNo} から訂正を分割` }),
    ]);
    // The 手数料不足のお知らせ names the request that went ahead.
    const shortfall = pdfText((await call(s, 'letters.preview', { requestId: r.id, kind: 'feeShortfall' })).base64);
    expect(shortfall).toContain(`同じ請求書による他のご請求受付番号${child.receiptNo}（訂正）`);

    // The 訂正 goes through to completion while the rest still waits.
    for (const action of ['startInvestigation', 'startDraft'] as const)
      await call(s, 'requests.transition', { id: child.id, action, comment: '' });
    await call(s, 'requests.saveDecision', {
      id: child.id,
      kind: 'correction',
      decision: { ...emptyDecision(), outcome: 'done', changes: '電話番号を03-1234-5678に訂正しました。' },
    });
    await call(s, 'requests.transition', { id: child.id, action: 'submitForApproval', comment: '' });
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    await call(s, 'requests.transition', { id: child.id, action: 'approve', comment: '' });
    const letter = await call(s, 'letters.finalize', { requestId: child.id, kind: 'correctionDecision' });
    const text = pdfText((await call(s, 'letters.content', { id: letter.id })).base64);
    expect(text).toContain(`同じ請求書による他のご請求受付番号${r.receiptNo}（開示、利用目的の通知）`);
    await call(s, 'requests.addDispatch', {
      id: child.id,
      dispatch: { letter: '訂正等決定通知書', sentOn: '2026-11-24', method: 'simpleRegistered', trackingNo: '1' },
    });
    await call(s, 'requests.transition', { id: child.id, action: 'recordDispatch', comment: '' });
    await call(s, 'requests.recordDisposal', { id: child.id, method: 'destroyed', date: '2026-11-24' });
    expect((await call(s, 'requests.transition', { id: child.id, action: 'complete', comment: '' })).status).toBe(
      'completed',
    );
    expect((await call(s, 'requests.get', { id: r.id })).status).toBe('awaitingCure');

    // The audit trail records the split; the list and the ledger carry both requests.
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const audit = await call(s, 'audit.list', { limit: 200, offset: 0 });
    expect(audit.entries.some((e) => e.action === 'requests.split' && e.targetId === r.id)).toBe(true);
    // One 請求書 received, three kinds; each request answered on its own.
    const report = await call(s, 'reports.get', { kind: 'month', value: '2026-11' });
    expect(report.current.received).toMatchObject({
      total: 1,
      byKind: { purpose: 1, disclosure: 1, correction: 1 },
      byChannel: { post: 1 },
      byRequester: { self: 1 },
    });
    expect(report.current).toMatchObject({ completed: 1, cures: 1, openAtEnd: 1 });
    expect(report.perMonth.find((m) => m.month === '2026-11')?.count).toBe(1);
    const list = await call(s, 'requests.search', { query: r.receiptNo, limit: 10 });
    expect(list.map((x) => [x.receiptNo, x.kinds])).toEqual([
      [child.receiptNo, ['correction']],
      [r.receiptNo, ['disclosure', 'purpose']],
    ]);
    await s.close();
  });

  it('refuses to split off every kind, a kind the request lacks, or after the investigation began, changing nothing', async () => {
    const { s } = await ready();
    const r = await call(s, 'intake.create', envelope());
    const count = async () =>
      (
        await s.vault
          .q()
          .selectFrom('requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const all = await failure(call(s, 'intake.split', { id: r.id, kinds: ['purpose', 'disclosure', 'correction'] }));
    expect(all).toMatchObject({ code: ErrorCode.BAD_INPUT });
    expect(all.message).toContain('元の請求に残す種類を1つ以上選んでください');
    const absent = await failure(call(s, 'intake.split', { id: r.id, kinds: ['erasure'] }));
    expect(absent.message).toBe('この請求にない種類は分割できません。');
    const none = await failure(call(s, 'intake.split', { id: r.id, kinds: [] }));
    expect(none.code).toBe(ErrorCode.BAD_INPUT);
    expect(await count()).toBe(1);
    expect((await call(s, 'requests.get', { id: r.id })).items).toHaveLength(3);

    // A second split numbers on; both name the envelope and each other.
    const first = await call(s, 'intake.split', { id: r.id, kinds: ['correction'] });
    const second = await call(s, 'intake.split', { id: r.id, kinds: ['purpose'] });
    expect([first.receiptNo, second.receiptNo]).toEqual([`${r.receiptNo}-2`, `${r.receiptNo}-3`]);
    expect(second.linked.map((l) => l.receiptNo)).toEqual([r.receiptNo, first.receiptNo]);

    await call(s, 'requests.transition', { id: first.id, action: 'startCheck', comment: '' });
    await call(s, 'requests.transition', { id: first.id, action: 'startInvestigation', comment: '' });
    const investigating = await failure(call(s, 'intake.split', { id: first.id, kinds: ['correction'] }));
    expect(investigating.code).toBe(ErrorCode.CONFLICT);
    expect(await count()).toBe(3);
    await s.close();
  });
});
