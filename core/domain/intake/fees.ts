import { addDays, addMonths, formatJapaneseDate, type IsoDate } from '../dates';
import { kindInfo, type RequestKind } from './kinds';

// Fees (Art. 38, DOMAIN.md §4): only 利用目的の通知, 開示 and 第三者提供記録の開示 may carry one.

export const feeMeans = ['postalMoneyOrder', 'stamps', 'cashRegistered', 'bankTransfer', 'counterCash'] as const;
export type FeeMeans = (typeof feeMeans)[number];
export const feeMeansLabels: Record<FeeMeans, string> = {
  postalMoneyOrder: '郵便定額小為替',
  stamps: '郵便切手',
  cashRegistered: '現金書留',
  bankTransfer: '振込',
  counterCash: '窓口での現金',
};

export type FeeSchedule = {
  // Yen; 0 means the company charges nothing.
  amount: number;
  per: 'request' | 'kind';
  accepted: FeeMeans[];
  // The kinds the company charges for: a subset of those the law allows.
  kinds: RequestKind[];
  // A different amount for some kinds (1,000円 for 開示, 500円 for 利用目的の通知); the others
  // cost `amount`. Absent: every kind costs `amount`, as before this setting.
  amounts?: Partial<Record<RequestKind, number>>;
};

// What one kind costs under the schedule (0 when the company does not charge it).
export function kindFee(kind: RequestKind, schedule: FeeSchedule): number {
  if (!kindInfo[kind].feeAllowed || !schedule.kinds.includes(kind)) return 0;
  return schedule.amounts?.[kind] ?? schedule.amount;
}

export const feeKinds = requestKindsWithFee();
function requestKindsWithFee(): RequestKind[] {
  return (Object.keys(kindInfo) as RequestKind[]).filter((k) => kindInfo[k].feeAllowed);
}

export const defaultFeeSchedule: FeeSchedule = {
  amount: 1000,
  per: 'request',
  accepted: [...feeMeans],
  kinds: feeKinds,
};

export const FEE_NOT_ALLOWED_MESSAGE =
  '訂正・追加・削除、利用停止・消去、第三者提供の停止の請求には手数料を求めることはできません（個人情報保護法第38条第1項）。';

// 郵便定額小為替 can be cashed for six months from the day it was issued.
export const MONEY_ORDER_VALID_MONTHS = 6;

// The last day a 定額小為替 is valid. Counted as 民法第143条第2項 counts a period that starts on
// the issue day: it ends the day before the issue day's counterpart six months on (5/22 → 11/21);
// when that month has no counterpart (issued 8/29–8/31 with a short February, 3/31 → no 9/31),
// it ends on that month's last day (8/31 → 2/28, or 2/29 in a leap year; 3/31 → 9/30).
export function moneyOrderLastValidDay(issuedOn: IsoDate): IsoDate {
  const counterpart = addMonths(issuedOn, MONEY_ORDER_VALID_MONTHS);
  return counterpart.slice(8) === issuedOn.slice(8) ? addDays(counterpart, -1) : counterpart;
}

export type Payment = {
  id: string;
  means: FeeMeans;
  amount: number;
  receivedOn: IsoDate;
  // For 定額小為替: the issue date printed on it.
  issuedOn?: IsoDate | null;
  // The kind the requester sent it for (as the form or cover note says), or null for the
  // request as a whole. Money for a kind that carries no fee is returned and never counts
  // toward another kind's fee (法38条).
  forKind?: RequestKind | null;
};

export type FeeStatus = 'notRequired' | 'unpaid' | 'short' | 'paid' | 'overpaid';
export const feeStatusLabels: Record<FeeStatus, string> = {
  notRequired: '不要',
  unpaid: '未納',
  short: '不足',
  paid: '充足',
  overpaid: '過納',
};

// Per kind (a schedule charging each kind): what the kind costs, what counts towards it and what is
// missing, so that a shortfall says which kind it is for. Money sent for a kind counts towards it;
// money sent for the request as a whole, and any excess over a kind's fee, fills the kinds in the
// order of the request.
export type FeeShare = { kind: RequestKind; due: number; accepted: number; shortfall: number };

export type FeeResult = {
  due: number;
  // Money that counts towards the fee (usable means, not expired).
  accepted: number;
  status: FeeStatus;
  shortfall: number;
  // To be returned: overpayment, refused or expired payments, or any fee for 訂正・利用停止 etc.
  toReturn: number;
  // The payments (by id) sent for a kind that carries no fee: returned whole, never blocking.
  returnedPayments: { paymentId: string; kind: RequestKind; amount: number }[];
  defects: { code: string; message: string; paymentId?: string }[];
  notes: string[];
  // Per kind, for a schedule charging each kind (empty otherwise).
  byKind: FeeShare[];
};

