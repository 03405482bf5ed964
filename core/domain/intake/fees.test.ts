import { describe, expect, it } from 'vitest';
import {
  defaultFeeSchedule,
  evaluateFee,
  feeDue,
  feeScheduleProblems,
  moneyOrderLastValidDay,
  type Payment,
} from './fees';

const moneyOrder = (amount: number, issuedOn: string, receivedOn = '2026-11-22'): Payment => ({
  id: `mo-${issuedOn}`,
  means: 'postalMoneyOrder',
  amount,
  receivedOn,
  issuedOn,
});

describe('fees', () => {
  it('charges per request or per fee-bearing kind, never for 訂正・利用停止', () => {
    expect(feeDue(['disclosure', 'thirdPartyRecords', 'correction'], defaultFeeSchedule)).toBe(1000);
    expect(feeDue(['disclosure', 'thirdPartyRecords', 'correction'], { ...defaultFeeSchedule, per: 'kind' })).toBe(
      2000,
    );
    expect(feeDue(['correction', 'suspension'], defaultFeeSchedule)).toBe(0);
  });

  it('is 充足 with a 1,000円 定額小為替 issued within six months', () => {
    expect(evaluateFee(['disclosure'], defaultFeeSchedule, [moneyOrder(1000, '2026-06-01')])).toMatchObject({
      status: 'paid',
      due: 1000,
      accepted: 1000,
      shortfall: 0,
      toReturn: 0,
      defects: [],
    });
  });

  it('refuses a 定額小為替 older than six months (the last valid day is the day before)', () => {
    expect(evaluateFee(['disclosure'], defaultFeeSchedule, [moneyOrder(1000, '2026-05-23')]).status).toBe('paid');
    const r = evaluateFee(['disclosure'], defaultFeeSchedule, [moneyOrder(1000, '2026-05-22')]);
    expect(r.status).toBe('unpaid');
    expect(r.toReturn).toBe(1000);
    expect(r.defects.map((d) => d.code)).toEqual(['moneyOrderExpired', 'feeUnpaid']);
    expect(r.defects[0]?.message).toMatch(/発行日 2026年5月22日）は発行日から6か月を過ぎている/);
  });

  it('keeps a 定額小為替 issued at a month end valid through the last day of a shorter sixth month', () => {
    const cases: [issued: string, lastValid: string][] = [
      ['2026-08-31', '2027-02-28'],
      ['2026-08-30', '2027-02-28'],
      ['2026-08-29', '2027-02-28'],
      ['2027-08-31', '2028-02-29'],
      ['2027-08-30', '2028-02-29'],
      ['2027-08-29', '2028-02-28'],
      ['2027-08-28', '2028-02-27'],
      ['2026-03-31', '2026-09-30'],
      ['2026-03-30', '2026-09-29'],
      ['2026-05-31', '2026-11-30'],
      ['2026-12-31', '2027-06-30'],
      ['2026-07-31', '2027-01-30'],
    ];
    for (const [issued, lastValid] of cases) {
      const onLastDay = evaluateFee(['disclosure'], defaultFeeSchedule, [moneyOrder(1000, issued, lastValid)]);
      expect(onLastDay.status, `${issued} received ${lastValid}`).toBe('paid');
      const dayAfter = new Date(Date.parse(`${lastValid}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const late = evaluateFee(['disclosure'], defaultFeeSchedule, [moneyOrder(1000, issued, dayAfter)]);
      expect(late.defects[0]?.code, `${issued} received ${dayAfter}`).toBe('moneyOrderExpired');
      expect(moneyOrderLastValidDay(issued), issued).toBe(lastValid);
    }
  });

  it('reports a shortfall and an excess', () => {
    const short = evaluateFee(['disclosure'], defaultFeeSchedule, [moneyOrder(500, '2026-11-01')]);
    expect(short).toMatchObject({ status: 'short', shortfall: 500 });
    expect(short.defects[0]?.message).toBe(
      '手数料1,000円に対し、500円分のみ確認できました。不足額500円をお送りください。',
    );
    const over = evaluateFee(['disclosure'], defaultFeeSchedule, [
      moneyOrder(1000, '2026-11-01'),
      moneyOrder(500, '2026-11-02'),
    ]);
    expect(over).toMatchObject({ status: 'overpaid', toReturn: 500 });
  });

  it('flags a fee sent with a 訂正 request to be returned', () => {
    const r = evaluateFee(['correction'], defaultFeeSchedule, [moneyOrder(1000, '2026-11-01')]);
    expect(r).toMatchObject({ status: 'notRequired', due: 0, toReturn: 1000, defects: [] });
    expect(r.notes[0]).toMatch(/手数料は不要です。同封された1,000円は返還してください/);
  });

  it('assigns money to kinds: stamps sent for 訂正 go back and never pay, nor block, anything', () => {
    const r = evaluateFee(['disclosure', 'correction'], defaultFeeSchedule, [
      { ...moneyOrder(1000, '2026-11-01'), forKind: 'disclosure' },
      { id: 'st', means: 'stamps', amount: 500, receivedOn: '2026-11-22', forKind: 'correction' },
    ]);
    expect(r).toMatchObject({ status: 'paid', accepted: 1000, shortfall: 0, toReturn: 500, defects: [] });
    expect(r.returnedPayments).toEqual([{ paymentId: 'st', kind: 'correction', amount: 500 }]);
    expect(r.notes).toContain(
      '「訂正」の請求には手数料は不要です（法第38条第1項）。「訂正」分としてお送りいただいた500円は返還してください。',
    );
    // Unassigned, the same stamps count toward the 開示 fee (an overpayment returned as such).
    const unassigned = evaluateFee(['disclosure', 'correction'], defaultFeeSchedule, [
      moneyOrder(1000, '2026-11-01'),
      { id: 'st', means: 'stamps', amount: 500, receivedOn: '2026-11-22' },
    ]);
    expect(unassigned).toMatchObject({ status: 'overpaid', accepted: 1500, toReturn: 500, returnedPayments: [] });
    // Sent only for 訂正 with the 開示 fee missing: the 開示 fee is unpaid, the 500円 is not counted.
    const missing = evaluateFee(['disclosure', 'correction'], defaultFeeSchedule, [
      { id: 'st', means: 'stamps', amount: 500, receivedOn: '2026-11-22', forKind: 'correction' },
    ]);
    expect(missing).toMatchObject({ status: 'unpaid', shortfall: 1000, toReturn: 500 });
  });

  it('returns money for a kind the company does not charge or the request does not contain', () => {
    const noPurposeFee = { ...defaultFeeSchedule, kinds: ['disclosure' as const] };
    const r = evaluateFee(['purpose', 'disclosure'], noPurposeFee, [
      { ...moneyOrder(1000, '2026-11-01'), forKind: 'disclosure' },
      { ...moneyOrder(300, '2026-11-02'), id: 'p', forKind: 'purpose' },
    ]);
    expect(r).toMatchObject({ status: 'paid', toReturn: 300 });
    expect(r.notes[0]).toMatch(/^「利用目的の通知」の請求には手数料は不要です。/);
    const absent = evaluateFee(['correction'], defaultFeeSchedule, [
      { ...moneyOrder(1000, '2026-11-01'), forKind: 'disclosure' },
    ]);
    expect(absent).toMatchObject({ status: 'notRequired', toReturn: 1000 });
    expect(absent.notes[0]).toMatch(/^この請求には「開示」が含まれていないため/);
  });

  it('refuses a means the company does not accept', () => {
    const r = evaluateFee(['purpose'], { ...defaultFeeSchedule, accepted: ['postalMoneyOrder'] }, [
      { id: 's', means: 'stamps', amount: 1000, receivedOn: '2026-11-22' },
    ]);
    expect(r.defects[0]?.code).toBe('meansNotAccepted');
    expect(r.status).toBe('unpaid');
  });

  it('validates the schedule', () => {
    expect(feeScheduleProblems(defaultFeeSchedule)).toEqual([]);
    expect(feeScheduleProblems({ ...defaultFeeSchedule, amount: -1 })).toHaveLength(1);
    expect(feeScheduleProblems({ ...defaultFeeSchedule, amount: 1.5 })).toHaveLength(1);
    expect(feeScheduleProblems({ ...defaultFeeSchedule, accepted: [] })).toHaveLength(1);
    expect(feeScheduleProblems({ ...defaultFeeSchedule, kinds: ['disclosure', 'correction'] })).toEqual([
      '訂正・追加・削除、利用停止・消去、第三者提供の停止の請求には手数料を求めることはできません（個人情報保護法第38条第1項）。',
    ]);
  });

  it('charges a kind its own amount: per kind the sum, per request the highest', () => {
    const s = { ...defaultFeeSchedule, amounts: { purpose: 500 } };
    expect(feeDue(['purpose'], s)).toBe(500);
    expect(feeDue(['disclosure'], s)).toBe(1000);
    expect(feeDue(['purpose', 'disclosure'], s)).toBe(1000);
    expect(feeDue(['purpose', 'disclosure', 'correction'], { ...s, per: 'kind' })).toBe(1500);
    expect(
      evaluateFee(['purpose'], s, [{ id: 's', means: 'stamps', amount: 500, receivedOn: '2026-11-22' }]),
    ).toMatchObject({
      status: 'paid',
      due: 500,
    });
    // A free 利用目的の通知 with a paid 開示.
    expect(feeDue(['purpose'], { ...defaultFeeSchedule, amounts: { purpose: 0 } })).toBe(0);
    expect(feeScheduleProblems({ ...defaultFeeSchedule, amounts: { correction: 500 } })).toEqual([
      '訂正・追加・削除、利用停止・消去、第三者提供の停止の請求には手数料を求めることはできません（個人情報保護法第38条第1項）。',
    ]);
    expect(feeScheduleProblems({ ...defaultFeeSchedule, amounts: { purpose: -1 } })).toEqual([
      '利用目的の通知の手数料は0円以上10,000円以下の整数で入力してください。',
    ]);
  });

  it('charges only the kinds the company chose', () => {
    expect(feeDue(['purpose'], { ...defaultFeeSchedule, kinds: ['disclosure'] })).toBe(0);
    expect(feeDue(['purpose', 'disclosure'], { ...defaultFeeSchedule, kinds: ['disclosure'] })).toBe(1000);
  });
});

// A shortfall says which kind it is for (issue 33 §3): with 500円 for 利用目的の通知 and 1,000円
// for 開示, 1,000円 sent for 開示 leaves the 利用目的の通知 unpaid, and the person is told so.
describe('a shortfall per kind', () => {
  const perKind = { ...defaultFeeSchedule, per: 'kind' as const, amounts: { purpose: 500 } };
  const pay = (amount: number, forKind: Payment['forKind'] = null, id = `p${amount}`): Payment => ({
    id,
    means: 'postalMoneyOrder',
    amount,
    receivedOn: '2026-11-22',
    issuedOn: '2026-11-01',
    forKind,
  });

  it('names the kind the missing money is for', () => {
    const r = evaluateFee(['purpose', 'disclosure'], perKind, [pay(1000, 'disclosure')]);
    expect(r).toMatchObject({ due: 1500, accepted: 1000, shortfall: 500, status: 'short' });
    expect(r.byKind).toEqual([
      { kind: 'purpose', due: 500, accepted: 0, shortfall: 500 },
      { kind: 'disclosure', due: 1000, accepted: 1000, shortfall: 0 },
    ]);
    expect(r.defects[0]?.message).toBe(
      '手数料1,500円（利用目的の通知 500円、開示 1,000円）に対し、1,000円分（開示分）のみ確認できました。不足額500円（利用目的の通知分）をお送りください。',
    );
  });

  it('fills the kinds in the order of the request with money sent for the request, or beyond a kind’s fee', () => {
    expect(evaluateFee(['purpose', 'disclosure'], perKind, [pay(1200)]).byKind).toEqual([
      { kind: 'purpose', due: 500, accepted: 500, shortfall: 0 },
      { kind: 'disclosure', due: 1000, accepted: 700, shortfall: 300 },
    ]);
    const over = evaluateFee(['purpose', 'disclosure'], perKind, [pay(800, 'purpose'), pay(300, 'disclosure')]);
    expect(over.byKind.map((k) => k.shortfall)).toEqual([0, 400]);
    expect(over.defects[0]?.message).toContain(
      '1,100円分（利用目的の通知分500円、開示分600円）のみ確認できました。不足額400円（開示分）',
    );
    const none = evaluateFee(['purpose', 'disclosure'], perKind, []);
    expect(none.defects[0]?.message).toBe(
      '手数料1,500円（利用目的の通知 500円、開示 1,000円）のお支払いが確認できません。1,500円分をお送りください。',
    );
  });

  it('keeps one fee per request as one amount', () => {
    const r = evaluateFee(['purpose', 'disclosure'], { ...perKind, per: 'request' }, [pay(500)]);
    expect(r.byKind).toEqual([]);
    expect(r.defects[0]?.message).toBe('手数料1,000円に対し、500円分のみ確認できました。不足額500円をお送りください。');
  });
});
