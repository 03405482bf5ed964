import { describe, expect, it } from 'vitest';
import { ErrorCode, listFilter } from '../../../core/contract';
import { historyLabel } from '../../../core/domain/workflow';
import { emptyItem, IntakeInput } from '../../../core/domain/intake/request';
import {
  ADMIN_PASSWORD,
  call,
  completeRequest,
  failure,
  intakeInput,
  makeServices,
  OTHER_PASSWORD,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

function clock(start: string) {
  let now = new Date(`${start}T01:00:00Z`);
  return { clock: () => now, at: (day: string) => (now = new Date(`${day}T01:00:00Z`)) };
}

// 開示 + 訂正 with a 1,000円 小為替 for the 開示 and 500円 in stamps the requester sent "for the 訂正".
const combined = () =>
  intakeInput({
    items: [
      { ...emptyItem('disclosure'), dataItems: '購入履歴' },
      { ...emptyItem('correction'), dataItems: '登録住所', correctContent: '新住所への訂正' },
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
      { id: 'p2', means: 'stamps', amount: 500, receivedOn: '2026-11-20', forKind: 'correction' },
    ],
  });

describe('money per kind and its return', () => {
  it('stamps sent for 訂正 never pay the 開示 fee nor block the request; 500円 is to return and its return is recorded once', async () => {
    const t = clock('2026-11-24');
    const s = makeServices(tempDataDir(), { clock: t.clock });
    await setupVault(s);
    const r = await call(s, 'intake.create', combined());
    expect(r.fee).toMatchObject({ status: 'paid', due: 1000, accepted: 1000, shortfall: 0, toReturn: 500 });
    expect(r.fee.returnedPayments).toEqual([{ paymentId: 'p2', kind: 'correction', amount: 500 }]);
    expect(r.payments.find((p) => p.id === 'p2')?.forKind).toBe('correction');
    await call(s, 'requests.transition', { id: r.id, action: 'startCheck', comment: '' });
    const investigating = await call(s, 'requests.transition', { id: r.id, action: 'startInvestigation', comment: '' });
    expect(investigating.status).toBe('investigating');

    // Wrong amount, future date: refused, nothing recorded.
    const wrong = await failure(
      call(s, 'requests.recordFeeReturn', { id: r.id, method: 'cashRegistered', date: '2026-11-24', amount: 1000 }),
    );
    expect(wrong.message).toBe('返還すべき額は500円です。金額をご確認ください。');
    const future = await failure(
      call(s, 'requests.recordFeeReturn', { id: r.id, method: 'cashRegistered', date: '2026-11-25', amount: 500 }),
    );
    expect(future.code).toBe(ErrorCode.BAD_INPUT);
    expect((await call(s, 'requests.get', { id: r.id })).feeReturn).toBeNull();

    const done = await call(s, 'requests.recordFeeReturn', {
      id: r.id,
      method: 'cashRegistered',
      date: '2026-11-24',
      amount: 500,
    });
    expect(done.feeReturn).toEqual({ method: 'cashRegistered', date: '2026-11-24', amount: 500 });
    expect(historyLabel(done.history.at(-1)?.action ?? '')).toBe('手数料の返還');
    const again = await failure(
      call(s, 'requests.recordFeeReturn', { id: r.id, method: 'enclosed', date: '2026-11-24', amount: 500 }),
    );
    expect(again.code).toBe(ErrorCode.CONFLICT);
  });

  it('refuses a payment assigned to a kind the request does not contain, and a return where nothing is owed', async () => {
    const s = makeServices(tempDataDir(), { clock: clock('2026-11-24').clock });
    await setupVault(s);
    const input = { ...combined(), items: [{ ...emptyItem('disclosure'), dataItems: '購入履歴' }] };
    const issues = IntakeInput.safeParse(input).error?.issues ?? [];
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [['payments', 1, 'forKind'], '手数料の対象「訂正」が請求の種類に含まれていません。対象を選び直してください。'],
    ]);
    expect((await failure(call(s, 'intake.create', input))).code).toBe(ErrorCode.BAD_INPUT);
    expect((await call(s, 'requests.list', listFilter())).total).toBe(0);
    const plain = await call(s, 'intake.create', intakeInput());
    const none = await failure(
      call(s, 'requests.recordFeeReturn', { id: plain.id, method: 'enclosed', date: '2026-11-24', amount: 1 }),
    );
    expect(none.message).toBe('この請求には返還すべき手数料がありません。');
  });

  it('a request with money to return is completed only once the return is recorded; a withdrawn one records it too', async () => {
    const t = clock('2026-11-20');
    const s = makeServices(tempDataDir(), { clock: t.clock });
    await setupVault(s);
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    // 開示 alone, 1,000円 小為替 plus 500円 stamps: 500円 overpaid.
    const base = intakeInput();
    const over = await call(s, 'intake.create', {
      ...base,
      payments: [...base.payments, { id: 'p2', means: 'stamps', amount: 500, receivedOn: '2026-11-20' }],
    });
    expect(over.fee).toMatchObject({ status: 'overpaid', toReturn: 500 });
    const blocked = await failure(
      completeRequest(s, over.id, {
        drafter: { loginName: 'admin', password: ADMIN_PASSWORD },
        approver: { loginName: 'shonin', password: OTHER_PASSWORD },
        at: t.at,
        approveOn: '2026-11-27',
        closeOn: '2026-12-01',
      }),
    );
    expect(blocked.message).toBe('返還すべき手数料の返還を記録してください。');
    expect((await call(s, 'requests.get', { id: over.id })).status).toBe('sent');
    await call(s, 'requests.recordFeeReturn', { id: over.id, method: 'enclosed', date: '2026-11-27', amount: 500 });
    expect((await call(s, 'requests.transition', { id: over.id, action: 'complete', comment: '' })).status).toBe(
      'completed',
    );

    const gone = await call(s, 'intake.create', combined());
    await call(s, 'requests.transition', { id: gone.id, action: 'withdraw', comment: '電話で取下げ' });
    const recorded = await call(s, 'requests.recordFeeReturn', {
      id: gone.id,
      method: 'cashRegistered',
      date: '2026-12-01',
      amount: 500,
    });
    expect(recorded.feeReturn?.amount).toBe(500);
  });
});