export function feeApplies(kinds: readonly RequestKind[], schedule: FeeSchedule): RequestKind[] {
  return kinds.filter((k) => kindInfo[k].feeAllowed && schedule.kinds.includes(k));
}

// Per kind: the sum of the kinds' fees. Per request: one fee, the highest of the kinds asked for
// (a request for 開示 and 利用目的の通知 pays the 開示 fee once).
export function feeDue(kinds: readonly RequestKind[], schedule: FeeSchedule): number {
  const fees = feeApplies(kinds, schedule).map((k) => kindFee(k, schedule));
  if (fees.length === 0) return 0;
  return schedule.per === 'request' ? Math.max(...fees) : fees.reduce((a, b) => a + b, 0);
}

// One formatter: toLocaleString builds a new one (ICU) for every call.
const yenFormat = new Intl.NumberFormat('ja-JP');
const yen = (n: number) => `${yenFormat.format(n)}円`;

// notOurs: the kinds decided as not our 保有個人データ (data held as a 委託先), which carry no fee;
// money for them goes back like money for a kind without a fee. outsideLaw: the request was
// closed as one the Act does not cover (outside-law.ts): no fee at all, every yen goes back.
export function evaluateFee(
  requested: readonly RequestKind[],
  schedule: FeeSchedule,
  payments: readonly Payment[],
  notOurs: readonly RequestKind[] = [],
  outsideLaw = false,
): FeeResult {
  const kinds = outsideLaw ? [] : requested.filter((k) => !notOurs.includes(k));
  const due = feeDue(kinds, schedule);
  const defects: FeeResult['defects'] = [];
  const notes: string[] = [];
  let accepted = 0;
  let refused = 0;
  const earmarked = new Map<RequestKind | null, number>();
  const charged = feeApplies(kinds, schedule);
  const returnedPayments: FeeResult['returnedPayments'] = [];
  for (const p of payments) {
    const kind = p.forKind ?? null;
    if (kind !== null && !charged.includes(kind)) {
      returnedPayments.push({ paymentId: p.id, kind, amount: p.amount });
      notes.push(
        outsideLaw
          ? `法の対象外のご依頼のため手数料は不要です。「${kindInfo[kind].label}」分としてお送りいただいた${yen(p.amount)}は返還してください。`
          : notOurs.includes(kind)
            ? `「${kindInfo[kind].label}」の請求は当社の保有個人データに当たらないため、手数料は不要です。「${kindInfo[kind].label}」分としてお送りいただいた${yen(p.amount)}は返還してください。`
            : kinds.includes(kind)
              ? `「${kindInfo[kind].label}」の請求には手数料は不要です${kindInfo[kind].feeAllowed ? '' : '（法第38条第1項）'}。「${kindInfo[kind].label}」分としてお送りいただいた${yen(p.amount)}は返還してください。`
              : `この請求には「${kindInfo[kind].label}」が含まれていないため、「${kindInfo[kind].label}」分としてお送りいただいた${yen(p.amount)}は返還してください。`,
      );
      continue;
    }
    if (due === 0) {
      refused += p.amount;
      continue;
    }
    if (!schedule.accepted.includes(p.means)) {
      refused += p.amount;
      defects.push({
        code: 'meansNotAccepted',
        paymentId: p.id,
        message: `${feeMeansLabels[p.means]}による手数料のお支払いはお受けしておりません（お送りいただいた${yen(p.amount)}分は返還いたします）。${schedule.accepted.map((m) => feeMeansLabels[m]).join('、')}のいずれかでお支払いください。`,
      });
      continue;
    }
    if (p.means === 'postalMoneyOrder') {
      if (!p.issuedOn) {
        notes.push('定額小為替の発行日を記録してください（発行日から6か月を過ぎたものは換金できません）。');
      } else if (p.receivedOn > moneyOrderLastValidDay(p.issuedOn)) {
        refused += p.amount;
        defects.push({
          code: 'moneyOrderExpired',
          paymentId: p.id,
          message: `ご同封の定額小為替（発行日 ${formatJapaneseDate(p.issuedOn)}）は発行日から${MONEY_ORDER_VALID_MONTHS}か月を過ぎているため換金できません。お手数ですが、新たに発行した定額小為替をお送りください（お送りいただいたものは返還いたします）。`,
        });
        continue;
      }
    }
    accepted += p.amount;
    earmarked.set(kind, (earmarked.get(kind) ?? 0) + p.amount);
  }
  if (due === 0) {
    if (refused > 0 && outsideLaw) {
      notes.push(`法の対象外のご依頼のため手数料は不要です。同封された${yen(refused)}は返還してください。`);
    } else if (refused > 0) {
      notes.push(
        `この請求（${requested.map((k) => kindInfo[k].label).join('・')}）には手数料は不要です${notOurs.length > 0 ? '（当社の保有個人データに当たらないものを含みます）' : ''}。同封された${yen(refused)}は返還してください。`,
      );
    }
    const toReturn = refused + returnedPayments.reduce((n, r) => n + r.amount, 0);
    return {
      due,
      accepted: 0,
      status: 'notRequired',
      shortfall: 0,
      toReturn,
      defects,
      notes,
      returnedPayments,
      byKind: [],
    };
  }
  const shortfall = Math.max(0, due - accepted);
  const excess = Math.max(0, accepted - due);
  const status: FeeStatus = accepted === 0 ? 'unpaid' : shortfall > 0 ? 'short' : excess > 0 ? 'overpaid' : 'paid';
  const byKind = schedule.per === 'kind' ? feeShares(charged, schedule, earmarked) : [];
  if (status === 'unpaid' || status === 'short') {
    const fee = `手数料${yen(due)}${shareNote(byKind, 'due')}`;
    defects.push({
      code: status === 'unpaid' ? 'feeUnpaid' : 'feeShort',
      message:
        status === 'unpaid'
          ? `${fee}のお支払いが確認できません。${yen(due)}分をお送りください。`
          : `${fee}に対し、${yen(accepted)}分${shareNote(byKind, 'accepted')}のみ確認できました。不足額${yen(shortfall)}${shareNote(byKind, 'shortfall')}をお送りください。`,
    });
  }
  if (excess > 0) notes.push(`手数料を${yen(excess)}多くお受け取りしています。超過分を返還してください。`);
  const returned = returnedPayments.reduce((n, r) => n + r.amount, 0);
  return {
    due,
    accepted,
    status,
    shortfall,
    toReturn: refused + excess + returned,
    defects,
    notes,
    returnedPayments,
    byKind,
  };
}

