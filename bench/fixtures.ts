import type { ChannelInput } from '../core/contract';
import { intakeInput } from '../electron/main/testing/support';

// Surnames as a desk meets them: a few thousand, the commonest about 1% of people and most of
// them rare (weights ∝ 1/(rank + 20), near the real distribution's head and long tail). Built
// from common parts with their readings, so they are plausible to read (fictional people).
const firstParts = [
  ['山', 'ヤマ'],
  ['田', 'タ'],
  ['中', 'ナカ'],
  ['小', 'コ'],
  ['大', 'オオ'],
  ['高', 'タカ'],
  ['石', 'イシ'],
  ['松', 'マツ'],
  ['木', 'キ'],
  ['林', 'ハヤシ'],
  ['川', 'カワ'],
  ['井', 'イ'],
  ['森', 'モリ'],
  ['池', 'イケ'],
  ['藤', 'フジ'],
  ['橋', 'ハシ'],
  ['岡', 'オカ'],
  ['村', 'ムラ'],
  ['西', 'ニシ'],
  ['東', 'ヒガシ'],
  ['北', 'キタ'],
  ['南', 'ミナミ'],
  ['上', 'ウエ'],
  ['下', 'シモ'],
  ['前', 'マエ'],
  ['吉', 'ヨシ'],
  ['佐', 'サ'],
  ['加', 'カ'],
  ['長', 'ナガ'],
  ['清', 'キヨ'],
  ['竹', 'タケ'],
  ['桜', 'サクラ'],
  ['金', 'カネ'],
  ['野', 'ノ'],
  ['原', 'ハラ'],
  ['福', 'フク'],
  ['今', 'イマ'],
  ['宮', 'ミヤ'],
  ['平', 'ヒラ'],
  ['秋', 'アキ'],
  ['岩', 'イワ'],
  ['菊', 'キク'],
  ['浅', 'アサ'],
  ['青', 'アオ'],
  ['白', 'シラ'],
  ['黒', 'クロ'],
  ['坂', 'サカ'],
  ['近', 'チカ'],
  ['市', 'イチ'],
  ['深', 'フカ'],
  ['荒', 'アラ'],
  ['杉', 'スギ'],
  ['梅', 'ウメ'],
  ['熊', 'クマ'],
  ['鶴', 'ツル'],
  ['亀', 'カメ'],
] as const;
const secondParts = [
  ['田', 'ダ'],
  ['山', 'ヤマ'],
  ['川', 'カワ'],
  ['本', 'モト'],
  ['村', 'ムラ'],
  ['野', 'ノ'],
  ['井', 'イ'],
  ['木', 'キ'],
  ['島', 'シマ'],
  ['沢', 'サワ'],
  ['原', 'ハラ'],
  ['谷', 'タニ'],
  ['口', 'グチ'],
  ['崎', 'サキ'],
  ['藤', 'フジ'],
  ['橋', 'ハシ'],
  ['岡', 'オカ'],
  ['尾', 'オ'],
  ['部', 'ベ'],
  ['内', 'ウチ'],
  ['地', 'ジ'],
  ['森', 'モリ'],
  ['浦', 'ウラ'],
  ['永', 'ナガ'],
  ['城', 'シロ'],
  ['瀬', 'セ'],
  ['江', 'エ'],
  ['畑', 'ハタ'],
  ['宮', 'ミヤ'],
  ['塚', 'ツカ'],
  ['林', 'バヤシ'],
  ['松', 'マツ'],
  ['元', 'モト'],
  ['坂', 'サカ'],
  ['池', 'イケ'],
  ['下', 'シタ'],
  ['上', 'ガミ'],
  ['中', 'ナカ'],
  ['石', 'イシ'],
  ['垣', 'ガキ'],
  ['田中', 'タナカ'],
  ['見', 'ミ'],
  ['丸', 'マル'],
  ['辺', 'ベ'],
  ['間', 'マ'],
  ['浜', 'ハマ'],
  ['久保', 'クボ'],
  ['倉', 'クラ'],
  ['戸', 'ト'],
  ['堀', 'ボリ'],
  ['嶋', 'ジマ'],
  ['和', 'ワ'],
  ['條', 'ジョウ'],
  ['屋', 'ヤ'],
] as const;
export const surnames: readonly (readonly [string, string])[] = firstParts.flatMap(([a, ak]) =>
  secondParts.map(([b, bk]) => [`${a}${b}`, `${ak}${bk}`] as const),
);
// Cumulative weights of the ranks (a surname's rank is its place in a fixed shuffle).
const rankOrder = surnames.map((_, i) => i).sort((x, y) => ((x * 2654435761) % 4093) - ((y * 2654435761) % 4093));
const cumulative = (() => {
  let total = 0;
  return surnames.map((_, rank) => (total += 1 / (rank + 20)));
})();
// The surname of the person at index i: a deterministic draw from the weighted ranks.
export function surnameAt(i: number): readonly [string, string] {
  const total = cumulative[cumulative.length - 1] ?? 1;
  const u = (((i + 1) * 2654435761) % 4294967296) / 4294967296;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) < u * total) lo = mid + 1;
    else hi = mid;
  }
  return surnameOfRank(lo);
}
// The surname of a rank: 0 the commonest.
export function surnameOfRank(rank: number): readonly [string, string] {
  return surnames[rankOrder[rank] ?? 0] ?? ['山田', 'ヤマダ'];
}
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
  const [sn, sk] = surnameAt(i);
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
