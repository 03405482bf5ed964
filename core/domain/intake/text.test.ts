import { describe, expect, it } from 'vitest';
import { kanaKey, nameKey, searchTerms, unsafeCharacter } from './text';

describe('unsafe characters', () => {
  it.each([
    ['ESC (an ANSI escape sequence)', '山田\u001b[31m太郎', 'U+001B'],
    ['NUL', '山田\u0000太郎', 'U+0000'],
    ['DEL', '山田\u007f', 'U+007F'],
    ['a C1 control', '山田\u0085太郎', 'U+0085'],
    ['RIGHT-TO-LEFT OVERRIDE', '東京都\u202e1-1', 'U+202E'],
    ['a bidi isolate', '東京都\u20661-1\u2069', 'U+2066'],
    ['ZERO WIDTH SPACE', '山\u200b田', 'U+200B'],
    ['ZERO WIDTH JOINER', '山\u200d田', 'U+200D'],
    ['a BOM', '\ufeff山田', 'U+FEFF'],
    ['LEFT-TO-RIGHT MARK', '山田\u200e', 'U+200E'],
    ['ARABIC LETTER MARK', '山田\u061c', 'U+061C'],
    ['LINE SEPARATOR', '山田\u2028', 'U+2028'],
    ['a deprecated format character', '山田\u206b', 'U+206B'],
    ['a soft hyphen', '山\u00ad田', 'U+00AD'],
    ['a tag character', '山田\u{e0041}', 'U+E0041'],
    ['a Hangul filler', '山\u3164田', 'U+3164'],
  ])('finds %s', (_name, text, code) => {
    expect(unsafeCharacter(text, true)).toBe(code);
  });

  it('takes line breaks in several-line fields only', () => {
    expect(unsafeCharacter('一行目\n二行目', true)).toBeNull();
    expect(unsafeCharacter('一行目\n二行目', false)).toBe('U+000A');
    expect(unsafeCharacter('髙﨑 德太郎　𠮷', false)).toBeNull();
  });
});

describe('searchTerms', () => {
  it('reads digits as a 受付番号, kana as フリガナ and a name, anything else as a name only', () => {
    expect(searchTerms(' 2026-0０1 ')).toEqual({ receiptNo: '2026-001', kana: null, name: null });
    expect(searchTerms('ヤマダ')).toEqual({ receiptNo: null, kana: kanaKey('ヤマダ'), name: nameKey('ヤマダ') });
    expect(searchTerms('山田')).toEqual({ receiptNo: null, kana: null, name: nameKey('山田') });
    expect(searchTerms('   ')).toEqual({ receiptNo: null, kana: null, name: null });
  });
});