function feeShares(
  charged: readonly RequestKind[],
  schedule: FeeSchedule,
  earmarked: ReadonlyMap<RequestKind | null, number>,
): FeeShare[] {
  const kinds = charged.filter((k) => kindFee(k, schedule) > 0);
  const own = (k: RequestKind) => earmarked.get(k) ?? 0;
  let spare = (earmarked.get(null) ?? 0) + kinds.reduce((n, k) => n + Math.max(0, own(k) - kindFee(k, schedule)), 0);
  return kinds.map((kind) => {
    const due = kindFee(kind, schedule);
    const mine = Math.min(due, own(kind));
    const topUp = Math.min(due - mine, spare);
    spare -= topUp;
    return { kind, due, accepted: mine + topUp, shortfall: due - mine - topUp };
  });
}

// Which kinds an amount is for: 「（開示分）」 for one, 「（利用目的の通知分500円、開示分300円）」 for
// several; for the fee itself, 「（利用目的の通知 500円、開示 1,000円）」. Empty without shares.
export function shareNote(shares: readonly FeeShare[], part: 'due' | 'accepted' | 'shortfall'): string {
  const parts = shares.filter((s) => s[part] > 0);
  const label = (s: FeeShare) => kindInfo[s.kind].label;
  if (parts.length === 0) return '';
  if (part === 'due') return `（${parts.map((s) => `${label(s)} ${yen(s.due)}`).join('、')}）`;
  if (parts.length === 1) return `（${parts.map(label).join('')}分）`;
  return `（${parts.map((s) => `${label(s)}分${yen(s[part])}`).join('、')}）`;
}

// The administrator's fee schedule: the law allows no fee for the other kinds, so the schedule
// has one amount, applied only to the fee-bearing kinds; an amount outside practice is refused.
export function feeScheduleProblems(s: FeeSchedule): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(s.amount) || s.amount < 0) problems.push('手数料は0円以上の整数で入力してください。');
  if (s.amount > 10_000)
    problems.push('手数料が高額すぎます。実費を勘案した合理的な額（一般に1,000円前後）にしてください。');
  if (s.accepted.length === 0 && s.amount > 0) problems.push('手数料の支払方法を1つ以上選択してください。');
  if (s.kinds.some((k) => !kindInfo[k].feeAllowed)) problems.push(FEE_NOT_ALLOWED_MESSAGE);
  for (const [k, v] of Object.entries(s.amounts ?? {}) as [RequestKind, number][]) {
    if (!kindInfo[k].feeAllowed) problems.push(FEE_NOT_ALLOWED_MESSAGE);
    else if (!Number.isInteger(v) || v < 0 || v > 10_000)
      problems.push(`${kindInfo[k].label}の手数料は0円以上10,000円以下の整数で入力してください。`);
  }
  return [...new Set(problems)];
}
