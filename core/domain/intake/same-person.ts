import { addMonths, type IsoDate } from '../dates';
import { outcomeLabel, type Outcome } from '../decisions';
import { stateLabels, type State } from '../workflow';
import { kindInfo, type RequestKind } from './kinds';
import { kanaKey, nameKey, phoneKey } from './text';

// Earlier requests of the same person (issue 33 §4): four identical 開示 requests in a month are
// the pattern 33条2項2号 speaks of, so the warning at intake and on the request page looks at
// answered and closed requests too, over a period the administrator sets.

export const DEFAULT_SAME_PERSON_MONTHS = 12;

export const samePersonFields = ['name', 'kana', 'birthDate', 'address', 'phone'] as const;
export type SamePersonField = (typeof samePersonFields)[number];

export const samePersonFieldLabels: Record<SamePersonField, string> = {
  name: '氏名',
  kana: 'フリガナ',
  birthDate: '生年月日',
  address: '住所',
  phone: '電話番号',
};

type PersonText = { name: string; kana: string; birthDate: string | null; address: string; phone: string };
type PersonKeys = Record<SamePersonField, string>;

const KANJI_DIGITS = '〇一二三四五六七八九';

// 一…九十九 as a number (the 丁目 of an address is written either way).
function kanjiNumber(s: string): string {
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  const digit = (c: string | undefined) => Math.max(0, KANJI_DIGITS.indexOf(c ?? ''));
  const value = (s.includes('十') ? (tens === '' ? 1 : digit(tens)) * 10 : 0) + (ones === '' ? 0 : digit(ones));
  return String(value);
}

// An address as typed, compared loosely: width, spaces, 「1丁目2番3号」 = 「一丁目2-3」 = 「1－2－3」.
export function addressKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s・･]/g, '')
    .replace(/([一二三四五六七八九十]+)(?=丁目)/g, (n) => kanjiNumber(n))
    .replace(/(\d)[‐‑‒–—―−ーｰ－-](?=\d)/g, '$1-')
    .replace(/(\d)(?:丁目|番地|番|の)(?=\d)/g, '$1-')
    .replace(/(\d)(?:番地|番|号)$/, '$1');
}

export function personKeys(p: PersonText): PersonKeys {
  return {
    name: nameKey(p.name),
    kana: kanaKey(p.kana),
    birthDate: p.birthDate ?? '',
    address: addressKey(p.address),
    phone: p.phone ? phoneKey(p.phone) : '',
  };
}

// The fields two people share, when they are likely the same person: a name (氏名 or フリガナ)
// and something a namesake would not share (生年月日, 住所 or 電話番号). Null otherwise: a name
// alone says nothing (同姓同名). Fields left empty match nothing.
export function samePersonMatch(a: PersonKeys, b: PersonKeys): SamePersonField[] | null {
  const matched = samePersonFields.filter((f) => a[f] !== '' && a[f] === b[f]);
  const named = matched.includes('name') || matched.includes('kana');
  const confirmed = matched.some((f) => f === 'birthDate' || f === 'address' || f === 'phone');
  return named && confirmed ? matched : null;
}

// The first arrival date the lookup covers: `months` before the reference day (today at intake,
// the request's own 到達日 on its page).
export const samePersonSince = (reference: IsoDate, months: number): IsoDate => addMonths(reference, -months);

// What became of a request, in one line: the decisions of an answered request, the way a closed
// one ended, or the step an open one is at.
export function outcomeSummary(status: State, decisions: readonly { kind: RequestKind; outcome: Outcome }[]): string {
  if (status === 'withdrawn' || status === 'deemedWithdrawn' || status === 'declined') return stateLabels[status];
  if ((status === 'sent' || status === 'completed') && decisions.length > 0)
    return decisions.map((d) => `${kindInfo[d.kind].label}: ${outcomeLabel(d.kind, d.outcome)}`).join('、');
  return status === 'completed' ? stateLabels[status] : `処理中（${stateLabels[status]}）`;
}
