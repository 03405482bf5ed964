import type { ChannelInput } from '../core/contract';
import { intakeInput } from '../electron/main/testing/support';

const surnames = [
  ['山田', 'ヤマダ'],
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['中村', 'ナカムラ'],
] as const;
const given = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['一郎', 'イチロウ'],
  ['美咲', 'ミサキ'],
  ['健太', 'ケンタ'],
  ['陽子', 'ヨウコ'],
] as const;

// A realistic 本人 開示 request, varied by index (fictional people).
export function intakeFixture(i: number): ChannelInput<'intake.create'> {
  const [sn, sk] = surnames[i % surnames.length] ?? surnames[0];
  const [gn, gk] = given[(i * 5) % given.length] ?? given[0];
  const day = `2026-11-${String(1 + (i % 20)).padStart(2, '0')}`;
  const base = intakeInput();
  return intakeInput({
    channel: i % 3 === 0 ? 'registeredPost' : 'post',
    arrivalDate: day,
    principal: {
      ...base.principal,
      name: `${sn} ${gn}`,
      kana: `${sk} ${gk}`,
      birthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      address: `東京都千代田区千代田${1 + (i % 9)}-${1 + (i % 30)}`,
      phone: `03-1234-${String(i % 10000).padStart(4, '0')}`,
    },
    payments: base.payments.map((p) => ({ ...p, receivedOn: day })),
  });
}
