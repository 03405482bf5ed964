// A character the letter fonts lack, told so that staff can identify it even where the PC's own
// fonts cannot draw it either: its code point, and the part of Unicode it belongs to in words.
// (Unicode's own name says no more for a kanji: "CJK UNIFIED IDEOGRAPH-4F1F".)

const blocks: [from: number, to: number, label: string][] = [
  [0x2e80, 0x2fdf, '部首'],
  [0x3400, 0x4dbf, '漢字（統合漢字拡張A）'],
  [0x4e00, 0x9fff, '漢字（JISにない字。簡体字など）'],
  [0xf900, 0xfaff, '互換漢字'],
  [0x20000, 0x2a6df, '漢字（統合漢字拡張B）'],
  [0x2a700, 0x2ebef, '漢字（統合漢字拡張C〜F）'],
  [0x2ebf0, 0x2ee5f, '漢字（統合漢字拡張I）'],
  [0x2f800, 0x2fa1f, '互換漢字（補助）'],
  [0x30000, 0x323af, '漢字（統合漢字拡張G・H）'],
  [0xe000, 0xf8ff, '私用領域（パソコンごとに登録された外字）'],
  [0xf0000, 0x10ffff, '私用領域（パソコンごとに登録された外字）'],
  [0x1100, 0x11ff, 'ハングル'],
  [0x3130, 0x318f, 'ハングル'],
  [0xac00, 0xd7af, 'ハングル'],
  [0x2600, 0x27bf, '記号・絵文字'],
  [0x1f000, 0x1faff, '絵文字'],
];

export type CharInfo = { char: string; codePoint: string; block: string };

export function charInfo(char: string): CharInfo {
  const cp = char.codePointAt(0) ?? 0;
  const block = blocks.find(([from, to]) => cp >= from && cp <= to)?.[2] ?? 'その他の文字';
  return { char, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, block };
}
